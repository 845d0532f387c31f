// Every rule, in the order findings are reported.
import { ancestryColumnMissing } from './ancestryColumnMissing';
import { ancestryGroupAbsent } from './ancestryGroupAbsent';
import { ancestryGroupSmall } from './ancestryGroupSmall';
import { ancestryLabelNonstandard } from './ancestryLabelNonstandard';
import { ancestryUnderrepresented } from './ancestryUnderrepresented';
import type { DatasetRule, RuleMeta } from './rule';
import { tableMalformed } from './tableMalformed';

export const DATASET_RULES: DatasetRule[] = [
  tableMalformed,
  ancestryColumnMissing,
  ancestryUnderrepresented,
  ancestryGroupAbsent,
  ancestryGroupSmall,
  ancestryLabelNonstandard,
];

export const CONFIG_INVALID: RuleMeta = {
  id: 'config-invalid',
  defaultSeverity: 'error',
  description: 'The policy file is not valid YAML/JSON or does not match its schema; defaults apply until it is fixed.',
  fixable: false,
  appliesTo: 'policy',
};

export const ALL_RULES: RuleMeta[] = [...DATASET_RULES, CONFIG_INVALID];

export function ruleById(id: string): RuleMeta | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
