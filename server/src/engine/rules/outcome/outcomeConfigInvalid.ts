// config-invalid: the policy file's own problems (policy/loadPolicy.ts reports those
// under the messages `parse`, `key` and `schema-path`), and here the outcome key's problems
// that only a dataset reveals:
// a named column this dataset lacks, a predictions table that cannot be used, a score
// column that is not numeric, too many group combinations. The policy is loaded before
// any dataset is seen and one policy covers every table in its folder, so the finding
// sits on this dataset's header (the label's cell, or the first), naming the policy key.
import { count, percent } from '../../format';
import { MAX_TUPLES } from '../../outcome/scan';
import type { DatasetRule } from '../rule';
import { labelPositives, outcomeState } from './common';

/** Below this share of numeric values among a score column's non-missing cells, it is not a score. */
export const MIN_NUMERIC_SHARE = 0.9;

export type ConfigInvalidMessages = {
  parse: Record<string, never>;
  key: { path: string };
  'schema-path': { kind: 'schema-path'; dataset: string; ref: string; resolved?: string; problem: 'remote' | 'outside' | 'missing' | 'invalid' };
  'outcome-config': { kind: 'outcome-config'; path: string; [fact: string]: unknown };
};

export const outcomeConfigInvalid: DatasetRule<ConfigInvalidMessages> = {
  id: 'config-invalid',
  defaultSeverity: 'error',
  description: 'The policy file is not valid YAML/JSON (defaults apply) or a key does not match its schema (that key takes its default; the rest applies).',
  fixable: false,
  appliesTo: ['policy', 'dataset'],
  messages: {
    parse: 'The policy file does not parse as YAML/JSON: defaults apply.',
    key: 'A key does not match the policy schema: that key takes its default.',
    'schema-path': 'A dataset\'s schema path in the policy is remote, outside the workspace, missing or not a Table Schema.',
    'outcome-config': 'The outcome key names what this dataset lacks or cannot use (a column, the score, the positive value, too many groups).',
  },
  check(context) {
    const state = outcomeState(context.scans);
    if (!state) return [];
    const c = state.columns;
    const at = (index: number) => context.headerCell(Math.max(0, index));
    const findings: ReturnType<typeof outcomeConfigInvalid.check> = c.problems.map((p) => ({
      messageId: 'outcome-config',
      range: at(p.columnIndex),
      message: p.message,
      detail: 'The outcome rules do not judge this dataset until it is fixed in the policy file.',
      data: { kind: 'outcome-config' as const, path: p.key },
    }));
    if (!c.usable) return findings;
    const scored = state.scoreNumeric + state.scoreNotNumeric;
    if (c.usesScore && scored > 0 && state.scoreNumeric / scored < MIN_NUMERIC_SHARE) {
      findings.push({
        messageId: 'outcome-config',
        range: at(c.scoreIndex >= 0 ? c.scoreIndex : c.labelIndex),
        message: `outcome.score "${c.outcome.score}" is not a score: only ${percent(state.scoreNumeric / scored)} of its values are numbers`,
        detail: `outcome.score names "${c.outcome.score}", but only ${count(state.scoreNumeric)} of its ${count(scored)} non-missing values are numbers (${percent(state.scoreNumeric / scored)}; at least ${percent(MIN_NUMERIC_SHARE)} expected), so it is not read as a score.`,
        data: { kind: 'outcome-config' as const, path: 'outcome.score', numeric: state.scoreNumeric, notNumeric: state.scoreNotNumeric },
      });
    }
    const labelled = state.rows - state.labelMissing;
    if (labelled > 0 && labelPositives(state) === 0 && !state.tooManyTuples) {
      // Every label read as negative: far more likely a `positive` that does not match the
      // column's coding (Positive/Negative, Y/N) than a cohort without a single case.
      const seen = [...state.negativeValues.keys()].slice(0, 5).map((v) => `"${v}"`).join(', ');
      findings.push({
        messageId: 'outcome-config',
        range: at(c.labelIndex),
        message: `outcome.positive matches none of the ${count(labelled)} labelled rows of "${c.outcome.label}": every row would read as negative`,
        detail: `outcome.positive (${c.outcome.positive.map((p) => `"${p}"`).join(', ')}) matches none of the ${count(labelled)} labelled rows of "${c.outcome.label}" (values seen: ${seen}), so every row would read as negative; set outcome.positive to the value that means positive.`,
        data: { kind: 'outcome-config' as const, path: 'outcome.positive', labelledRows: labelled, valuesSeen: [...state.negativeValues.keys()].slice(0, 5) },
      });
    }
    if (state.tooManyTuples) {
      findings.push({
        messageId: 'outcome-config',
        range: at(c.labelIndex),
        message: `outcome.groups: more than ${count(MAX_TUPLES)} combinations of group values, so no group is judged`,
        detail: `outcome.groups: the group columns ${c.groupNames.map((n) => `"${n}"`).join(', ')} take more than ${count(MAX_TUPLES)} combinations of values, so no group is judged; name coarser group columns.`,
        data: { kind: 'outcome-config' as const, path: 'outcome.groups', maxCombinations: MAX_TUPLES },
      });
    }
    return findings;
  },
};
