// Whether a numeric column's values fall into two clusters that are one quantity in two
// units (heights in cm and in inches). Three conditions, all required, so that a single
// spread-out cluster or a naturally bimodal one is not read as a unit mix:
// 1. two clusters, split where the between-cluster variance of log values is largest
//    (Otsu's threshold, on the log histogram), clearly separated: Ashman's D ≥ 2;
// 2. each holds at least MIN_CLUSTER_ROWS values and MIN_CLUSTER_SHARE of them;
// 3. there are two units of the quantity in which each cluster's centre is plausible and
//    the centres, converted to one unit, agree within a factor of MAX_CENTRE_RATIO (the
//    clusters are the same people measured two ways).
import { BINS_PER_DECADE } from './consistencyScan';
import { inRange, type Quantity, type UnitSpec } from './quantities';

export const MIN_ASHMAN_D = 2;
export const MIN_CLUSTER_ROWS = 5;
export const MIN_CLUSTER_SHARE = 0.02;
export const MAX_CENTRE_RATIO = 1.15;
const MIN_VALUES = 20;

export interface UnitCluster {
  unit: UnitSpec;
  count: number;
  /** Geometric mean of the cluster's values, in its unit. */
  centre: number;
  /** Smallest and largest value in it (bin centres, within 1.2%). */
  low: number;
  high: number;
}

export interface UnitMix {
  clusters: [UnitCluster, UnitCluster];
  ashmanD: number;
  /** Values at or above this (in log10) are in the upper cluster. */
  splitLog10: number;
  /** Ratio of the converted centres (1 = the same). */
  centreRatio: number;
}

interface Side {
  count: number;
  mean: number;
  sd: number;
  lowBin: number;
  highBin: number;
}

function side(bins: [number, number][]): Side {
  const count = bins.reduce((n, [, c]) => n + c, 0);
  const mean = bins.reduce((s, [b, c]) => s + (b / BINS_PER_DECADE) * c, 0) / count;
  const variance = bins.reduce((s, [b, c]) => s + c * (b / BINS_PER_DECADE - mean) ** 2, 0) / count;
  // A bin is 1/BINS_PER_DECADE wide: its uniform spread is the floor of the sd.
  const floor = 1 / BINS_PER_DECADE / Math.sqrt(12);
  return { count, mean, sd: Math.max(Math.sqrt(variance), floor), lowBin: bins[0][0], highBin: bins[bins.length - 1][0] };
}

/** The two-unit reading of a log histogram (bin → count), or undefined. */
export function unitMix(histogram: Map<number, number>, quantity: Quantity): UnitMix | undefined {
  if (quantity.units.length < 2) return undefined;
  const bins = [...histogram].sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((n, [, c]) => n + c, 0);
  if (total < MIN_VALUES || bins.length < 2) return undefined;
  // Otsu: the split maximising between-class variance w0·w1·(μ0 − μ1)².
  const sum = bins.reduce((s, [b, c]) => s + b * c, 0);
  let best = -1;
  let split = 0;
  let w0 = 0;
  let s0 = 0;
  for (let i = 0; i < bins.length - 1; i++) {
    w0 += bins[i][1];
    s0 += bins[i][0] * bins[i][1];
    const w1 = total - w0;
    const between = w0 * w1 * (s0 / w0 - (sum - s0) / w1) ** 2;
    if (between > best) { best = between; split = i + 1; }
  }
  const lower = side(bins.slice(0, split));
  const upper = side(bins.slice(split));
  const minRows = Math.max(MIN_CLUSTER_ROWS, MIN_CLUSTER_SHARE * total);
  if (lower.count < minRows || upper.count < minRows) return undefined;
  const ashmanD = (Math.SQRT2 * Math.abs(upper.mean - lower.mean)) / Math.sqrt(lower.sd ** 2 + upper.sd ** 2);
  if (ashmanD < MIN_ASHMAN_D) return undefined;
  const lowCentre = 10 ** lower.mean;
  const highCentre = 10 ** upper.mean;
  let chosen: { low: UnitSpec; high: UnitSpec; ratio: number } | undefined;
  for (const low of quantity.units) {
    for (const high of quantity.units) {
      if (low === high || !inRange(low, lowCentre) || !inRange(high, highCentre)) continue;
      const a = low.toBase(lowCentre);
      const b = high.toBase(highCentre);
      const ratio = Math.max(a, b) / Math.min(a, b);
      if (a > 0 && b > 0 && ratio <= MAX_CENTRE_RATIO && (!chosen || ratio < chosen.ratio)) chosen = { low, high, ratio };
    }
  }
  if (!chosen) return undefined;
  const cluster = (unit: UnitSpec, s: Side, centre: number): UnitCluster => ({
    unit, count: s.count, centre, low: 10 ** (s.lowBin / BINS_PER_DECADE), high: 10 ** (s.highBin / BINS_PER_DECADE),
  });
  return {
    clusters: [cluster(chosen.low, lower, lowCentre), cluster(chosen.high, upper, highCentre)],
    ashmanD,
    splitLog10: bins[split][0] / BINS_PER_DECADE,
    centreRatio: chosen.ratio,
  };
}
