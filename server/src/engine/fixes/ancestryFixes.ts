// Quick fixes of the ancestry rules: label normalisation, acknowledgement in the policy.
import { ancestryGroupAbsent } from '../rules/ancestryGroupAbsent';
import { ancestryLabelNonstandard } from '../rules/ancestryLabelNonstandard';
import { ancestryLabelsUnmapped } from '../rules/ancestryLabelsUnmapped';
import { ancestryUnderrepresented } from '../rules/ancestryUnderrepresented';
import { acknowledgeFix, REASON_PLACEHOLDER } from './acknowledge';
import { markSafeForFixAll } from './fixAllSafe';
import type { FixContext } from './fixProvider';
import { labelMappingFix } from './labelMapping';
import { normaliseLabelFix } from './normaliseLabel';
import { ruleFixes } from './ruleFixes';

/** Acknowledging a group of a column in the policy; an acknowledged finding offers it no more. */
function acknowledge(finding: { code: string; data: { group: string; column: string; acknowledged?: string } }, context: FixContext) {
  const { data } = finding;
  if (data.acknowledged !== undefined) return [];
  return [acknowledgeFix({ rule: finding.code, column: data.column, group: data.group, reason: REASON_PLACEHOLDER }, context.policy, context.read, context.newPolicyDir)];
}

/** Groups offered for the most frequent unmapped label, one fix each: the reviewer picks. */
const MAX_GROUP_FIXES = 10;

export const ANCESTRY_FIXES = Object.fromEntries([
  ruleFixes(ancestryLabelNonstandard, {
    // A synonym of the vocabulary's canonical label, rewritten as that label: same meaning.
    synonym: markSafeForFixAll((analysis, { data }, context) => {
      if (analysis.kind !== 'dataset') return [];
      const fix = normaliseLabelFix(analysis, data.columnIndex, data.value, data.canonical, context.mergeEdits);
      return fix ? [fix] : [];
    }),
  }),
  ruleFixes(ancestryUnderrepresented, { underrepresented: (_analysis, finding, context) => acknowledge(finding, context) }),
  ruleFixes(ancestryGroupAbsent, { absent: (_analysis, finding, context) => acknowledge(finding, context) }),
  ruleFixes(ancestryLabelsUnmapped, {
    unmapped: (_analysis, { data }, context) => {
      const label = Object.keys(data.labels)[0];
      if (label === undefined) return [];
      return data.groups.slice(0, MAX_GROUP_FIXES).flatMap((group) => labelMappingFix(label, group, context.policy, context.read, context.newPolicyDir) ?? []);
    },
  }),
]);
