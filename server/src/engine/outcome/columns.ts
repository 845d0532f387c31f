// Which columns the outcome analysis reads, from the policy's `outcome` key and the
// header. The policy is loaded before any dataset is seen, so a named column that a
// dataset lacks can only be found here; such problems are reported as config-invalid on
// the dataset's header (the policy key may be right for another table in its folder).
import { labelKey } from '../ancestry/labelKey';
import type { OutcomePolicy, Policy } from '../policy/policy';
import type { ScanSetup } from '../rules/rule';
import type { TableSchema } from '../schema/model';
import type { PredictionsTable } from './predictions';

export interface ColumnProblem {
  /** The policy key at fault (outcome.label, outcome.groups, ...). */
  key: string;
  message: string;
  /** The header cell the finding sits on; -1 for the first cell. */
  columnIndex: number;
}

export interface OutcomeColumns {
  outcome: OutcomePolicy;
  policy: Policy;
  header: string[];
  schema?: TableSchema;
  /** False when a problem stops the analysis (the label or the model output is not found). */
  usable: boolean;
  problems: ColumnProblem[];
  labelIndex: number;
  predictionIndex: number;
  scoreIndex: number;
  joinIndex: number;
  groupIndices: number[];
  groupNames: string[];
  positive: Set<string>;
  /** Positive values that are numbers: a label written 1.0 (pandas with missing values) is still 1. */
  positiveNumbers: Set<number>;
  threshold: number;
  usesPrediction: boolean;
  usesScore: boolean;
  hasOutput: boolean;
  predictions?: PredictionsTable;
}

/** A label or prediction cell (trimmed) is positive: one of outcome.positive, as text or as a number. */
export function isPositive(c: Pick<OutcomeColumns, 'positive' | 'positiveNumbers'>, text: string): boolean {
  if (c.positive.has(text.toLowerCase())) return true;
  if (c.positiveNumbers.size === 0 || text === '') return false;
  const n = Number(text);
  return Number.isFinite(n) && c.positiveNumbers.has(n);
}

export function findColumn(header: string[], name: string | undefined): number {
  if (name === undefined) return -1;
  const exact = header.indexOf(name);
  return exact >= 0 ? exact : header.findIndex((h) => labelKey(h) === labelKey(name));
}

/**
 * The columns for this dataset, or undefined when the outcome analysis does not apply:
 * no `outcome` key, the dataset is the predictions table itself, or it has none of the
 * named label, prediction and score columns (another table in the policy's folder).
 */
export function resolveOutcomeColumns(setup: ScanSetup): OutcomeColumns | undefined {
  const outcome = setup.policy.outcome;
  const inputs = setup.outcome;
  if (!outcome || inputs?.isPredictionsFile) return undefined;
  const { header } = setup;
  const labelIndex = findColumn(header, outcome.label);
  const external = outcome.predictions !== undefined;
  const predictionIndex = external ? -1 : findColumn(header, outcome.prediction);
  const scoreIndex = external ? -1 : findColumn(header, outcome.score);
  if (labelIndex < 0 && predictionIndex < 0 && scoreIndex < 0) return undefined;

  const problems: ColumnProblem[] = [];
  const at = labelIndex >= 0 ? labelIndex : -1;
  let usable = true;
  if (labelIndex < 0) {
    problems.push({ key: 'outcome.label', columnIndex: -1, message: `outcome.label names "${outcome.label}", but this dataset has no such column` });
    usable = false;
  }
  const missingOutput = (key: 'prediction' | 'score', index: number) => {
    if (outcome[key] === undefined || index >= 0) return;
    problems.push({ key: `outcome.${key}`, columnIndex: at, message: `outcome.${key} names "${outcome[key]}", but this dataset has no such column` });
    usable = false;
  };
  let predictions: PredictionsTable | undefined;
  let joinIndex = -1;
  if (external) {
    if (inputs?.problem) { problems.push({ key: 'outcome.predictions', columnIndex: at, message: `outcome.predictions: ${inputs.problem}` }); usable = false; }
    predictions = inputs?.predictions;
    joinIndex = findColumn(header, outcome.join);
    if (joinIndex < 0) { problems.push({ key: 'outcome.join', columnIndex: at, message: `outcome.join names "${outcome.join}", but this dataset has no such column to match the predictions table on` }); usable = false; }
    for (const key of ['prediction', 'score'] as const) {
      if (predictions && outcome[key] !== undefined && !predictions.has[key]) {
        problems.push({ key: `outcome.${key}`, columnIndex: at, message: `outcome.${key} names "${outcome[key]}", but the predictions table "${predictions.name}" has no such column` });
        usable = false;
      }
    }
  } else {
    missingOutput('prediction', predictionIndex);
    missingOutput('score', scoreIndex);
  }

  const named = outcome.groups;
  const groupIndices: number[] = [];
  if (named) {
    for (const name of named) {
      const index = findColumn(header, name);
      if (index >= 0) groupIndices.push(index);
      else problems.push({ key: 'outcome.groups', columnIndex: at, message: `outcome.groups names "${name}", but this dataset has no such column; the other group columns are still judged` });
    }
  } else {
    groupIndices.push(...setup.ancestryColumns);
  }
  if (groupIndices.length === 0) {
    problems.push({ key: 'outcome.groups', columnIndex: at, message: named ? 'none of the columns in outcome.groups is in this dataset' : 'no ancestry column was detected to compare groups by: name the group columns in outcome.groups' });
    usable = false;
  }
  return {
    outcome, policy: setup.policy, header, schema: setup.schema, usable, problems,
    labelIndex, predictionIndex, scoreIndex, joinIndex, groupIndices, groupNames: groupIndices.map((i) => header[i]),
    positive: new Set(outcome.positive.map((p) => p.trim().toLowerCase())),
    positiveNumbers: new Set(outcome.positive.map((p) => p.trim()).filter((p) => p !== '' && Number.isFinite(Number(p))).map(Number)),
    threshold: outcome.threshold,
    usesPrediction: outcome.prediction !== undefined,
    usesScore: outcome.score !== undefined,
    hasOutput: outcome.prediction !== undefined || outcome.score !== undefined,
    predictions,
  };
}
