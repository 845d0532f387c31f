// Two ancestry columns that group the rows the same way (1000 Genomes' `pop` codes roll up
// into `super_pop`: YRI, LWK, ... are all AFR) give the same representation verdicts word
// for word but the column name. Representation rules report them once, on the coarser
// column. These verdicts read only the group counts, the total and the reference, so equal
// counts are enough for the findings to be equal; row-level identity is not needed.
import type { AncestryAssessment } from './assess';
import { isPopulationColumn, isRegionColumn } from './detectColumns';
import { pairedWith } from './pairedColumns';

function signature(a: AncestryAssessment): string | undefined {
  if (a.total === 0) return undefined;
  const groups = a.groups.map((g) => [g.group, g.count, g.referenceShare ?? null] as const).sort((x, y) => x[0].localeCompare(y[0]));
  return JSON.stringify([a.reference?.id ?? null, a.reference?.label ?? null, a.total, a.minRatio, a.minCount, groups]);
}

/**
 * Column index → the column whose representation findings stand for it. The kept column
 * writes the most rows with their group's own label (super_pop's AFR over pop's YRI), then
 * has the fewest distinct labels, then comes first.
 */
export function representedBy(ancestry: readonly AncestryAssessment[]): Map<number, AncestryAssessment> {
  const bySignature = new Map<string, AncestryAssessment[]>();
  for (const a of ancestry) {
    const key = signature(a);
    if (key === undefined) continue;
    bySignature.set(key, [...(bySignature.get(key) ?? []), a]);
  }
  const result = new Map<number, AncestryAssessment>();
  for (const same of bySignature.values()) {
    if (same.length < 2) continue;
    const labels = (a: AncestryAssessment) => a.groups.reduce((n, g) => n + g.values.size, 0);
    const canonicalRows = (a: AncestryAssessment) => a.groups.reduce((n, g) => n + (g.values.get(g.group) ?? 0), 0);
    const kept = [...same].sort((x, y) => canonicalRows(y) - canonicalRows(x) || labels(x) - labels(y) || x.columnIndex - y.columnIndex)[0];
    for (const a of same) if (a !== kept) result.set(a.columnIndex, kept);
  }
  // A sample sheet's fine populations beside its regions (SGDP Population_ID and Region) are
  // assessed through the region: each population is profiled in the hover, not reported.
  const region = ancestry.find((a) => isRegionColumn(a.column));
  if (region) for (const a of ancestry) if (a !== region && isPopulationColumn(a.column) && !result.has(a.columnIndex)) result.set(a.columnIndex, region);
  // One variable in two columns (a concept id and its source value) is reported once too.
  for (const [index, kept] of pairedWith(ancestry)) if (!result.has(index) && !result.has(kept.columnIndex)) result.set(index, kept);
  return result;
}

/** The assessments reported on their own column: those no other column's findings stand for. */
export function reportedColumns(ancestry: readonly AncestryAssessment[]): AncestryAssessment[] {
  const elsewhere = representedBy(ancestry);
  return ancestry.filter((a) => !elsewhere.has(a.columnIndex));
}
