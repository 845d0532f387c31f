// Columns whose missing cells fall on exactly the same rows (a block of lab results all
// absent when no blood was drawn): one pattern, so one finding, not one per column. Read
// from the pair counts of the missingness sketch: columns i and j are missing on the same
// rows exactly when both have m missing cells and m rows have both missing.
import { bothMissing } from '../profile/missingnessSketch';
import type { TableProfile } from '../profile/profile';

/** Groups of `columns` (each ascending, in order of their first column) with the same missing rows; columns with no missing cell are left out. */
export function missingPatterns(profile: TableProfile, columns: readonly number[]): number[][] {
  const sketch = profile.missingness;
  const withMissing = columns.filter((i) => profile.columns[i].missing > 0);
  const groups: number[][] = [];
  for (const i of withMissing) {
    const m = profile.columns[i].missing;
    const same = sketch && groups.find((g) => profile.columns[g[0]].missing === m && bothMissing(sketch, g[0], i) === m);
    if (same) same.push(i);
    else groups.push([i]);
  }
  return groups;
}

/** Column index -> the columns sharing its missing rows (itself included). */
export function patternOf(profile: TableProfile, columns: readonly number[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  for (const group of missingPatterns(profile, columns)) for (const i of group) result.set(i, group);
  return result;
}
