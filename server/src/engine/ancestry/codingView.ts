// What the column's own coding can say, applied to the reference before any verdict:
// - a union category of an older coding (1977's "Asian or Pacific Islander") is compared
//   with the union of today's shares, and the rows of its parts join it, so neither part is
//   reported absent because the data uses the older union;
// - a reference group the coding has no code for (OMOP's race concepts have no multiracial
//   one) and that no row carries is "not collected by this coding", not absent: it leaves
//   the reference.
import { OMB_UNIONS, type Coding } from './codeSets';
import type { Reference } from './references';

export interface CodingView {
  reference: Reference | undefined;
  /** Group -> the union group its rows are counted in. */
  mergedInto: Map<string, string>;
  /** Reference groups with no row that the column's coding cannot express, with that coding's name. */
  notCollected: { group: string; coding: string }[];
}

export function codingView(reference: Reference | undefined, groupsPresent: Set<string>, codings: Coding[]): CodingView {
  const mergedInto = new Map<string, string>();
  if (!reference) return { reference, mergedInto, notCollected: [] };
  const shares = { ...reference.shares };
  let label = reference.label;
  for (const [union, parts] of Object.entries(OMB_UNIONS)) {
    if (!groupsPresent.has(union) || !parts.every((p) => shares[p] !== undefined)) continue;
    shares[union] = parts.reduce((sum, p) => sum + shares[p], 0);
    for (const p of parts) { delete shares[p]; mergedInto.set(p, union); }
    label += `; ${union} = ${parts.join(' + ')}`;
  }
  const notCollected: CodingView['notCollected'] = [];
  for (const coding of codings) {
    if (!coding.distinctive) continue;
    for (const lacked of coding.lacks) {
      // A reference of other group names (ONS for OMB labels) lacks the group it counts that one in.
      const group = reference.rollUp?.[lacked] ?? lacked;
      if (shares[group] === undefined || groupsPresent.has(lacked) || groupsPresent.has(group) || notCollected.some((n) => n.group === group)) continue;
      notCollected.push({ group, coding: coding.name });
      delete shares[group];
    }
  }
  if (mergedInto.size === 0 && notCollected.length === 0) return { reference, mergedInto, notCollected };
  return { reference: { ...reference, label, shares, partition: reference.partition && notCollected.length === 0 }, mergedInto, notCollected };
}
