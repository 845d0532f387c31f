// Statistics behind the verdicts (../shared/docs/domain.md, section B). Each function is
// the textbook formula; tests check them against values computed independently (scipy).
import jStat from 'jstat';
import { sum } from 'simple-statistics';

/** z for a two-sided interval at `confidence` (1.959964 for 95%). */
export function zFor(confidence: number): number {
  // simple-statistics' probit is a coarse approximation (1.9572 for 95%); jStat's is exact enough.
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

/** Wilson score interval for a share n/N [S42,S43]. */
export function wilsonInterval(n: number, total: number, z = zFor(0.95)): { low: number; high: number } {
  if (total <= 0) return { low: 0, high: 1 };
  const p = n / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  // At n = 0 or n = N the bound is exactly 0 or 1; floating point would leave a crumb.
  return { low: n === 0 ? 0 : Math.max(0, centre - half), high: n === total ? 1 : Math.min(1, centre + half) };
}

export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
  /** Smallest expected count: the test wants every one to be at least 5 [S41]. */
  minExpected: number;
}

/** Pearson's goodness-of-fit: observed counts against expected shares (summing to one). */
export function chiSquareGoodnessOfFit(observed: number[], expectedShares: number[]): ChiSquareResult {
  const total = sum(observed);
  let statistic = 0;
  let minExpected = Infinity;
  observed.forEach((o, i) => {
    const e = total * expectedShares[i];
    minExpected = Math.min(minExpected, e);
    statistic += e > 0 ? ((o - e) ** 2) / e : 0;
  });
  const df = observed.length - 1;
  return { statistic, df, pValue: chiSquareSurvival(statistic, df), minExpected };
}

/** P(X >= x) for X ~ chi-square(df). */
export function chiSquareSurvival(x: number, df: number): number {
  if (df <= 0) return 1;
  // jStat.chisquare.cdf = regularised lower incomplete gamma; its complement loses
  // precision near 1, so very small p-values are reported as an upper bound by callers.
  return Math.max(0, 1 - jStat.chisquare.cdf(x, df));
}
