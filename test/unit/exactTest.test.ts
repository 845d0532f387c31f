// Fisher–Freeman–Halton test on k × 2 tables, against an independent enumeration in
// python (scipy.special.gammaln for the hypergeometric terms; every table with the same
// margins whose probability is at most the observed one's, relative tolerance 1e-7), and
// for 2 × 2 against scipy.stats.fisher_exact(table).pvalue (two-sided).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fisherFreemanHalton } from '../../server/src/engine/phenotype/exactTest';
import { byCode, fullText, lint } from './helpers';

function sig4(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 5e-5 * Math.abs(expected), `${what}: ${actual} vs ${expected} (4 significant figures)`);
}

// [table, p, number of tables with these margins], from the python enumeration.
const CASES: [[number, number][], number, number][] = [
  [[[3, 47], [0, 60], [1, 80]], 0.06480005665643886, 15],
  [[[12, 88], [0, 100], [1, 150], [2, 60]], 6.633708048617186e-06, 816],
  [[[6, 94], [1, 120], [2, 150], [0, 60], [4, 76]], 0.031110888987896955, 2380],
  [[[0, 60], [0, 55], [5, 50]], 0.006239738185485551, 21],
  // 2 × 2: scipy.stats.fisher_exact([[3, 47], [0, 60]]).pvalue = 0.09081642109165045
  [[[3, 47], [0, 60]], 0.09081642109165045, 4],
  // diabetic_data.csv, diag_1 "?" by race (Caucasian, AfricanAmerican, Hispanic, Other, Asian), per row
  [[[7, 76092], [9, 19201], [2, 2035], [0, 1506], [1, 640]], 0.0003805672448658134, 8855],
];

describe('fisherFreemanHalton', () => {
  for (const [table, p, tables] of CASES) {
    test(`exact p for ${JSON.stringify(table)} matches the enumeration to 4 significant figures`, () => {
      const r = fisherFreemanHalton(table)!;
      assert.equal(r.method, 'exact');
      assert.equal(r.tables, tables);
      sig4(r.pValue, p, 'p');
    });
  }

  test('Monte Carlo (forced) agrees with the exact p within 4 standard errors, and is reproducible', () => {
    const table: [number, number][] = [[6, 94], [1, 120], [2, 150], [0, 60], [4, 76]];
    const exact = 0.031110888987896955;
    const mc = fisherFreemanHalton(table, { exactLimit: 10 })!;
    assert.equal(mc.method, 'monte-carlo');
    assert.equal(mc.tables, 20000);
    const se = Math.sqrt((exact * (1 - exact)) / mc.tables);
    assert.ok(Math.abs(mc.pValue - exact) < 4 * se, `${mc.pValue} vs ${exact} ± ${4 * se}`);
    assert.equal(fisherFreemanHalton(table, { exactLimit: 10 })!.pValue, mc.pValue, 'fixed seed');
  });

  test('a remembered result answers only the same table with the same options', () => {
    const table: [number, number][] = [[6, 94], [1, 120], [2, 150], [0, 60], [4, 76]];
    assert.equal(fisherFreemanHalton(table, { exactLimit: 10 })!.method, 'monte-carlo');
    assert.equal(fisherFreemanHalton(table)!.method, 'exact');
    assert.equal(fisherFreemanHalton(table, { exactLimit: 10, samples: 500 })!.tables, 500);
    const other = fisherFreemanHalton([[6, 94], [1, 120], [2, 150], [0, 60], [5, 75]])!;
    assert.notEqual(other.pValue, fisherFreemanHalton(table)!.pValue);
  });

  test('Monte Carlo on a table too large to enumerate: a tiny p stays at its floor 1/(B + 1)', () => {
    const r = fisherFreemanHalton([[40, 9960], [10, 20000], [5, 3000], [30, 4000], [2, 900], [8, 700]])!;
    assert.equal(r.method, 'monte-carlo');
    assert.equal(r.pValue, 1 / 20001);
  });

  test('no test when a margin is zero', () => {
    assert.equal(fisherFreemanHalton([[0, 10], [0, 20]]), undefined);
    assert.equal(fisherFreemanHalton([[10, 0], [20, 0]]), undefined);
  });
});

describe('phenotype-missingness-disparity with expected counts below 5', () => {
  // White 60 and Black 55 with every bmi, Asian 55 with 5 missing: smallest expected 1.62.
  const lines = ['id,race,bmi'];
  let id = 1;
  for (const [race, n, missing] of [['White', 60, 0], ['Black or African American', 55, 0], ['Asian', 55, 5]] as const) {
    for (let i = 0; i < n; i++) lines.push(`${id++},${race},${i < missing ? '' : '24.1'}`);
  }
  const a = lint(lines.join('\n') + '\n');

  test('the exact test runs instead of skipping, and the message says which test', () => {
    const [f] = byCode(a.findings, 'phenotype-missingness-disparity');
    assert.ok(f, 'reported');
    assert.equal(f.data.test, 'fisher-freeman-halton');
    assert.equal(f.data.exactMethod, 'exact');
    // python enumeration: 0.006239738185485551 (scipy chi2_contingency gives χ² = 10.77, p = 0.00458, min expected 1.62)
    sig4(f.data.exactPValue as number, 0.006239738185485551, 'p');
    assert.match(fullText(f), /Smallest expected count 1\.62 < 5, so the chi-square approximation does not hold \(χ² = 10\.8, df = 2\); Fisher–Freeman–Halton test over 3 groups \(exact, 21 tables with these margins enumerated\)/);
  });
});
