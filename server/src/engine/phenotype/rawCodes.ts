// A disparity test grouped by an ancestry column whose labels nothing maps (numeric survey
// codes, local labels) compares raw codes, not groups: "highest 6.0, lowest 7.0" reads as a
// verdict about groups nobody named. The finding names each such group as a raw code
// (`group "6.0" (unmapped code)`), says so, and which column explains why. Shared by
// phenotype-missingness-disparity and the outcome disparity rules.
import type { AncestryAssessment } from '../ancestry/assess';
import { labelText } from '../privacy/shownLabel';
import { UNCHECKED_RULE_ID, uncheckedKind } from '../rules/ancestryRepresentationUnchecked';
import type { ColumnDisparity } from './disparity';

/**
 * The groups of an ancestry column that are raw labels of a column no reference applies to
 * (ancestry-representation-unchecked reports it); empty for any other column.
 */
export function unmappedGroupsOf(ancestry: readonly AncestryAssessment[], columnIndex: number): ReadonlySet<string> {
  const a = ancestry.find((x) => x.columnIndex === columnIndex);
  if (!a || uncheckedKind(a) === undefined) return new Set();
  return new Set(a.groups.filter((g) => !g.mapped).map((g) => g.group));
}

/** True when the groups compared are raw labels of a column no reference applies to. */
export function groupedByRawCodes(ancestry: readonly AncestryAssessment[], c: ColumnDisparity): boolean {
  const unmapped = unmappedGroupsOf(ancestry, c.ancestryIndex);
  return c.groups.some((g) => !g.small && unmapped.has(g.group));
}

/** `group "6.0" (unmapped code)` for a raw code, else the group's label. */
export function groupName(group: string, unmapped: ReadonlySet<string>): string {
  return unmapped.has(group) ? `group "${labelText(group)}" (unmapped code)` : labelText(group);
}

/** The sentence added to the finding's detail, or nothing. */
export function rawCodesSentence(column: string): string {
  return ` The groups compared are raw codes of "${column}": its labels are unmapped (no vocabulary or policy mapping reads them as groups; ` +
    `see ${UNCHECKED_RULE_ID}), so which people each code stands for is not known here. Map them in ancestry.labels to compare named groups.`;
}

/** The sentence added to a disparity finding, or nothing. */
export function rawCodesText(ancestry: readonly AncestryAssessment[], c: ColumnDisparity): string {
  return groupedByRawCodes(ancestry, c) ? rawCodesSentence(c.ancestryColumn) : '';
}
