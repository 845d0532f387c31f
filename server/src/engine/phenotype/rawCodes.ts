// A disparity test grouped by an ancestry column whose labels nothing maps (numeric survey
// codes, local labels) compares raw codes, not groups: "highest 6.0, lowest 7.0" reads as a
// verdict about groups nobody named. The finding says so, and which column explains why.
import type { AncestryAssessment } from '../ancestry/assess';
import { UNCHECKED_RULE_ID, uncheckedKind } from '../rules/ancestryRepresentationUnchecked';
import type { ColumnDisparity } from './disparity';

/** True when the groups compared are raw labels of a column no reference applies to. */
export function groupedByRawCodes(ancestry: readonly AncestryAssessment[], c: ColumnDisparity): boolean {
  const a = ancestry.find((x) => x.columnIndex === c.ancestryIndex);
  if (!a || uncheckedKind(a) === undefined) return false;
  const unmapped = new Set(a.groups.filter((g) => !g.mapped).map((g) => g.group));
  return c.groups.some((g) => !g.small && unmapped.has(g.group));
}

/** The sentence added to the finding, or nothing. */
export function rawCodesText(ancestry: readonly AncestryAssessment[], c: ColumnDisparity): string {
  if (!groupedByRawCodes(ancestry, c)) return '';
  return ` The groups compared are raw codes of "${c.ancestryColumn}": its labels are unmapped (no vocabulary or policy mapping reads them as groups; ` +
    `see ${UNCHECKED_RULE_ID}), so which people each code stands for is not known here.`;
}
