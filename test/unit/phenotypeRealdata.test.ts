// The phenotype rules on real public files in ../shared/realdata (not copied into the
// project). Expected counts are computed here independently, by splitting the CSV text;
// chi-square statistics were computed with scipy.stats.chi2_contingency(correction=False).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, hoverAt, lintDatasetFile, lintDocument, type DatasetAnalysis, type Finding } from '../../server/src/engine';
import { applyEdits, byCode, lint, noPolicy, realdataDir } from './helpers';

type Ctx = { skip(message?: string): void };

function realFile(t: Ctx, name: string): string | undefined {
  const file = path.join(realdataDir, name);
  if (!existsSync(realdataDir)) { t.skip(`realdata folder absent: ${realdataDir}`); return undefined; }
  if (!existsSync(file)) { t.skip(`realdata file absent: ${file}`); return undefined; }
  return file;
}

/** Header and rows by plain splitting (the two CSVs used here have no quoted fields). */
function splitCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

describe('UCI diabetes (diabetic_data.csv): phenotype missingness', () => {
  let cached: { text: string; analysis: DatasetAnalysis; header: string[]; rows: string[][] } | undefined;
  const load = (t: Ctx) => {
    const file = realFile(t, 'diabetic_data.csv');
    if (!file) return undefined;
    if (!cached) {
      const text = readFileSync(file, 'utf8');
      cached = { text, analysis: lint(text, { path: file }), ...splitCsv(text) };
    }
    return cached;
  };
  const missingIn = (d: NonNullable<ReturnType<typeof load>>, column: string): number => {
    const i = d.header.indexOf(column);
    return d.rows.filter((r) => r[i] === '?' || r[i] === '').length;
  };

  test('weight, payer_code, medical_specialty reported with their exact "?" counts (weight 98,569 as the README says)', (t) => {
    const d = load(t); if (!d) return;
    assert.equal(d.rows.length, 101766);
    assert.equal(missingIn(d, 'weight'), 98569);
    const found = byCode(d.analysis.findings, 'phenotype-values-missing');
    assert.deepEqual(found.map((f) => f.data.column), ['weight', 'payer_code', 'medical_specialty']);
    for (const f of found) {
      const expected = missingIn(d, String(f.data.column));
      assert.equal(f.data.missing, expected, String(f.data.column));
      assert.deepEqual(f.data.markers, { '?': expected });
      assert.equal(f.data.total, 101766);
      assert.match(f.message, new RegExp(`^${expected.toLocaleString('en-US')} of 101,766 values missing in column "${f.data.column}"`));
    }
    assert.match(found[0].message, /98,569 of 101,766 values missing in column "weight" \(96\.9%\), above the maximum of 20\.0% \(phenotype\.maxMissing\)\. Missing markers: "\?" 98,569\./);
  });

  test('every column\'s missing count is its count of "?" (None, the file\'s "not measured", is a value)', (t) => {
    const d = load(t); if (!d) return;
    for (const column of d.analysis.profile.columns) assert.equal(column.missing, missingIn(d, column.name), column.name);
    const glu = d.analysis.profile.columns.find((c) => c.name === 'max_glu_serum')!;
    assert.ok((glu.values.get('None') ?? 0) > 90000);
  });

  test('identifiers (encounter_id, patient_nbr) and race are not phenotype columns; no required concept is missing', (t) => {
    const d = load(t); if (!d) return;
    assert.equal(byCode(d.analysis.findings, 'phenotype-field-missing').length, 0);
    const flagged = d.analysis.findings.filter((f) => f.code.startsWith('phenotype-')).map((f) => f.data.column);
    for (const c of ['encounter_id', 'patient_nbr', 'race']) assert.ok(!flagged.includes(c), c);
  });

  /** Race as the test reads it: the five labels of the file, "?" is no group. */
  const RACE_GROUPS: Record<string, string> = {
    Caucasian: 'White', AfricanAmerican: 'Black or African American', Hispanic: 'Hispanic or Latino', Other: 'Some Other Race', Asian: 'Asian',
  };
  const byGroup = (d: NonNullable<ReturnType<typeof load>>, column: string) => {
    const ri = d.header.indexOf('race');
    const ci = d.header.indexOf(column);
    const counts: Record<string, { rows: number; missing: number }> = {};
    for (const r of d.rows) {
      const group = RACE_GROUPS[r[ri]];
      if (!group) continue;
      counts[group] ??= { rows: 0, missing: 0 };
      counts[group].rows++;
      if (r[ci] === '?') counts[group].missing++;
    }
    return counts;
  };

  // scipy.stats.chi2_contingency(groups × [missing, present], correction=False).statistic
  const SCIPY: Record<string, number> = {
    weight: 616.9386155280306,
    payer_code: 811.7676160988005,
    medical_specialty: 526.0505763527992,
    diag_3: 41.18992948168755,
  };

  test('disparity: payer_code, medical_specialty, diag_1 (exact test) and diag_3 reported; counts, shares, ratio and χ² recomputed independently', (t) => {
    const d = load(t); if (!d) return;
    const found = byCode(d.analysis.findings, 'phenotype-missingness-disparity');
    assert.deepEqual(found.map((f) => f.data.column), ['payer_code', 'medical_specialty', 'diag_1', 'diag_3']);
    for (const f of found.filter((x) => x.data.test === 'chi-square')) {
      const column = String(f.data.column);
      const expected = byGroup(d, column);
      const groups = f.data.groups as { group: string; rows: number; missing: number; share: number }[];
      assert.deepEqual(Object.fromEntries(groups.map((g) => [g.group, { rows: g.rows, missing: g.missing }])), expected, column);
      const shares = Object.values(expected).map((g) => g.missing / g.rows);
      assert.ok(Math.abs((f.data.ratio as number) - Math.max(...shares) / Math.min(...shares)) < 1e-12, column);
      assert.ok((f.data.ratio as number) >= 1.25);
      assert.ok(Math.abs((f.data.statistic as number) - SCIPY[column]) < 1e-6, column);
      assert.equal(f.data.df, 4);
      assert.equal(f.data.columnsTested, 6);
      assert.equal(f.data.threshold, 0.05 / 6);
      assert.ok((f.data.pValue as number) < 0.05 / 6);
    }
    const medical = found.find((f) => f.data.column === 'medical_specialty')!;
    assert.match(medical.message, /highest White 50\.9% \(38,766 of 76,099\), lowest Asian 29\.8% \(191 of 641\), ratio 1\.71 ≥ 1\.25/);
  });

  test('not reported: weight (ratio 1.04 < 1.25 though χ² is large), diag_2 (exact test not significant); diag_1 decided by the exact test', (t) => {
    const d = load(t); if (!d) return;
    const header = d.text.slice(0, d.text.indexOf('\n'));
    const hoverOn = (column: string) => hoverAt(d.analysis, { line: 0, character: header.indexOf(`,${column},`) + 2 })!;
    const weight = byGroup(d, 'weight');
    const shares = Object.values(weight).map((g) => g.missing / g.rows);
    assert.ok(Math.max(...shares) / Math.min(...shares) < 1.25);
    assert.match(hoverOn('weight'), /Ratio 1\.04 \(reported from 1\.25\)\. Chi-square test of independence over 5 groups: χ² = 616\.94, df = 4, p < 1e-15; Bonferroni threshold 0\.05\/6 = 0\.00833\. Verdict: not reported\./);
    assert.match(hoverOn('diag_1'), /ratio infinite \(Some Other Race has no missing value\)/i);
    // python enumeration (test/unit/exactTest.test.ts): p = 0.0003805672448658134
    assert.match(hoverOn('diag_1'), /Smallest expected count 0\.122 < 5.*Fisher–Freeman–Halton test over 5 groups \(exact, 8,855 tables with these margins enumerated\): p = 3\.81e-4.*Verdict: \*\*reported\*\*/);
    assert.match(hoverOn('diag_2'), /Smallest expected count 2\.16 < 5.*Fisher–Freeman–Halton test over 5 groups.*Verdict: not reported/);
  });

  test('the CLI\'s streamed analysis (files over 8 MB) carries the same data payloads, in plain JSON', async (t) => {
    const d = load(t); if (!d) return;
    const file = path.join(realdataDir, 'diabetic_data.csv');
    const streamed = await lintDatasetFile(file, undefined, noPolicy());
    const pick = (fs: Finding[]) => JSON.parse(JSON.stringify(fs.filter((f) => f.code.startsWith('phenotype-')).map((f) => [f.code, f.message, f.data])));
    assert.deepEqual(pick(streamed.findings), pick(d.analysis.findings));
    const payload = pick(streamed.findings).find((x: any) => x[2].column === 'payer_code' && x[0] === 'phenotype-missingness-disparity')[2];
    for (const key of ['groups', 'worst', 'best', 'ratio', 'statistic', 'df', 'pValue', 'alpha', 'columnsTested', 'threshold']) assert.ok(key in payload, key);
  });
});

describe('Synthea patients (synthea_patients.csv)', () => {
  test('the missing diagnosis concept is reported; sex (GENDER) and age (BIRTHDATE) are found', (t) => {
    const file = realFile(t, 'synthea_patients.csv'); if (!file) return;
    const a = lint(readFileSync(file, 'utf8'), { path: file });
    assert.deepEqual(byCode(a.findings, 'phenotype-field-missing').map((f) => f.data.requirement), ['diagnosis']);
  });

  test('the add-column fix leaves a rectangular table: every row has the header\'s field count', (t) => {
    const file = realFile(t, 'synthea_patients.csv'); if (!file) return;
    const text = readFileSync(file, 'utf8');
    const a = lint(text, { path: file });
    const finding = byCode(a.findings, 'phenotype-field-missing')[0];
    const fixes = fixesFor(a, finding, noPolicy(), () => undefined);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].changes.length, 1);
    const fixed = applyEdits(text, fixes[0].changes[0].edits);
    const { header, rows } = splitCsv(fixed);
    assert.equal(header.length, splitCsv(text).header.length + 1);
    assert.equal(header[header.length - 1], 'DIAGNOSIS');
    assert.equal(rows.length, 115);
    for (const row of rows) assert.equal(row.length, header.length);
    assert.ok(rows.every((r) => r[r.length - 1] === ''));
    assert.equal(byCode(lint(fixed, { path: file }).findings, 'phenotype-field-missing').length, 0);
  });

  test('identifier columns (SSN, names, address, ZIP, ...) are never reported; DEATHDATE (empty = alive) neither', (t) => {
    const file = realFile(t, 'synthea_patients.csv'); if (!file) return;
    const a = lint(readFileSync(file, 'utf8'), { path: file });
    const columns = a.findings.filter((f) => f.code.startsWith('phenotype-') || f.code === 'missing-marker-mixed').map((f) => f.data.column).filter(Boolean);
    assert.deepEqual(columns, ['MARITAL']);
  });
});

describe('JCOIN Table Schema: phenotype-field-missing on a schema, and the add-field fix', () => {
  for (const name of ['jcoin_table-schema-baseline.json', 'jcoin_baseline.yaml']) {
    test(`${name}: diagnosis reported on "fields"; the fix appends a field and changes nothing else`, (t) => {
      const file = realFile(t, name); if (!file) return;
      const text = readFileSync(file, 'utf8');
      const env = { policy: noPolicy(), read: () => undefined };
      const a = lintDocument(file, text, undefined, env)!;
      assert.equal(a.kind, 'tableSchema');
      const found = byCode(a.findings, 'phenotype-field-missing');
      assert.deepEqual(found.map((f) => f.data.requirement), ['diagnosis']);
      const line = text.split(/\r?\n/)[found[0].range.start.line];
      assert.match(line.slice(found[0].range.start.character, found[0].range.end.character), /^"?fields"?$/);
      const fixes = fixesFor(a, found[0], noPolicy(), () => undefined);
      assert.equal(fixes.length, 1);
      const fixed = applyEdits(text, fixes[0].changes[0].edits);
      // One insertion: the original text survives unchanged before and after the new field.
      let common = 0;
      while (common < text.length && text[common] === fixed[common]) common++;
      assert.equal(fixed.slice(fixed.length - (text.length - common)), text.slice(common));
      const inserted = fixed.slice(common, fixed.length - (text.length - common));
      assert.match(inserted, /diagnosis/);
      assert.ok(!/\r/.test(inserted) || /\r\n/.test(text), 'line endings as in the file');
      const again = lintDocument(file, fixed, undefined, env)!;
      assert.equal(byCode(again.findings, 'phenotype-field-missing').length, 0);
      assert.equal(again.findings.filter((f) => f.code.endsWith('-invalid') && f.data.kind === 'parse').length, 0);
      const fields = (again as { doc: { value: { fields: { name?: string; type?: string }[] } } }).doc.value.fields;
      const before = (a as { doc: { value: { fields: unknown[] } } }).doc.value.fields;
      assert.deepEqual(fields.slice(0, -1), before);
      assert.equal(fields[fields.length - 1].name, 'diagnosis');
      assert.equal(fields[fields.length - 1].type, 'string');
    });
  }
});
