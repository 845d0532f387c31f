// Pearson's chi-square test of independence on an r × c table of counts, without Yates'
// continuity correction (scipy.stats.chi2_contingency(table, correction=False) gives the
// same statistic and p-value; the tests check against it).
import { chiSquareSurvival, type ChiSquareResult } from '../stats';

/**
 * The test on `table` (rows × columns of counts). Undefined when it cannot be computed: a
 * row or column sums to zero (an expected count of 0), or fewer than 2 rows or columns.
 */
export function chiSquareIndependence(table: readonly (readonly number[])[]): ChiSquareResult | undefined {
  const r = table.length;
  const c = r > 0 ? table[0].length : 0;
  if (r < 2 || c < 2) return undefined;
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: c }, (_, j) => table.reduce((sum, row) => sum + row[j], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  if (rowTotals.some((t) => t === 0) || colTotals.some((t) => t === 0)) return undefined;
  let statistic = 0;
  let minExpected = Infinity;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const expected = (rowTotals[i] * colTotals[j]) / total;
      minExpected = Math.min(minExpected, expected);
      statistic += (table[i][j] - expected) ** 2 / expected;
    }
  }
  const df = (r - 1) * (c - 1);
  return { statistic, df, pValue: chiSquareSurvival(statistic, df), minExpected };
}
