// Privacy rules: Safe Harbor categories by header confirmed by values (and contradicted
// by them), value shape alone, the pseudonym, dates and ages, ZIP codes, k-anonymity and
// small cells against an independent computation, special categories, schema fields,
// streamed files, and every real data file (right categories on Synthea, no false
// identifier on the others).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { hoverAt, lintDatasetFile, lintDocument, type DatasetAnalysis, type Finding } from '../../server/src/engine';
import { byCode, fullText, lint, noPolicy, policyFrom, realdataDir, tempDir } from './helpers';
import { K_EXPECTED, SMALL_EXPECTED, kFixture } from './privacyFixtures';

const IDENTIFYING = ['privacy-direct-identifier', 'privacy-date', 'privacy-geography'];
const byColumn = (findings: Finding[], code: string) => new Map(byCode(findings, code).map((f) => [f.data.column as string, f]));

function people(n: number, cell: (i: number) => string, header = 'value'): string {
  const lines = [`participant_id,sex,${header}`];
  for (let i = 0; i < n; i++) lines.push(`P${i},${i % 2 ? 'F' : 'M'},${cell(i)}`);
  return lines.join('\n') + '\n';
}

describe('privacy-direct-identifier', () => {
  test('a header confirmed by its values: SSN (any range, test data uses 9xx), email, phone', () => {
    const text = ['id,ssn,email,home_phone', ...Array.from({ length: 30 }, (_, i) => `${i},999-${String(10 + i)}-${String(1000 + i)},p${i}@example.org,(617) 555-${String(1000 + i)}`)].join('\n');
    const found = byColumn(lint(text).findings, 'privacy-direct-identifier');
    assert.deepEqual([...found.keys()], ['ssn', 'email', 'home_phone']);
    assert.deepEqual([...found.values()].map((f) => [f.data.category, f.data.item, f.data.by, f.data.matched, f.data.sampled]), [
      ['ssn', 'G', 'header', 30, 30], ['email', 'F', 'header', 30, 30], ['phone', 'D', 'header', 30, 30]]);
    assert.equal(found.get('ssn')!.severity, 'error');
    assert.match(fullText(found.get('ssn')!), /social security number, Safe Harbor item G \(45 CFR 164\.514\(b\)\(2\)\(i\)\(G\)\); the header names it and 30 of 30 sampled values \(100(\.0)?%\)/);
  });

  test('a name column of drug names is not a name column', () => {
    const drugs = ['metformin', 'insulin', 'glipizide', 'Metformin'];
    const found = byCode(lint(people(60, (i) => drugs[i % 4], 'name')).findings, 'privacy-direct-identifier');
    assert.deepEqual(found, []);
  });

  test('a name column of people is', () => {
    const found = byCode(lint(people(60, (i) => `Person${i} Smith${i}`, 'name')).findings, 'privacy-direct-identifier');
    assert.deepEqual(found.map((f) => f.data.category), ['name']);
  });

  test('value shape alone needs issuable SSNs: never-issued 9xx without a telling header is not enough', () => {
    const issued = byCode(lint(people(40, (i) => `123-${String(10 + i)}-${String(2000 + i)}`, 'code')).findings, 'privacy-direct-identifier');
    assert.deepEqual(issued.map((f) => [f.data.category, f.data.by]), [['ssn', 'values']]);
    const test9xx = byCode(lint(people(40, (i) => `999-${String(10 + i)}-${String(2000 + i)}`, 'code')).findings, 'privacy-direct-identifier');
    assert.deepEqual(test9xx, []);
  });

  test('bare digit runs (record numbers) are not identifiers by shape', () => {
    const found = lint(people(200, (i) => String(100000000 + i * 7919), 'patient_nbr')).findings.filter((f) => IDENTIFYING.includes(f.code));
    assert.deepEqual(found, []);
  });

  test('the policy pseudonym is never reported, whatever its name', () => {
    const text = people(30, (i) => `MRN${1000 + i}`, 'mrn');
    assert.equal(byCode(lint(text).findings, 'privacy-direct-identifier').length, 1);
    assert.deepEqual(byCode(lint(text, { policy: policyFrom('privacy:\n  pseudonym: MRN\n') }).findings, 'privacy-direct-identifier'), []);
  });
});

describe('privacy-date and privacy-geography', () => {
  test('birth dates more precise than the year; years alone are fine', () => {
    const full = byCode(lint(people(30, (i) => `19${50 + i}-0${1 + (i % 9)}-1${i % 10}`, 'birth_date')).findings, 'privacy-date');
    assert.deepEqual(full.map((f) => [f.data.kind, f.data.category, f.data.fullDates, f.data.nonEmpty]), [['date', 'birth-date', 30, 30]]);
    assert.deepEqual(byCode(lint(people(30, (i) => String(1950 + i), 'birth_year')).findings, 'privacy-date'), []);
  });

  test('ages over 89, but not a single 90+ band (the UCI file\'s [90-100))', () => {
    const ages = byCode(lint(people(40, (i) => String(60 + i), 'age')).findings, 'privacy-date');
    assert.deepEqual(ages.map((f) => [f.data.kind, f.data.agesOver89, f.data.nonEmpty]), [['age', 10, 40]]);
    assert.deepEqual(byCode(lint(people(40, (i) => String(40 + i), 'age')).findings, 'privacy-date'), [], 'none over 89');
    const oneBand = ['[70-80)', '[80-90)', '[90-100)'];
    assert.deepEqual(byCode(lint(people(30, (i) => oneBand[i % 3], 'age')).findings, 'privacy-date'), []);
    const bands = ['[80-90)', '[90-95)', '[95-100)'];
    assert.deepEqual(byCode(lint(people(30, (i) => bands[i % 3], 'age')).findings, 'privacy-date').map((f) => [f.data.bandsOver89, f.data.bandRowsOver89]), [[2, 20]]);
  });

  test('ZIP-5 codes, and the restricted ZIP-3 areas that must be 000', () => {
    const zip5 = byCode(lint(people(30, (i) => (i % 3 ? `0245${i % 10}` : `0360${i % 10}`), 'zip')).findings, 'privacy-geography');
    assert.deepEqual(zip5.map((f) => [f.data.kind, f.data.zips, f.data.restricted]), [['zip5', 30, 10]]);
    assert.deepEqual(byCode(lint(people(30, () => '024', 'zip3')).findings, 'privacy-geography'), [], 'an unrestricted ZIP-3 may stay');
    const restricted = byCode(lint(people(30, (i) => (i % 5 ? '024' : '890'), 'zip3')).findings, 'privacy-geography');
    assert.deepEqual(restricted.map((f) => [f.data.kind, f.data.restricted]), [['zip3-restricted', 6]]);
  });

  test('a table that is not about people (no sex, age or person id) has no dates or places reported', () => {
    const sites = ['site,city,opened', ...Array.from({ length: 30 }, (_, i) => `S${i},Boston,2001-01-${10 + (i % 9)}`)].join('\n');
    assert.deepEqual(lint(sites).findings.filter((f) => IDENTIFYING.includes(f.code)), []);
  });
});

describe('k-anonymity and small cells on a fixture with known classes (figures from an independent Python count)', () => {
  const analysis = lint(kFixture());

  test('privacy-quasi-identifier', () => {
    const [f] = byCode(analysis.findings, 'privacy-quasi-identifier');
    assert.ok(f, 'reported');
    assert.deepEqual(f.data.quasiIdentifiers, ['zip', 'birth_date', 'sex', 'race']);
    const { rows, classes, kMin, rowsBelowK, classesBelowK, mostContributing, without } = f.data as Record<string, unknown>;
    assert.deepEqual({ rows, classes, kMin, rowsBelowK, classesBelowK, mostContributing, without }, K_EXPECTED);
    assert.equal(f.data.k, 11);
  });

  test('privacy-small-cell names the tables and counts the cells', () => {
    const [f] = byCode(analysis.findings, 'privacy-small-cell');
    const tables = Object.fromEntries((f.data.tables as { column: string; cells: number; smallCells: number }[]).map((t) => [t.column, { cells: t.cells, smallCells: t.smallCells }]));
    assert.deepEqual(tables, SMALL_EXPECTED);
    assert.equal(f.data.smallCells, 5);
  });

  test('privacy.k and privacy.quasiIdentifiers from the policy', () => {
    const a = lint(kFixture(), { policy: policyFrom('privacy:\n  k: 2\n  quasiIdentifiers: [zip, sex]\n') });
    const [f] = byCode(a.findings, 'privacy-quasi-identifier');
    // zip as ZIP-3 x sex: 024 F 15, 021 M 13, 000 F 9, 100 M 21, 606 F 7, 606 M 10: every class has 2 or more.
    assert.equal(f, undefined);
    const [small] = byCode(a.findings, 'privacy-small-cell');
    assert.equal(small, undefined, 'no cell below 2');
  });

  test('the hover shows class sizes, never values', () => {
    const hover = hoverAt(analysis, analysis.headerCell(1).start)!; // zip, the first quasi-identifier
    assert.match(hover, /k-anonymity over "zip", "birth_date", "sex", "race" \(k = 11\): 8 classes, smallest 1/);
    assert.match(hover, /\| birth_date \(most\) \| 2 \| 28 \|/);
    assert.ok(!hover.includes('02451') && !hover.includes('1968'), hover);
  });

  test('the class count is capped, and the message says so', async (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'many.csv');
    const lines = ['participant_id,visit,sex'];
    for (let i = 0; i < 120_000; i++) lines.push(`P${i},${i},${i % 2 ? 'F' : 'M'}`);
    writeFileSync(file, lines.join('\n'));
    const a = await lintDatasetFile(file, undefined, policyFrom('privacy:\n  quasiIdentifiers: [visit, sex]\n'));
    const [f] = byCode(a.findings, 'privacy-quasi-identifier');
    assert.ok(f, 'reported');
    assert.ok((f.data.uncountedRows as number) > 0);
    assert.match(fullText(f), /Only the first 100,000 combinations were counted/);
  });
});

describe('privacy-special-category', () => {
  test('names the columns once per file and says what the policy can declare', () => {
    const text = 'participant_id,sex,race,diag_1,genotype\nP1,F,White,250.8,AA\n';
    const [f, more] = byCode(lint(text).findings, 'privacy-special-category');
    assert.equal(more, undefined);
    assert.deepEqual(f.data.categories, { genetic: ['genotype'], health: ['diag_1'], 'racial or ethnic origin': ['race'] });
    assert.match(fullText(f), /privacy\.legalBasis.*privacy\.deidentification: safe-harbor \| expert-determination/);
    const declared = byCode(lint(text, { policy: policyFrom('privacy:\n  legalBasis: Art. 9(2)(j) scientific research\n  deidentification: safe-harbor\n') }).findings, 'privacy-special-category');
    assert.match(fullText(declared[0]), /declares the legal basis "Art\. 9\(2\)\(j\) scientific research" and de-identification by safe-harbor/);
  });
  test('not on a vocabulary table (ancestry terms, no people)', () => {
    assert.deepEqual(byCode(lint('id,label,ethnicity\nH1,x,White\n').findings, 'privacy-special-category'), []);
  });
});

describe('privacy-schema-identifier', () => {
  const schema = JSON.stringify({ fields: [{ name: 'participant_id' }, { name: 'ssn' }, { name: 'contact', format: 'email' }, { name: 'name', constraints: { enum: ['a', 'b'] } }, { name: 'zip_code' }] });
  test('fields by name and by format, with the same categories; enums and the pseudonym are not', () => {
    const a = lintDocument('/virtual/project/data.schema.json', schema, undefined, { policy: noPolicy(), read: () => undefined, workspaceRoot: '/virtual/project' });
    const got = (a?.findings ?? []).filter((f) => f.code === 'privacy-schema-identifier').map((f) => [f.data.name, f.data.category, f.data.field]);
    assert.deepEqual(got, [['ssn', 'ssn', 'name'], ['contact', 'email', 'format'], ['zip_code', 'zip', 'name']]);
    const pseudo = lintDocument('/virtual/project/data.schema.json', schema, undefined, { policy: policyFrom('privacy:\n  pseudonym: ssn\n'), read: () => undefined, workspaceRoot: '/virtual/project' });
    assert.ok(!(pseudo?.findings ?? []).some((f) => f.code === 'privacy-schema-identifier' && f.data.name === 'ssn'));
  });
});

describe('streamed files give the same privacy findings', () => {
  test('lintDatasetFile and lintDataset agree', async (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'k.csv');
    writeFileSync(file, kFixture());
    const streamed = await lintDatasetFile(file, undefined, noPolicy());
    const parsed = lint(kFixture(), { path: file });
    const pick = (a: DatasetAnalysis) => a.findings.filter((f) => f.code.startsWith('privacy-')).map((f) => [f.code, f.data]);
    assert.deepEqual(pick(streamed), pick(parsed));
  });
});

type Ctx = { skip(message?: string): void };
function realFile(t: Ctx, name: string): string | undefined {
  const file = path.join(realdataDir, name);
  if (!existsSync(file)) { t.skip(`realdata file absent: ${file}`); return undefined; }
  return file;
}

describe('real data', () => {
  test('Synthea patients: SSN, licence, passport, names, address, birth date and ZIP each with its category', (t) => {
    const file = realFile(t, 'synthea_patients.csv'); if (!file) return;
    const a = lint(readFileSync(file, 'utf8'), { path: file });
    const got = Object.fromEntries(a.findings.filter((f) => IDENTIFYING.includes(f.code)).map((f) => [f.data.column, `${f.code} ${f.data.category}`]));
    assert.deepEqual(got, {
      BIRTHDATE: 'privacy-date birth-date', DEATHDATE: 'privacy-date date', SSN: 'privacy-direct-identifier ssn', DRIVERS: 'privacy-direct-identifier licence-number',
      PASSPORT: 'privacy-direct-identifier passport-number', FIRST: 'privacy-direct-identifier name', LAST: 'privacy-direct-identifier name', MAIDEN: 'privacy-direct-identifier name',
      BIRTHPLACE: 'privacy-geography city', ADDRESS: 'privacy-geography address', CITY: 'privacy-geography city', COUNTY: 'privacy-geography county',
      ZIP: 'privacy-geography zip', LAT: 'privacy-geography coordinates', LON: 'privacy-geography coordinates',
    });
    // Id (Synthea's own UUID, a study id), PREFIX, SUFFIX, MARITAL, STATE and the expenses are not identifiers.
  });

  for (const name of ['diabetic_data.csv', 'integrated_call_samples_v3.20130502.ALL.panel', 'duo.csv', 'hancestro_ethnicities_Feb2025.csv']) {
    test(`${name}: no identifier, date or geography finding`, (t) => {
      const file = realFile(t, name); if (!file) return;
      const a = lint(readFileSync(file, 'utf8'), { path: file });
      assert.deepEqual(a.findings.filter((f) => IDENTIFYING.includes(f.code)).map((f) => f.message), []);
    });
  }

  test('diabetic_data: k-anonymity over race, gender and age bands; no small-cell claim on a vocabulary', (t) => {
    const file = realFile(t, 'diabetic_data.csv'); if (!file) return;
    const a = lint(readFileSync(file, 'utf8'), { path: file });
    const [q] = byCode(a.findings, 'privacy-quasi-identifier');
    assert.deepEqual(q.data.quasiIdentifiers, ['race', 'gender', 'age']);
    assert.equal(q.data.rows, 101_766);
    const hancestro = realFile(t, 'hancestro_ethnicities_Feb2025.csv'); if (!hancestro) return;
    const h = lint(readFileSync(hancestro, 'utf8'), { path: hancestro });
    assert.deepEqual(h.findings.filter((f) => f.code.startsWith('privacy-')).map((f) => f.code), []);
  });

  test('the JCOIN schema declares no identifier field', (t) => {
    const file = realFile(t, 'jcoin_table-schema-baseline.json'); if (!file) return;
    const a = lintDocument(file, readFileSync(file, 'utf8'), undefined, { policy: noPolicy(), read: () => undefined });
    assert.deepEqual((a?.findings ?? []).filter((f) => f.code === 'privacy-schema-identifier'), []);
  });
});
