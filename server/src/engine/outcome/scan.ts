// The outcome row scan: one pass that tallies, per combination of group values, the
// label's positives and the confusion matrix of the model's calls, ECE bins and a score
// histogram. Groupings (one column, or an intersection of two) are sums of these tallies,
// so nothing per row is kept. Cells of identifier columns (the join key) are looked up and
// never stored beyond the predictions map the caller built.
import { columnMarkers } from '../columnMarkers';
import type { MissingMarkers } from '../missing';
import type { RowScan, ScanSetup } from '../rules/rule';
import { isPositive, resolveOutcomeColumns, type OutcomeColumns } from './columns';
import { ScoreHistograms, type ScoreCounts } from './scoreHistogram';

/** Distinct combinations of group values kept; past it the grouping is not judged. */
export const MAX_TUPLES = 2_000;
export const ECE_BINS = 10;
/** Marks a missing group value inside a tuple. */
export const NO_GROUP = '\u0000';

export interface Tally {
  /** Per group column, the trimmed raw value or NO_GROUP. */
  values: string[];
  /** Rows with a label value. */
  labelled: number;
  labelPositive: number;
  /** Rows with a label and a model output: the confusion matrix. */
  tp: number; fp: number; tn: number; fn: number;
  /** Per ECE bin (10 equal-width bins over [0, 1]): rows, positives, sum of scores. */
  ece: Float64Array;
  scores: ScoreCounts;
}

export interface OutcomeScanState {
  columns: OutcomeColumns;
  tallies: Map<string, Tally>;
  tooManyTuples: boolean;
  histograms: ScoreHistograms;
  rows: number;
  labelMissing: number;
  /** Labelled rows without a model output (a missing cell). */
  outputMissing: number;
  /** Non-missing score cells that are not numbers. */
  scoreNotNumeric: number;
  scoreNumeric: number;
  /** Some score lies outside [0, 1]: ECE is not defined. */
  scoreOutsideUnit: boolean;
  /** Label values read as negative (up to 20 distinct), for the hover. */
  negativeValues: Map<string, number>;
  /** With a predictions table: cohort rows with no matching prediction row, and keys matched. */
  unmatched: number;
  matchedKeys: Set<string>;
  /** Missing markers per column, as the profile reads them. */
  markers: MissingMarkers[];
}

function isMissing(markers: MissingMarkers[], index: number, value: string): boolean {
  return markers[index]?.match(value) !== undefined;
}

function newTally(values: string[], histograms: ScoreHistograms): Tally {
  return { values, labelled: 0, labelPositive: 0, tp: 0, fp: 0, tn: 0, fn: 0, ece: new Float64Array(ECE_BINS * 3), scores: histograms.create() };
}

export const outcomeScan: RowScan<OutcomeScanState | undefined> = {
  begin(setup: ScanSetup) {
    const columns = resolveOutcomeColumns(setup);
    if (!columns) return undefined;
    return {
      columns, tallies: new Map(), tooManyTuples: false, histograms: new ScoreHistograms(),
      rows: 0, labelMissing: 0, outputMissing: 0, scoreNotNumeric: 0, scoreNumeric: 0, scoreOutsideUnit: false,
      negativeValues: new Map(), unmatched: 0, matchedKeys: new Set(),
      markers: columnMarkers(setup.header, setup.policy, setup.ancestryColumns, setup.schema),
    };
  },
  row(state, values) {
    if (!state || !state.columns.usable) return;
    const c = state.columns;
    const markers = state.markers;
    state.rows++;
    // The join first, so a prediction row whose cohort row has no label still counts as matched.
    let joined: [string | undefined, string | undefined] | undefined;
    if (c.predictions) {
      const joinKey = (values[c.joinIndex] ?? '').trim();
      joined = joinKey === '' ? undefined : c.predictions.byKey.get(joinKey);
      if (joined) state.matchedKeys.add(joinKey);
    }
    const labelCell = (values[c.labelIndex] ?? '').trim();
    if (isMissing(markers, c.labelIndex, labelCell)) { state.labelMissing++; return; }
    const positive = isPositive(c, labelCell);
    if (!positive && state.negativeValues.size < 20) state.negativeValues.set(labelCell, (state.negativeValues.get(labelCell) ?? 0) + 1);
    else if (!positive && state.negativeValues.has(labelCell)) state.negativeValues.set(labelCell, state.negativeValues.get(labelCell)! + 1);

    const key: string[] = c.groupIndices.map((i) => {
      const v = (values[i] ?? '').trim();
      return isMissing(markers, i, v) ? NO_GROUP : v;
    });
    const tupleKey = key.join('\u0001');
    let tally = state.tallies.get(tupleKey);
    if (!tally) {
      if (state.tallies.size >= MAX_TUPLES) { state.tooManyTuples = true; return; }
      tally = newTally(key, state.histograms);
      state.tallies.set(tupleKey, tally);
    }
    tally.labelled++;
    if (positive) tally.labelPositive++;
    if (!c.hasOutput) return;

    let predictionCell: string | undefined;
    let scoreCell: string | undefined;
    if (c.predictions) {
      if (!joined) { state.unmatched++; return; }
      [predictionCell, scoreCell] = joined;
    } else {
      predictionCell = c.predictionIndex >= 0 ? values[c.predictionIndex] : undefined;
      scoreCell = c.scoreIndex >= 0 ? values[c.scoreIndex] : undefined;
    }
    let score: number | undefined;
    if (c.usesScore) {
      const text = (scoreCell ?? '').trim();
      if (text === '' || (c.scoreIndex >= 0 && isMissing(markers, c.scoreIndex, text))) {
        if (!c.usesPrediction) { state.outputMissing++; return; }
      } else {
        const parsed = Number(text);
        if (!Number.isFinite(parsed)) {
          state.scoreNotNumeric++;
          if (!c.usesPrediction) return;
        } else {
          state.scoreNumeric++;
          score = parsed;
        }
      }
    }
    let predicted: boolean;
    if (c.usesPrediction) {
      const text = (predictionCell ?? '').trim();
      if (text === '' || (c.predictionIndex >= 0 && isMissing(markers, c.predictionIndex, text))) { state.outputMissing++; return; }
      predicted = isPositive(c, text);
    } else {
      predicted = score! >= c.threshold;
    }
    if (positive) { if (predicted) tally.tp++; else tally.fn++; } else if (predicted) tally.fp++; else tally.tn++;
    if (score !== undefined) {
      if (score < 0 || score > 1) state.scoreOutsideUnit = true;
      const bin = Math.min(ECE_BINS - 1, Math.max(0, Math.floor(score * ECE_BINS)));
      tally.ece[bin * 3]++;
      if (positive) tally.ece[bin * 3 + 1]++;
      tally.ece[bin * 3 + 2] += score;
      state.histograms.add(tally.scores, score, positive);
    }
  },
};
