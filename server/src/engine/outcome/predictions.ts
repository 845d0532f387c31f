// `outcome.predictions` + `outcome.join`: model outputs kept in a second table beside the
// cohort. The table is read through the same reader as schemas (never outside the
// workspace) and held as join key -> output cells; key values stay in memory only and
// never reach a message.
import * as path from 'node:path';
import type { LoadedPolicy } from '../policy/loadPolicy';
import { insideWorkspace, type ReadFile } from '../schema/dataPackage';
import { delimiterFor, parseTable } from '../table/parse';
import { findColumn } from './columns';
import { withoutBom } from '../table/bom';

export interface PredictionsTable {
  /** As the policy names it (for messages). */
  name: string;
  absolutePath: string;
  /** Which of the policy's output columns the table has, by role. */
  has: { prediction: boolean; score: boolean };
  /** Join key -> [prediction cell, score cell]; the first row wins for a repeated key. */
  byKey: Map<string, [string | undefined, string | undefined]>;
  rows: number;
  /** Rows whose join key repeats an earlier row's (ignored). */
  duplicateKeys: number;
  /** Rows with an empty join key (cannot match). */
  emptyKeys: number;
}

export interface OutcomeInputs {
  /** The dataset being linted is the policy's predictions table: outcome rules do not judge it. */
  isPredictionsFile: boolean;
  predictions?: PredictionsTable;
  /** Why `outcome.predictions` could not be used (reported as config-invalid on the dataset). */
  problem?: string;
}

export function readPredictions(name: string, absolutePath: string, text: string, join: string, prediction?: string, score?: string): PredictionsTable | string {
  const table = parseTable(withoutBom(text), delimiterFor(undefined, absolutePath));
  const joinAt = findColumn(table.header, join);
  if (joinAt < 0) return `the predictions table "${name}" has no join column "${join}" (outcome.join)`;
  const predictionAt = findColumn(table.header, prediction);
  const scoreAt = findColumn(table.header, score);
  const byKey: PredictionsTable['byKey'] = new Map();
  let duplicateKeys = 0;
  let emptyKeys = 0;
  for (const row of table.rows) {
    const key = (row.values[joinAt] ?? '').trim();
    if (key === '') { emptyKeys++; continue; }
    if (byKey.has(key)) { duplicateKeys++; continue; }
    byKey.set(key, [predictionAt >= 0 ? row.values[predictionAt] : undefined, scoreAt >= 0 ? row.values[scoreAt] : undefined]);
  }
  return { name, absolutePath, has: { prediction: predictionAt >= 0, score: scoreAt >= 0 }, byKey, rows: table.rows.length, duplicateKeys, emptyKeys };
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

/** The predictions file's absolute path, when the policy names one. */
export function predictionsPath(loaded: LoadedPolicy): string | undefined {
  const name = loaded.policy.outcome?.predictions;
  if (!name || !loaded.path) return undefined;
  return path.resolve(path.dirname(loaded.path), name);
}

/** What a dataset's outcome analysis needs beyond its own rows. */
export function outcomeInputsFor(datasetPath: string, loaded: LoadedPolicy, read: ReadFile, workspaceRoot?: string): OutcomeInputs {
  const outcome = loaded.policy.outcome;
  const file = predictionsPath(loaded);
  if (!outcome || !outcome.predictions || !file) return { isPredictionsFile: false };
  if (samePath(file, datasetPath)) return { isPredictionsFile: true };
  const bound = workspaceRoot ?? path.dirname(loaded.path!);
  if (!insideWorkspace(file, bound)) return { isPredictionsFile: false, problem: `the predictions table "${outcome.predictions}" lies outside the workspace, so it is not read` };
  const text = read(file);
  if (text === undefined) return { isPredictionsFile: false, problem: `the predictions table "${outcome.predictions}" (outcome.predictions) cannot be read` };
  const table = readPredictions(outcome.predictions, file, text, outcome.join ?? '', outcome.prediction, outcome.score);
  return typeof table === 'string' ? { isPredictionsFile: false, problem: table } : { isPredictionsFile: false, predictions: table };
}
