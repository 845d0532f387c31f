// Quick fixes of the ancestry rules: label normalisation, acknowledgement in the policy.
import { acknowledgeFix, REASON_PLACEHOLDER } from './acknowledge';
import { markSafeForFixAll } from './fixAllSafe';
import type { FixProvider } from './fixProvider';
import { labelMappingFix } from './labelMapping';
import { normaliseLabelFix } from './normaliseLabel';

const normaliseLabel: FixProvider = (analysis, finding, context) => {
  if (analysis.kind !== 'dataset') return [];
  const data = (finding.data ?? {}) as Record<string, unknown>;
  const columnIndex = typeof data.columnIndex === 'number' ? data.columnIndex : analysis.table.header.indexOf(String(data.column));
  if (columnIndex < 0 || typeof data.value !== 'string' || typeof data.canonical !== 'string') return [];
  const fix = normaliseLabelFix(analysis, columnIndex, data.value, data.canonical, context.mergeEdits);
  return fix ? [fix] : [];
};

const acknowledge: FixProvider = (_analysis, finding, context) => {
  const data = (finding.data ?? {}) as Record<string, unknown>;
  if (data.acknowledged !== undefined || typeof data.group !== 'string' || typeof data.column !== 'string') return [];
  return [acknowledgeFix({ rule: finding.code, column: data.column, group: data.group, reason: REASON_PLACEHOLDER }, context.policy, context.read, context.newPolicyDir)];
};

/** Groups offered for the most frequent unmapped label, one fix each: the reviewer picks. */
const MAX_GROUP_FIXES = 10;

const mapLabel: FixProvider = (_analysis, finding, context) => {
  const data = (finding.data ?? {}) as Record<string, unknown>;
  const label = Object.keys((data.labels ?? {}) as Record<string, number>)[0];
  const groups = Array.isArray(data.groups) ? data.groups.filter((g): g is string => typeof g === 'string') : [];
  if (label === undefined) return [];
  return groups.slice(0, MAX_GROUP_FIXES).flatMap((group) => labelMappingFix(label, group, context.policy, context.read, context.newPolicyDir) ?? []);
};

export const ANCESTRY_FIXES: Record<string, FixProvider> = {
  // A synonym of the vocabulary's canonical label, rewritten as that label: same meaning.
  'ancestry-label-nonstandard': markSafeForFixAll(normaliseLabel),
  'ancestry-underrepresented': acknowledge,
  'ancestry-group-absent': acknowledge,
  'ancestry-labels-unmapped': mapLabel,
  'ancestry-representation-unchecked': mapLabel,
};
