// The recording-consistency rules on hand-written fixtures: coding, units, formats,
// plausibility and recording by site or group. Each case states what a reader of the data
// would conclude and checks the rule says the same, with its numbers in `data`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixesFor, hoverAt, type DatasetAnalysis, type Finding } from '../../server/src/engine';
import { applyEdits, byCode, fullText, lint, noPolicy, policyFrom } from './helpers';

/** A deterministic stream of numbers in [0, 1) (a linear congruential generator), so fixtures are reproducible. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Roughly normal values (sum of uniforms) around `mean` with spread `sd`. */
function normals(n: number, mean: number, sd: number, random: () => number, digits = 1): string[] {
  return Array.from({ length: n }, () => (mean + sd * (random() + random() + random() + random() - 2) * 1.7).toFixed(digits));
}

function csv(header: string[], rows: string[][]): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

function column(name: string, values: string[]): string {
  return csv(['id', name], values.map((v, i) => [String(i + 1), v]));
}

function one(a: DatasetAnalysis, code: string): Finding {
  const found = byCode(a.findings, code);
  assert.equal(found.length, 1, `${code}: ${a.findings.map((f) => `${f.code}: ${f.message}`).join('\n') || 'no findings'}`);
  return found[0];
}

const ICD9 = ['250.83', '428.0', '414.01', 'V45', 'V57', 'E878', 'E932', '38', '8', '276'];
/** ICD-9-CM codes no other system allows (no V or E code that ICD-10 shares). */
const ICD9_ONLY = ['250.83', '428.0', '414.01', 'E932', '38', '276'];
const ICD10 = ['J45.909', 'E11.9', 'I10', 'N18.3', 'C4A.0'];
const repeat = (values: string[], n: number) => Array.from({ length: n }, (_, i) => values[i % values.length]);

describe('phenotype-coding-mixed', () => {
  test('ICD-9-CM with ICD-10 codes in one diagnosis column: both systems with counts and shapes', () => {
    const f = one(lint(column('diag_1', [...repeat(ICD9, 80), ...repeat(ICD10, 20)])), 'phenotype-coding-mixed');
    const systems = f.data.systems as { system: string; count: number; shapes: string[] }[];
    assert.deepEqual(systems.map((s) => [s.system, s.count]), [['ICD-9-CM', 80], ['ICD-10', 20]]);
    assert.equal(f.data.primary, 'ICD-9-CM');
    assert.ok(systems[1].shapes.includes('J99.999'), `examples by shape: ${systems[1].shapes}`);
    assert.doesNotMatch(fullText(f), /J45/, 'no value in the message');
    assert.match(fullText(f), /ICD-9-CM 80 \(80(\.0+)?%/);
  });

  test('ICD-9-CM with many V and E codes (which ICD-10 also allows) is one system', () => {
    const values = repeat(['V45', 'V57', 'V58', 'E878', 'E888', 'E909', '250.83', '427', '38'], 90);
    assert.equal(byCode(lint(column('diag_2', values)).findings, 'phenotype-coding-mixed').length, 0);
  });

  test('a few ICD-10 codes (below 5 values and 1%) are not called a mix', () => {
    const values = [...repeat(ICD9, 500), 'J45.909', 'I10', 'N18.3'];
    assert.equal(byCode(lint(column('diag_1', values)).findings, 'phenotype-coding-mixed').length, 0);
  });

  test('a declared system (phenotype.codeSystem) makes any other one a finding', () => {
    const policy = policyFrom('phenotype:\n  codeSystem:\n    diag_1: ICD-10-CM\n');
    const f = one(lint(column('diag_1', [...repeat(ICD10, 50), '250.83']), { policy }), 'phenotype-coding-mixed');
    assert.equal(f.data.declared, 'ICD-10');
    assert.deepEqual(f.data.others, ['ICD-9-CM']);
  });

  test('SNOMED CT ids with ICD-10 codes in a condition column', () => {
    const snomed = ['22298006', '73211009', '38341003', '44054006'];
    const f = one(lint(column('condition', [...repeat(snomed, 40), ...repeat(ICD10, 20)])), 'phenotype-coding-mixed');
    assert.deepEqual((f.data.systems as { system: string }[]).map((s) => s.system), ['SNOMED CT', 'ICD-10']);
  });

  test('numbers that happen to pass a check digit are not SNOMED CT ids: a code column of plain 7-digit numbers', () => {
    const random = seeded(7);
    const values = Array.from({ length: 2000 }, () => String(1_000_000 + Math.floor(random() * 8_999_999)));
    assert.equal(byCode(lint(column('product_code', values)).findings, 'phenotype-coding-mixed').length, 0);
  });

  test('a counts column named for diagnoses is no code column', () => {
    const values = repeat(['1', '9', '16', 'E11.9', 'I10'], 100);
    assert.equal(byCode(lint(column('number_diagnoses', values)).findings, 'phenotype-coding-mixed').length, 0);
  });
});

describe('phenotype-units-mixed', () => {
  test('heights in cm and in inches: two clusters one ratio (2.54) apart, each plausible in its unit', () => {
    const random = seeded(1);
    const f = one(lint(column('height', [...normals(120, 170, 8, random), ...normals(40, 67, 3, random)])), 'phenotype-units-mixed');
    const clusters = f.data.clusters as { unit: string; count: number; centre: number }[];
    assert.deepEqual(clusters.map((c) => [c.unit, c.count]), [['in', 40], ['cm', 120]]);
    assert.ok(Math.abs(clusters[1].centre - 170) < 3 && Math.abs(clusters[0].centre - 67) < 2);
    assert.ok((f.data.ashmanD as number) >= 2);
  });

  test('one plausible cluster (heights in cm) is no mix; neither are weights of children and adults in kg', () => {
    const random = seeded(2);
    assert.equal(byCode(lint(column('height', normals(300, 168, 10, random))).findings, 'phenotype-units-mixed').length, 0);
    const weights = [...normals(100, 25, 6, random), ...normals(200, 80, 12, random)];
    assert.equal(byCode(lint(column('weight', weights)).findings, 'phenotype-units-mixed').length, 0);
  });

  test('glucose in mg/dL and mmol/L (factor 18.016)', () => {
    const random = seeded(3);
    const f = one(lint(column('glucose', [...normals(100, 110, 15, random, 0), ...normals(60, 6.1, 0.8, random)])), 'phenotype-units-mixed');
    assert.deepEqual((f.data.clusters as { unit: string }[]).map((c) => c.unit), ['mmol/L', 'mg/dL']);
  });

  test('a units column beside the values with two units', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [String(i), i < 20 ? '70' : '154', i < 20 ? 'kg' : 'lbs']);
    const f = one(lint(csv(['id', 'weight', 'weight_unit'], rows)), 'phenotype-units-mixed');
    assert.deepEqual(f.data.units, { kg: 20, lb: 10 });
    assert.equal(f.data.kind, 'unitsColumn');
    assert.equal(f.data.column, 'weight_unit', 'the values column, whose units are recorded, is not reported as clusters too');
  });

  test('values written with their units, and a declared unit making one other unit a finding', () => {
    const mixed = one(lint(column('height', [...repeat(['170 cm', '165 cm'], 10), '67 in'])), 'phenotype-units-mixed');
    assert.deepEqual(mixed.data.units, { cm: 10, in: 1 });
    const policy = policyFrom('phenotype:\n  units:\n    height: cm\n');
    const rows = Array.from({ length: 10 }, (_, i) => [String(i), '170', i === 0 ? 'in' : 'cm']);
    const f = one(lint(csv(['id', 'height', 'unit'], rows), { policy }), 'phenotype-units-mixed');
    assert.equal(f.data.expectedUnit, 'cm');
  });
});

describe('phenotype-implausible', () => {
  test('ages over 120 and below 0 are counted with the range and its source', () => {
    const values = [...repeat(['34', '56', '71', '18'], 40), '130', '-1'];
    const f = one(lint(column('age', values)), 'phenotype-implausible');
    assert.equal(f.data.implausible, 2);
    assert.equal(f.data.below, 1);
    assert.equal(f.data.above, 1);
    assert.deepEqual(f.data.ranges, [{ unit: 'years', low: 0, high: 120 }]);
    assert.deepEqual(f.data.lines, [42, 43]);
  });

  test('age bands like [70-80) are bands: not implausible, not units', () => {
    const a = lint(column('age', repeat(['[70-80)', '[60-70)', '[0-10)', '[90-100)'], 100)));
    assert.equal(a.findings.filter((f) => f.code.startsWith('phenotype-') && f.code !== 'phenotype-field-missing').length, 0, a.findings.map((f) => f.message).join('\n'));
  });

  test('height 0 and BMI 400 are implausible in every unit; a stated unit narrows the range', () => {
    const h = one(lint(column('height', [...repeat(['170', '165'], 20), '0'])), 'phenotype-implausible');
    assert.equal(h.data.implausible, 1);
    const b = one(lint(column('bmi', [...repeat(['24.1', '31.5'], 20), '400'])), 'phenotype-implausible');
    assert.equal(b.data.above, 1);
    const cm = one(lint(column('height_cm', [...repeat(['170', '165'], 20), '5.6'])), 'phenotype-implausible');
    assert.equal(cm.data.unitFrom, 'the header');
    assert.equal(cm.data.implausible, 1);
  });
});

describe('phenotype-format-mixed', () => {
  test('ISO dates with month-first dates: both formats counted; the fix writes the dominant one', () => {
    const values = [...repeat(['2019-03-04', '2020-11-30', '2018-01-15'], 20), '03/25/2019', '12/31/2020', '01/02/2021'];
    const a = lint(column('visit_date', values));
    const f = one(a, 'phenotype-format-mixed');
    assert.deepEqual(f.data.formats, { 'YYYY-MM-DD': 20, 'MM/DD/YYYY': 3 });
    assert.equal(f.data.target, 'YYYY-MM-DD');
    const [fix] = fixesFor(a, f, noPolicy(), () => undefined);
    const fixed = applyEdits(a.table.text, fix.changes[0].edits);
    assert.match(fixed, /\n21,2019-03-25\n22,2020-12-31\n23,2021-01-02\n$/, '01/02/2021 read month first, as the column proves');
    assert.equal(byCode(lint(fixed).findings, 'phenotype-format-mixed').length, 0);
  });

  test('day/month order nothing settles: ambiguous dates are left unless phenotype.dateOrder says', () => {
    const values = [...repeat(['2019-03-04', '2020-11-30'], 10), '03/04/2019', '05/06/2019'];
    const a = lint(column('visit_date', values));
    const f = one(a, 'phenotype-format-mixed');
    assert.equal(f.data.unresolved, 2);
    assert.equal(fixesFor(a, f, noPolicy(), () => undefined).length, 0, 'no cell the fix could rewrite without guessing');
    const policy = policyFrom('phenotype:\n  dateOrder: DMY\n');
    const b = lint(column('visit_date', values), { policy });
    const [fix] = fixesFor(b, one(b, 'phenotype-format-mixed'), policy, () => undefined);
    assert.match(applyEdits(b.table.text, fix.changes[0].edits), /\n11,2019-04-03\n12,2019-06-05\n$/);
  });

  test('sex as M/F and male/female: two styles; the fix writes the common one', () => {
    const values = [...repeat(['M', 'F'], 40), 'male', 'female', 'Male'];
    const a = lint(column('sex', values));
    const f = one(a, 'phenotype-format-mixed');
    assert.equal(f.data.family, 'sex');
    assert.deepEqual(f.data.rewrites, { male: 'M', Male: 'M', female: 'F' });
    const [fix] = fixesFor(a, f, noPolicy(), () => undefined);
    assert.equal(applyEdits(a.table.text, fix.changes[0].edits), column('sex', repeat(['M', 'F'], 42).concat(['M'])));
  });

  test('Yes / yes in one column; digit codes count as a style but are never rewritten', () => {
    const f = one(lint(column('smoker', [...repeat(['Yes', 'No'], 20), 'yes'])), 'phenotype-format-mixed');
    assert.deepEqual(f.data.rewrites, { yes: 'Yes' });
    const a = lint(column('gender', [...repeat(['M', 'F'], 20), '1', '2']));
    const g = one(a, 'phenotype-format-mixed');
    assert.deepEqual(g.data.rewrites, {});
    assert.equal(fixesFor(a, g, noPolicy(), () => undefined).length, 0);
  });

  test('consistent categories are no finding: NO / >30 / <30, Female / Male', () => {
    assert.equal(byCode(lint(column('readmitted', repeat(['NO', '>30', '<30'], 30))).findings, 'phenotype-format-mixed').length, 0);
    assert.equal(byCode(lint(column('gender', repeat(['Female', 'Male', 'Unknown/Invalid'], 30))).findings, 'phenotype-format-mixed').length, 0);
  });
});

describe('phenotype-recording-differs', () => {
  function siteRows(perSite: Record<string, string[]>): string {
    const rows: string[][] = [];
    for (const [site, values] of Object.entries(perSite)) values.forEach((v) => rows.push([String(rows.length + 1), site, v]));
    return csv(['id', 'site', 'diag_1'], rows);
  }

  test('ICD-9-CM at one site, ICD-10 at the other: reported with the shares and the test', () => {
    const text = siteRows({ A: [...repeat(ICD9_ONLY, 160), ...repeat(ICD10, 40)], B: [...repeat(ICD9_ONLY, 4), ...repeat(ICD10, 196)] });
    const f = one(lint(text), 'phenotype-recording-differs');
    assert.equal(f.data.grouping, 'site');
    assert.equal(f.data.recorded, 'code system');
    const groups = f.data.groups as { group: string; rows: number; counts: Record<string, number> }[];
    assert.deepEqual(groups.map((g) => [g.group, g.rows, g.counts['ICD-9-CM'], g.counts['ICD-10']]), [['A', 200, 160, 40], ['B', 200, 4, 196]]);
    // scipy.stats.chi2_contingency([[160, 40], [4, 196]], correction=False): 251.5088879702356, p 1.2e-56.
    assert.ok(Math.abs((f.data.statistic as number) - 251.5088879702356) < 1e-9);
    assert.ok((f.data.pValue as number) < 1e-10);
    assert.ok(Math.abs((f.data.difference as number) - (0.8 - 0.02)) < 1e-9);
    assert.match(fullText(f), /ICD-9-CM in 80(\.0+)?% of rows from site "A" \(160 of 200\), 2(\.0+)?% of rows from site "B" \(4 of 200\)/);
  });

  test('the same mix at every site is no finding', () => {
    const text = siteRows({ A: [...repeat(ICD9, 150), ...repeat(ICD10, 50)], B: [...repeat(ICD9, 151), ...repeat(ICD10, 49)] });
    assert.equal(byCode(lint(text).findings, 'phenotype-recording-differs').length, 0);
  });

  test('date formats that differ by ancestry group', () => {
    const rows: string[][] = [];
    for (let i = 0; i < 120; i++) rows.push([String(i), 'White', '2019-03-04']);
    for (let i = 0; i < 120; i++) rows.push([String(i + 120), 'Black', i < 100 ? '25/04/2019' : '2019-03-04']);
    const f = one(lint(csv(['id', 'race', 'visit_date'], rows)), 'phenotype-recording-differs');
    assert.equal(f.data.groupingKind, 'ancestry');
    assert.equal(f.data.recorded, 'date format');
  });
});

describe('code-system hover', () => {
  test('a 0/1 disease flag (heart_disease) is no code column, although its name says disease', () => {
    const a = lint(column('heart_disease', repeat(['0', '1', '0'], 90)));
    const md = hoverAt(a, { line: 0, character: 4 }) ?? '';
    assert.doesNotMatch(md, /code systems in/);
  });

  test('lists each system with counts and examples by shape, never a value', () => {
    const a = lint(column('diag_1', [...repeat(ICD9, 80), ...repeat(ICD10, 20)]));
    const md = hoverAt(a, { line: 0, character: 4 })!;
    assert.match(md, /code systems in "diag_1"/);
    assert.match(md, /\| ICD-9-CM \(primary\) \| 80 \| 80(\.0+)?% \| 56 \|/);
    assert.match(md, /\| ICD-10 \| 20 \| 20(\.0+)?% \| 20 \| .*`C9A\.9`/);
    assert.match(md, /24 fit more than one system/);
    const examples = [...md.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    for (const value of [...ICD9, ...ICD10]) assert.ok(!examples.includes(value), `value ${value} in the hover`);
  });
});
