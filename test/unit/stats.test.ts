// Statistics against values computed independently with scipy 1.17 (python3):
//   from scipy.stats import binomtest, chisquare, norm
//   norm.ppf(0.975)
//   binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson')
//   chisquare(observed, expected_counts)
// The Wilson bounds were also recomputed from the textbook formula in plain python
// (centre ± half-width, domain.md B) and agreed to 1e-15.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REFERENCES } from '../../server/src/engine/ancestry/references';
import { chiSquareGoodnessOfFit, chiSquareSurvival, wilsonInterval, zFor } from '../../server/src/engine/stats';

const Z95 = 1.959963984540054; // scipy.stats.norm.ppf(0.975)

function close(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} differs from ${expected} by more than ${tolerance}`);
}

// [k, n, low, high] from binomtest(k, n).proportion_ci(method='wilson')
const WILSON: [number, number, number, number][] = [
  [515, 2535, 0.18794789941398773, 0.21926203298601296],
  [0, 543, 0, 0.007024812692473113],
  [11, 115, 0.05425251898285229, 0.1631922942761574],
  [641, 99493, 0.005964221831209337, 0.0069592181490725725],
  [494, 2535, 0.17991887917864216, 0.2107480745906609],
  [5, 100, 0.021543679154367973, 0.11175046923191914],
];

describe('zFor', () => {
  test('zFor(0.95) is the 97.5% normal quantile, 1.959964', () => {
    close(zFor(0.95), Z95, 1e-6, 'zFor(0.95)');
  });

  test('zFor is monotone in the confidence level', () => {
    assert.ok(zFor(0.9) < zFor(0.95) && zFor(0.95) < zFor(0.99));
    close(zFor(0.9), 1.6448536269514722, 5e-3, 'zFor(0.9) (rough)');
  });
});

describe('wilsonInterval', () => {
  for (const [k, n, low, high] of WILSON) {
    test(`formula with scipy's z matches scipy for ${k}/${n}`, () => {
      const ci = wilsonInterval(k, n, Z95);
      close(ci.low, low, 1e-12, 'low');
      close(ci.high, high, 1e-12, 'high');
    });
  }

  for (const [k, n, low, high] of WILSON) {
    test(`default 95% interval matches scipy for ${k}/${n}`, () => {
      const ci = wilsonInterval(k, n);
      close(ci.low, low, 1e-9, 'low');
      close(ci.high, high, 1e-9, 'high');
    });
  }

  test('k = 0 has lower bound exactly 0 and k = n upper bound exactly 1', () => {
    assert.equal(wilsonInterval(0, 543, Z95).low, 0);
    assert.equal(wilsonInterval(543, 543, Z95).high, 1);
  });

  test('k = 0 has lower bound exactly 0 for any n', () => {
    for (const n of [100, 280, 1000]) {
      assert.equal(wilsonInterval(0, n).low, 0, `default z, n = ${n}`);
      assert.equal(wilsonInterval(0, n, Z95).low, 0, `scipy z, n = ${n}`);
    }
  });

  test('empty total gives the uninformative interval [0, 1]', () => {
    assert.deepEqual(wilsonInterval(0, 0), { low: 0, high: 1 });
  });
});

describe('chiSquareGoodnessOfFit', () => {
  const PANEL = [669, 352, 515, 505, 494]; // 1000G panel super_pop counts, AFR AMR EAS EUR SAS
  const GROUPS = ['AFR', 'AMR', 'EAS', 'EUR', 'SAS'];

  test('the global reference shares are those of domain.md A5 as mirrored in python', () => {
    // python: g = {AFR: 17.2, AMR: 7.6+5.5, EAS: 59.5*2.3/4.4, EUR: 9.6, SAS: 59.5*2.1/4.4}; share = v/sum(g)
    const expected = { AFR: 0.17303822937625757, AMR: 0.13179074446680084, EAS: 0.3129001280409731, EUR: 0.09657947686116702, SAS: 0.28569142125480157 };
    const global = REFERENCES.find((r) => r.id === 'global');
    assert.ok(global, 'global reference exists');
    for (const [group, share] of Object.entries(expected)) close(global.shares[group], share, 1e-12, `global ${group}`);
  });

  test('1000G panel counts vs global: chi-square 569.159..., df 4, p far below 1e-15', () => {
    const shares = REFERENCES.find((r) => r.id === 'global')!.shares;
    const result = chiSquareGoodnessOfFit(PANEL, GROUPS.map((g) => shares[g]));
    // scipy: chisquare(obs, N*shares) -> statistic 569.1592523806222, p 7.317553465002161e-122
    close(result.statistic, 569.1592523806222, 1e-9, 'statistic');
    assert.equal(result.df, 4);
    assert.ok(result.pValue < 1e-15, `p = ${result.pValue}`);
    close(result.minExpected, 2535 * 0.09657947686116702, 1e-9, 'minExpected (EUR)');
  });

  test('1000G panel counts vs 1000g phase 3 shares: chi-square 0.0832, p 0.99916', () => {
    const shares = REFERENCES.find((r) => r.id === '1000g')!.shares;
    const result = chiSquareGoodnessOfFit(PANEL, GROUPS.map((g) => shares[g]));
    close(result.statistic, 0.08320940977376015, 1e-12, 'statistic');
    close(result.pValue, 0.9991581591026214, 1e-8, 'p');
  });

  test('small table with a moderate p: [48, 35, 15, 2] vs [0.4, 0.35, 0.2, 0.05]', () => {
    const result = chiSquareGoodnessOfFit([48, 35, 15, 2], [0.4, 0.35, 0.2, 0.05]);
    close(result.statistic, 4.65, 1e-12, 'statistic');
    assert.equal(result.df, 3);
    close(result.pValue, 0.19929455769807972, 1e-8, 'p');
    close(result.minExpected, 5, 1e-12, 'minExpected');
  });

  test('[75, 20, 5] vs [0.5, 0.3, 0.2]: chi-square 27.083, p 1.315e-6', () => {
    const result = chiSquareGoodnessOfFit([75, 20, 5], [0.5, 0.3, 0.2]);
    close(result.statistic, 27.083333333333336, 1e-9, 'statistic');
    close(result.pValue, 1.3150095017875886e-6, 1e-9, 'p');
  });

  test('chiSquareSurvival: df 2 is exp(-x/2)', () => {
    close(chiSquareSurvival(2, 2), Math.exp(-1), 1e-10, 'S(2; 2)');
    assert.equal(chiSquareSurvival(3, 0), 1);
  });
});
