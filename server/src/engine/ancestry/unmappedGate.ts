// Before a verdict on a group: could rows whose labels were read as no group (labels no
// vocabulary or policy maps) be that group? Then the verdict is not said. A group with no
// row may be behind any unmapped label, so it is never "absent" while one remains; an
// under-represented group keeps its verdict only when counting every unmapped row in it
// would still leave it below the threshold. ancestry-labels-unmapped names the labels.
import type { AncestryAssessment, GroupAssessment } from './assess';

export function unmappedRows(a: AncestryAssessment): number {
  return a.unmapped.reduce((n, u) => n + u.count, 0);
}

export function mayHideGroup(a: AncestryAssessment, g: GroupAssessment): boolean {
  const n = unmappedRows(a);
  if (n === 0) return false;
  if (g.count === 0) return true;
  if (g.referenceShare === undefined || a.total === 0) return false;
  return (g.count + n) / a.total >= a.minRatio * g.referenceShare;
}
