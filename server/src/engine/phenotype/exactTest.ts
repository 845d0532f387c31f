// Fisher–Freeman–Halton test for a k × 2 table (groups × missing/present), where the
// chi-square approximation fails because expected counts are below 5. Under independence
// with both margins fixed, the missing counts are multivariate hypergeometric:
// P(x) = Π C(n_i, x_i) / C(N, m). The p-value is the total probability of the tables no
// more probable than the one observed (the ordering of Freeman and Halton, 1951; R's
// fisher.test and scipy.stats.fisher_exact for r × c tables use the same). Exact by
// enumeration when the tables are few enough, else Monte Carlo over tables drawn with the
// same margins from a fixed seed, so the result is reproducible.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import jStat from 'jstat';

/** Enumerate exactly up to this many tables; beyond it, Monte Carlo. */
export const EXACT_TABLE_LIMIT = 2_000_000;
export const MONTE_CARLO_SAMPLES = 20_000;
export const MONTE_CARLO_SEED = 20_261_201;
/** Relative tolerance when comparing probabilities (as R's fisher.test: 1e-7). */
const RELATIVE_TOLERANCE = 1e-7;

export type ExactMethod = 'exact' | 'monte-carlo';

export interface ExactResult {
  pValue: number;
  method: ExactMethod;
  /** Tables enumerated (exact) or drawn (Monte Carlo). */
  tables: number;
  seed?: number;
}

/** ln(n!) for n read so far, from jStat.gammaln so the values are the same bits as before; grown on demand. */
let logFactorials = new Float64Array(0);
let logFactorialsKnown = 0;

function logFactorial(n: number): number {
  if (n >= logFactorialsKnown) {
    if (n >= logFactorials.length) {
      const grown = new Float64Array(Math.max(1024, 2 * (n + 1)));
      grown.set(logFactorials.subarray(0, logFactorialsKnown));
      logFactorials = grown;
    }
    for (let m = logFactorialsKnown; m <= n; m++) logFactorials[m] = jStat.gammaln(m + 1);
    logFactorialsKnown = n + 1;
  }
  return logFactorials[n];
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Results by table, so re-linting after an edit does not redraw the tables of columns the
 * edit left as they were (the Monte Carlo test is the slowest step of a re-lint). The test
 * is a pure function of the table and the options, so a remembered result is the result.
 */
const remembered = new Map<string, ExactResult | undefined>();
const REMEMBERED_LIMIT = 1024;

/** How many k × 2 tables have these row totals and this column total (capped at limit + 1). */
function tableCount(sizes: readonly number[], s: number, limit: number): number {
  let ways = new Float64Array(s + 1);
  ways[0] = 1;
  for (const n of sizes) {
    const next = new Float64Array(s + 1);
    // Sliding window sum: next[t] = Σ_{x=0..min(n,t)} ways[t − x].
    let window = 0;
    for (let t = 0; t <= s; t++) {
      window += ways[t];
      if (t - n - 1 >= 0) window -= ways[t - n - 1];
      next[t] = Math.min(window, limit + 1);
    }
    ways = next;
  }
  return ways[s];
}

/** Draws Hypergeometric(population, successes, draws) by inversion, searching out from the mode. */
function hypergeometric(population: number, successes: number, draws: number, u: number): number {
  const low = Math.max(0, draws - (population - successes));
  const high = Math.min(draws, successes);
  if (low === high) return low;
  const mode = Math.min(high, Math.max(low, Math.floor(((draws + 1) * (successes + 1)) / (population + 2))));
  const pMode = Math.exp(logChoose(successes, mode) + logChoose(population - successes, draws - mode) - logChoose(population, draws));
  const ratioUp = (x: number) => ((successes - x) * (draws - x)) / ((x + 1) * (population - successes - draws + x + 1));
  let remaining = u - pMode;
  if (remaining < 0) return mode;
  let down = mode, up = mode, pDown = pMode, pUp = pMode;
  while (down > low || up < high) {
    if (up < high) {
      pUp *= ratioUp(up);
      up++;
      remaining -= pUp;
      if (remaining < 0) return up;
    }
    if (down > low) {
      pDown /= ratioUp(down - 1);
      down--;
      remaining -= pDown;
      if (remaining < 0) return down;
    }
  }
  // Rounding left a crumb of probability: the mode is the likeliest answer.
  return mode;
}

/**
 * The test on `table`, rows [missing, present] per group. Undefined when a margin is zero
 * (nothing to test).
 */
export function fisherFreemanHalton(
  table: readonly (readonly [number, number])[],
  options: { exactLimit?: number; samples?: number } = {},
): ExactResult | undefined {
  const exactLimit = options.exactLimit ?? EXACT_TABLE_LIMIT;
  const samples = options.samples ?? MONTE_CARLO_SAMPLES;
  const key = `${exactLimit} ${samples} ${table.join(' ')}`;
  if (remembered.has(key)) return remembered.get(key);
  const result = computeTest(table, exactLimit, samples);
  if (remembered.size >= REMEMBERED_LIMIT) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, result);
  return result;
}

function computeTest(table: readonly (readonly [number, number])[], exactLimit: number, samples: number): ExactResult | undefined {
  const sizes = table.map(([a, b]) => a + b);
  const total = sizes.reduce((x, y) => x + y, 0);
  const missing = table.reduce((x, [a]) => x + a, 0);
  if (table.length < 2 || missing === 0 || missing === total) return undefined;
  // Enumerate the smaller column: the same tables, fewer values per cell.
  const useMissing = missing <= total - missing;
  const s = useMissing ? missing : total - missing;
  const observed = table.map(([a, b]) => (useMissing ? a : b));
  const logDenominator = logChoose(total, s);
  const logP = (x: readonly number[]) => x.reduce((acc, xi, i) => acc + logChoose(sizes[i], xi), 0) - logDenominator;
  const threshold = logP(observed) + Math.log1p(RELATIVE_TOLERANCE);

  const count = tableCount(sizes, s, exactLimit);
  if (count <= exactLimit) {
    // Suffix capacities bound each cell so every partial table can still be completed.
    const capacity = sizes.map((_, i) => sizes.slice(i).reduce((x, y) => x + y, 0));
    const lc = sizes.map((n) => {
      const row = new Float64Array(Math.min(n, s) + 1);
      for (let x = 1; x < row.length; x++) row[x] = row[x - 1] + Math.log(n - x + 1) - Math.log(x);
      return row;
    });
    let p = 0;
    const recurse = (i: number, left: number, acc: number): void => {
      if (i === sizes.length - 1) {
        if (left > sizes[i]) return;
        const lp = acc + lc[i][left] - logDenominator;
        if (lp <= threshold) p += Math.exp(lp);
        return;
      }
      const from = Math.max(0, left - capacity[i + 1]);
      const to = Math.min(sizes[i], left);
      for (let x = from; x <= to; x++) recurse(i + 1, left - x, acc + lc[i][x]);
    };
    recurse(0, s, 0);
    return { pValue: Math.min(1, p), method: 'exact', tables: count };
  }

  const rng = xoroshiro128plus(MONTE_CARLO_SEED);
  let atMostAsLikely = 0;
  const x = new Array<number>(sizes.length);
  for (let b = 0; b < samples; b++) {
    let population = total;
    let left = s;
    for (let i = 0; i < sizes.length - 1; i++) {
      x[i] = hypergeometric(population, left, sizes[i], uniformFloat64(rng));
      population -= sizes[i];
      left -= x[i];
    }
    x[sizes.length - 1] = left;
    if (logP(x) <= threshold) atMostAsLikely++;
  }
  // The observed table counts as one of the draws (Davison and Hinkley 1997), so p > 0.
  return { pValue: (atMostAsLikely + 1) / (samples + 1), method: 'monte-carlo', tables: samples, seed: MONTE_CARLO_SEED };
}
