// k-anonymity over the quasi-identifiers [S75]: each row's equivalence class is the rows
// sharing its combination of (generalised) quasi-identifier values. k_min is the smallest
// class; rows in classes smaller than k are the ones at risk (risk 1/size). The column
// that contributes most is the one whose removal raises k_min most (ties: leaves fewest
// rows at risk), found by merging the classes without it. Columns that are one attribute
// written twice (sameAttribute.ts) are removed together: removing one alone changes nothing.
import { CLASS_SEPARATOR } from './scan';

export interface KSummary {
  classes: number;
  kMin: number;
  /** Rows in classes smaller than k, and how many such classes. */
  rowsBelowK: number;
  classesBelowK: number;
}

export interface KAssessment extends KSummary {
  k: number;
  rows: number;
  /** Per attribute (by position in `groups`), the summary with it removed. */
  without: KSummary[];
  /** The attributes: quasi-identifier positions, one group per attribute. */
  groups: number[][];
  /** Position in `groups` of the attribute whose removal helps most; undefined with a single one. */
  mostContributing?: number;
}

export function summarise(counts: Iterable<number>, k: number): KSummary {
  let classes = 0;
  let kMin = Infinity;
  let rowsBelowK = 0;
  let classesBelowK = 0;
  for (const n of counts) {
    classes++;
    if (n < kMin) kMin = n;
    if (n < k) { rowsBelowK += n; classesBelowK++; }
  }
  return { classes, kMin: classes === 0 ? 0 : kMin, rowsBelowK, classesBelowK };
}

/** The classes with the positions `drop` left out of every key. */
function merged(classes: Map<string, number>, drop: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of classes) {
    const k = key.split(CLASS_SEPARATOR).filter((_, i) => !drop.includes(i)).join(CLASS_SEPARATOR);
    out.set(k, (out.get(k) ?? 0) + n);
  }
  return out;
}

export function assessK(
  classes: Map<string, number>, quasiCount: number, k: number,
  groups: number[][] = Array.from({ length: quasiCount }, (_, i) => [i]),
): KAssessment {
  const all = summarise(classes.values(), k);
  const rows = [...classes.values()].reduce((a, b) => a + b, 0);
  const without = groups.length > 1 ? groups.map((g) => summarise(merged(classes, g).values(), k)) : [];
  let mostContributing: number | undefined;
  without.forEach((s, i) => {
    if (mostContributing === undefined) { mostContributing = i; return; }
    const best = without[mostContributing];
    if (s.kMin > best.kMin || (s.kMin === best.kMin && s.rowsBelowK < best.rowsBelowK)) mostContributing = i;
  });
  return { ...all, k, rows, without, groups, mostContributing };
}
