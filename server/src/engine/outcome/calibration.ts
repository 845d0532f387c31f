// Calibration by group: does the same score mean the same observed rate in every group?
// - Expected calibration error (Naeini et al. 2015; Guo et al. 2017) over 10 equal-width
//   bins of [0, 1]: ECE = Σ_b (n_b / n) |mean label_b - mean score_b|, only for scores that
//   are probabilities (all in [0, 1]).
// - Score deciles of the whole dataset: a score value's decile is floor(10 × (rows scoring
//   below it) / rows), so tied scores share a decile (COMPAS's 1-10 scores give one decile
//   per value, some empty). Per group, the mean label in each decile.
// - The calibration offset of a group: Σ_b n_gb (rate_gb - rate_b) / n_g, its observed
//   rate minus everyone's at the same decile, averaged over its rows. The gap is the
//   largest minus the smallest offset; the test is the sum over deciles of the chi-square
//   tests of group × label within the decile (a test of conditional independence).
import { chiSquareIndependence } from '../phenotype/independence';
import { chiSquareSurvival } from '../stats';
import type { ScoreCounts } from './scoreHistogram';
import { ECE_BINS } from './scan';

export interface DecileCell { decile: number; n: number; positives: number; meanLabel?: number }

export interface GroupCalibration {
  ece?: number;
  deciles: DecileCell[];
  /** Undefined for groups too small to judge. */
  offset?: number;
}

export interface CalibrationTest { statistic: number; df: number; pValue: number; deciles: number }

/** Score value -> decile (0-9), from all scored rows' histogram. */
export function decileMap(pooled: ScoreCounts): Map<number, number> {
  const values = [...pooled.keys()].sort((a, b) => a - b);
  let total = 0;
  for (const [n] of pooled.values()) total += n;
  const map = new Map<number, number>();
  let below = 0;
  for (const v of values) {
    map.set(v, Math.min(9, Math.floor((10 * below) / total)));
    below += pooled.get(v)![0];
  }
  return map;
}

export function decileCounts(scores: ScoreCounts, deciles: Map<number, number>): DecileCell[] {
  const cells: DecileCell[] = Array.from({ length: 10 }, (_, decile) => ({ decile, n: 0, positives: 0 }));
  for (const [score, [n, positives]] of scores) {
    const cell = cells[deciles.get(score) ?? 0];
    cell.n += n;
    cell.positives += positives;
  }
  for (const cell of cells) if (cell.n > 0) cell.meanLabel = cell.positives / cell.n;
  return cells;
}

export function expectedCalibrationError(bins: Float64Array): number | undefined {
  let n = 0;
  let sum = 0;
  for (let b = 0; b < ECE_BINS; b++) {
    n += bins[b * 3];
    sum += Math.abs(bins[b * 3 + 1] - bins[b * 3 + 2]);
  }
  return n > 0 ? sum / n : undefined;
}

/** Offsets per judged group (same order) and the stratified test, from their decile cells. */
export function calibrationGap(groups: DecileCell[][]): { offsets: (number | undefined)[]; test?: CalibrationTest } {
  const pooled = Array.from({ length: 10 }, (_, d) => {
    let n = 0;
    let p = 0;
    for (const g of groups) { n += g[d].n; p += g[d].positives; }
    return n > 0 ? p / n : 0;
  });
  const offsets = groups.map((cells) => {
    let n = 0;
    let sum = 0;
    for (const c of cells) { n += c.n; sum += c.positives - c.n * pooled[c.decile]; }
    return n > 0 ? sum / n : undefined;
  });
  let statistic = 0;
  let df = 0;
  let deciles = 0;
  for (let d = 0; d < 10; d++) {
    const table = groups.filter((g) => g[d].n > 0).map((g) => [g[d].positives, g[d].n - g[d].positives]);
    const test = chiSquareIndependence(table);
    // A decile whose table has an expected count below 5 is left out of the sum: the
    // chi-square approximation does not hold there.
    if (!test || test.minExpected < 5) continue;
    statistic += test.statistic;
    df += test.df;
    deciles++;
  }
  return { offsets, test: df > 0 ? { statistic, df, pValue: chiSquareSurvival(statistic, df), deciles } : undefined };
}
