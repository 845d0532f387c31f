// The phenotype rules on real public files in ../shared/realdata (not copied into the
// project). Expected counts are computed here independently, by splitting the CSV text;
// chi-square statistics were computed with scipy.stats.chi2_contingency(correction=False).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, hoverAt, lintDatasetFile, lintDocument, type DatasetAnalysis, type Finding } from '../../server/src/engine';
import { applyEdits, byCode, fullText, lint, noPolicy, realdataDir } from './helpers';

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

  // patient_nbr repeats (71,518 patients in 101,766 rows), so missingness is counted per
  // patient: a patient lacks a value when none of their rows has one. The per-patient
  // figures are recomputed here from the split text; python gave the same (csv module:
  // weight 68,652, payer_code 29,985, medical_specialty 32,843 patients without a value).
  const perPatient = (d: NonNullable<ReturnType<typeof load>>) => {
    const pi = d.header.indexOf('patient_nbr');
    const ri = d.header.indexOf('race');
    const firstRace = new Map<string, string>();
    const has = new Map<string, Set<number>>();
    for (const r of d.rows) {
      const p = r[pi];
      if (!has.has(p)) has.set(p, new Set());
      r.forEach((v, i) => { if (v !== '?' && v !== '') has.get(p)!.add(i); });
      if (r[ri] !== '?' && !firstRace.has(p)) firstRace.set(p, r[ri]);
    }
    return { firstRace, has };
  };
  const missingPatients = (d: NonNullable<ReturnType<typeof load>>, column: string): number => {
    const i = d.header.indexOf(column);
    return [...perPatient(d).has.values()].filter((s) => !s.has(i)).length;
  };

  test('weight, payer_code, medical_specialty reported per patient, with the rows\' "?" counts as markers', (t) => {
    const d = load(t); if (!d) return;
    assert.equal(d.rows.length, 101766);
    assert.equal(missingIn(d, 'weight'), 98569);
    const found = byCode(d.analysis.findings, 'phenotype-values-missing');
    assert.deepEqual(found.map((f) => f.data.column), ['weight', 'payer_code', 'medical_specialty']);
    assert.deepEqual(found.map((f) => f.data.missing), [68652, 29985, 32843]);
    for (const f of found) {
      const expected = missingPatients(d, String(f.data.column));
      assert.equal(f.data.missing, expected, String(f.data.column));
      assert.deepEqual(f.data.markers, { '?': missingIn(d, String(f.data.column)) });
      assert.equal(f.data.total, 71518);
      assert.equal(f.data.rows, 101766);
      assert.match(f.detail ?? '', new RegExp(`^${expected.toLocaleString('en-US')} of 71,518 patients have no value in column "${f.data.column}"`));
    }
    assert.match(fullText(found[0]), /68,652 of 71,518 patients have no value in column "weight" \(96%\), above the maximum of 20% \(phenotype\.maxMissing\)\. Missing markers: "\?" 98,569\. Counted once per participant \(no value in any of their rows\): 71,518 patients in 101,766 rows \("patient_nbr" repeats\)\./);
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

  test('no column is taken for structurally empty (nothing in this file is empty exactly when another column takes a value)', (t) => {
    const d = load(t); if (!d) return;
    assert.equal(byCode(d.analysis.findings, 'phenotype-not-applicable').length, 0);
  });

  /** Race as the test reads it: the five labels of the file, "?" is no group; each patient in the group of their first row with a race. */
  const RACE_GROUPS: Record<string, string> = {
    Caucasian: 'White', AfricanAmerican: 'Black or African American', Hispanic: 'Hispanic or Latino', Other: 'Some Other Race', Asian: 'Asian',
  };
  const byGroup = (d: NonNullable<ReturnType<typeof load>>, column: string) => {
    const ci = d.header.indexOf(column);
    const { firstRace, has } = perPatient(d);
    const counts: Record<string, { rows: number; missing: number }> = {};
    for (const [p, race] of firstRace) {
      const group = RACE_GROUPS[race];
      counts[group] ??= { rows: 0, missing: 0 };
      counts[group].rows++;
      if (!has.get(p)!.has(ci)) counts[group].missing++;
    }
    return counts;
  };

  // Per patient tables, scipy.stats.chi2_contingency(groups × [missing, present], correction=False).statistic
  const SCIPY: Record<string, number> = {
    weight: 531.8970489369237,
    payer_code: 320.2985135896648,
    medical_specialty: 231.03735814662448,
    diag_3: 36.11067520332013,
  };

  test('disparity: medical_specialty reported (14.9 points); diag_1 (exact test) and diag_3, significant but under 5 points, not; counts, shares, ratio and χ² recomputed independently', (t) => {
    const d = load(t); if (!d) return;
    const found = byCode(d.analysis.findings, 'phenotype-missingness-disparity');
    assert.deepEqual(found.map((f) => f.data.column), ['medical_specialty']);
    const assessment = d.analysis.disparities();
    assert.equal(assessment.tested, 6);
    assert.equal(assessment.threshold, 0.05 / 6);
    for (const column of ['medical_specialty', 'diag_1', 'diag_3']) {
      const c = assessment.columns.find((x) => x.column === column)!;
      const expected = byGroup(d, column);
      assert.deepEqual(Object.fromEntries(c.groups.map((g) => [g.group, { rows: g.rows, missing: g.missing }])), expected, column);
      const shares = Object.values(expected).map((g) => g.missing / g.rows);
      // By hand from the per-patient counts: medical_specialty 47.3% − 32.4% = 14.9 points;
      // diag_3 2.63% − 1.31% = 1.32 points; diag_1 0.201% − 0% = 0.201 points.
      const difference = Math.max(...shares) - Math.min(...shares);
      assert.equal(difference >= 0.05, column === 'medical_specialty', column);
      assert.ok((c.exact?.pValue ?? c.test!.pValue) < 0.05 / 6, `${column}: significant all the same`);
      if (c.exact) continue;
      assert.ok(Math.abs(c.ratio! - Math.max(...shares) / Math.min(...shares)) < 1e-12, column);
      assert.ok(c.ratio! >= 1.25);
      assert.ok(Math.abs(c.test!.statistic - SCIPY[column]) < 1e-6, column);
      assert.equal(c.test!.df, 4);
    }
    const [medical] = found;
    assert.equal(medical.data.columnsTested, 6);
    assert.match(fullText(medical), /highest White 47\.3% \(25,326 of 53,574\), lowest Asian 32\.4% \(161 of 497\), ratio 1\.46 ≥ 1\.25/);
    assert.match(fullText(medical), /a difference of 14\.9 percentage points ≥ 5 percentage points/);
    // python (/tmp enumeration in exactTest.test.ts's comment): FFH p = 0.0010479161693977197 over 715 tables
    const diag1 = assessment.columns.find((c) => c.column === 'diag_1')!;
    assert.equal(diag1.exact!.tables, 715);
    assert.ok(Math.abs(diag1.exact!.pValue - 0.0010479161693977197) < 5e-8);
  });

  test('not reported: weight and payer_code (ratio < 1.25 though χ² is large), diag_2 (exact test not significant), diag_1 (0.2 points)', (t) => {
    const d = load(t); if (!d) return;
    const header = d.text.slice(0, d.text.indexOf('\n'));
    const hoverOn = (column: string) => hoverAt(d.analysis, { line: 0, character: header.indexOf(`,${column},`) + 2 })!;
    for (const column of ['weight', 'payer_code']) {
      const shares = Object.values(byGroup(d, column)).map((g) => g.missing / g.rows);
      assert.ok(Math.max(...shares) / Math.min(...shares) < 1.25, column);
    }
    assert.match(hoverOn('weight'), /Chi-square test of independence over 5 groups: χ² = 532, df = 4, p < 1e-15; Bonferroni threshold 0\.05\/6 = 0\.00833\. Verdict: not reported\./);
    assert.match(hoverOn('weight'), /\| group \| patients \| missing \| missing share \|/);
    assert.match(hoverOn('diag_1'), /ratio infinite \(Some Other Race has no missing value\)/i);
    assert.match(hoverOn('diag_1'), /Smallest expected count 0\.0642 < 5.*Fisher–Freeman–Halton test over 5 groups \(exact, 715 tables with these margins enumerated\).*Verdict: not reported/);
    assert.match(hoverOn('diag_1'), /difference 0\.201 percentage points \(reported from 5, phenotype\.maxDisparityDifference\)/);
    assert.match(hoverOn('diag_2'), /Smallest expected count 1\.73 < 5.*Fisher–Freeman–Halton test over 5 groups.*Verdict: not reported/);
  });

  test('the CLI\'s streamed analysis (files over 8 MB) carries the same data payloads, in plain JSON', async (t) => {
    const d = load(t); if (!d) return;
    const file = path.join(realdataDir, 'diabetic_data.csv');
    const streamed = await lintDatasetFile(file, undefined, noPolicy());
    const pick = (fs: Finding[]) => JSON.parse(JSON.stringify(fs.filter((f) => f.code.startsWith('phenotype-') || f.code.startsWith('ancestry-')).map((f) => [f.code, f.message, f.data])));
    assert.deepEqual(pick(streamed.findings), pick(d.analysis.findings));
    const payload = pick(streamed.findings).find((x: any) => x[2].column === 'medical_specialty' && x[0] === 'phenotype-missingness-disparity')[2];
    for (const key of ['groups', 'worst', 'best', 'ratio', 'statistic', 'df', 'pValue', 'alpha', 'columnsTested', 'threshold', 'test']) assert.ok(key in payload, key);
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
