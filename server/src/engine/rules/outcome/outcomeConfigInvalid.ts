// The outcome key's problems that only a dataset reveals, reported under config-invalid:
// a named column this dataset lacks, a predictions table that cannot be used, a score
// column that is not numeric, too many group combinations. The policy is loaded before
// any dataset is seen and one policy covers every table in its folder, so the finding
// sits on this dataset's header (the label's cell, or the first), naming the policy key.
import { count, percent } from '../../format';
import { MAX_TUPLES } from '../../outcome/scan';
import type { DatasetRule, RawFinding } from '../rule';
import { labelPositives, outcomeState } from './common';

/** Below this share of numeric values among a score column's non-missing cells, it is not a score. */
export const MIN_NUMERIC_SHARE = 0.9;

export const outcomeConfigInvalid: DatasetRule = {
  id: 'config-invalid',
  defaultSeverity: 'error',
  description: 'The policy file is not valid YAML/JSON or does not match its schema; defaults apply until it is fixed.',
  fixable: false,
  appliesTo: 'dataset',
  check(context) {
    const state = outcomeState(context.scans);
    if (!state) return [];
    const c = state.columns;
    const at = (index: number) => context.headerCell(Math.max(0, index));
    const findings: RawFinding[] = c.problems.map((p) => ({
      range: at(p.columnIndex),
      message: `${p.message}. The outcome rules do not judge this dataset until it is fixed in the policy file.`,
      data: { kind: 'outcome-config', path: p.key },
    }));
    if (!c.usable) return findings;
    const scored = state.scoreNumeric + state.scoreNotNumeric;
    if (c.usesScore && scored > 0 && state.scoreNumeric / scored < MIN_NUMERIC_SHARE) {
      findings.push({
        range: at(c.scoreIndex >= 0 ? c.scoreIndex : c.labelIndex),
        message: `outcome.score names "${c.outcome.score}", but only ${count(state.scoreNumeric)} of its ${count(scored)} non-missing values are numbers (${percent(state.scoreNumeric / scored)}; at least ${percent(MIN_NUMERIC_SHARE)} expected), so it is not read as a score.`,
        data: { kind: 'outcome-config', path: 'outcome.score', numeric: state.scoreNumeric, notNumeric: state.scoreNotNumeric },
      });
    }
    const labelled = state.rows - state.labelMissing;
    if (labelled > 0 && labelPositives(state) === 0 && !state.tooManyTuples) {
      // Every label read as negative: far more likely a `positive` that does not match the
      // column's coding (Positive/Negative, Y/N) than a cohort without a single case.
      const seen = [...state.negativeValues.keys()].slice(0, 5).map((v) => `"${v}"`).join(', ');
      findings.push({
        range: at(c.labelIndex),
        message: `outcome.positive (${c.outcome.positive.map((p) => `"${p}"`).join(', ')}) matches none of the ${count(labelled)} labelled rows of "${c.outcome.label}" (values seen: ${seen}), so every row would read as negative; set outcome.positive to the value that means positive.`,
        data: { kind: 'outcome-config', path: 'outcome.positive', labelledRows: labelled, valuesSeen: [...state.negativeValues.keys()].slice(0, 5) },
      });
    }
    if (state.tooManyTuples) {
      findings.push({
        range: at(c.labelIndex),
        message: `outcome.groups: the group columns ${c.groupNames.map((n) => `"${n}"`).join(', ')} take more than ${count(MAX_TUPLES)} combinations of values, so no group is judged; name coarser group columns.`,
        data: { kind: 'outcome-config', path: 'outcome.groups', maxCombinations: MAX_TUPLES },
      });
    }
    return findings;
  },
};
