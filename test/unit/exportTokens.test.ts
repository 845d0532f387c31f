// Null tokens that real exports write, and rows that are not participants. Fixtures under
// test/fixtures/realformats: nationwidechildrens.org_clinical_patient_coad.txt (a GDC / TCGA
// Biotab clinical file: header, alias header, CDE_ID row, bracketed null tokens, six rows
// holding only the patient uuid) and spreadsheet_export_errors.csv (a sheet saved as CSV
// with failed formulas).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, lintDatasetFile } from '../../server/src/engine';
import { OMB } from '../../server/src/engine/ancestry/vocabularies';
import { byCode, fullText, groupsCsv, lint, noPolicy, policyFrom, repoRoot } from './helpers';

const fixturePath = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'realformats', name);
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
const biotabName = 'nationwidechildrens.org_clinical_patient_coad.txt';
const biotab = fixture(biotabName);

describe('GDC / TCGA Biotab clinical file', () => {
  const a = lint(biotab, { path: `/virtual/project/${biotabName}`, languageId: 'tsv' });

  test('the alias header and CDE_ID rows are metadata, reported once, in no count', () => {
    const [metadata] = byCode(a.findings, 'table-rows-not-participants').filter((f) => f.data.kind === 'metadata');
    assert.equal(metadata.severity, 'information');
    assert.deepEqual(metadata.data.rowsByKind, { 'alias-header': 1, 'data-dictionary': 1 });
    assert.equal(metadata.data.line, 2);
    // 209 patients with data: not 211 (metadata) nor 217 (id-only rows).
    assert.equal(a.profile.rowCount, 209);
    const race = a.ancestry.find((x) => x.column === 'race')!;
    assert.ok(!race.groups.some((g) => g.group === 'race' || g.group.startsWith('CDE_ID')), race.groups.map((g) => g.group).join());
  });

  test('bracketed null tokens are missing, never values or groups', () => {
    const race = a.ancestry.find((x) => x.column === 'race')!;
    assert.deepEqual(Object.fromEntries(race.missingByMarker), { '[Not Available]': 10, '[Not Evaluated]': 4, '[Unknown]': 3 });
    assert.equal(race.total, 192);
    assert.equal(race.groups.find((g) => g.group === OMB.white)!.count, 150);
  });

  test('a column of nothing but [Not Available] is reported as 100% missing', () => {
    const [kps] = byCode(a.findings, 'phenotype-values-missing').filter((f) => f.data.column === 'karnofsky_performance_score');
    assert.ok(kps, 'reported');
    assert.equal(kps.data.missing, 209);
  });

  test('rows holding only the uuid: one finding, left out of every denominator, no id shown', () => {
    const [idOnly, ...more] = byCode(a.findings, 'table-rows-not-participants').filter((f) => f.data.kind === 'id-only');
    assert.equal(more.length, 0);
    assert.equal(idOnly.severity, 'warning');
    assert.equal(idOnly.data.rows, 6);
    assert.equal(idOnly.data.column, 'bcr_patient_uuid');
    assert.doesNotMatch(fullText(idOnly), /[0-9A-F]{8}-[0-9A-F]{4}/);
    assert.equal(a.profile.columns.find((c) => c.name === 'gender')!.missing, 0);
  });

  test('the same file streamed from disk reads the same rows', async () => {
    const streamed = await lintDatasetFile(fixturePath(biotabName), 'tsv', noPolicy());
    assert.equal(streamed.profile.rowCount, 209);
    assert.deepEqual(byCode(streamed.findings, 'table-rows-not-participants').map((f) => f.data.kind).sort(), ['id-only', 'metadata']);
  });

  test('a repeated header row further down is metadata too; a data row that shares a few names is not', () => {
    const text = 'id,race,age\n1,White,30\n2,Asian,40\nid,race,age\n3,White,50\n';
    const b = lint(text);
    assert.equal(b.profile.rowCount, 3);
    assert.deepEqual(byCode(b.findings, 'table-rows-not-participants')[0].data.rowsByKind, { 'repeated-header': 1 });
    const c = lint('id,race,age\nid,White,30\n');
    assert.equal(c.profile.rowCount, 1);
  });

  test('a two-column table never has id-only rows', () => {
    const b = lint('participant_id,race\nP1,White\nP2,\n');
    assert.equal(b.profile.rowCount, 2);
    assert.deepEqual(byCode(b.findings, 'table-rows-not-participants'), []);
  });
});

describe('survey non-answers and spreadsheet error values', () => {
  test('"Prefer not to answer" and "Do not know" are missing in any column', () => {
    const a = lint('id,smoker,race\n1,Yes,White\n2,Prefer not to answer,White\n3,Do not know,Do not know\n4,No,White\n');
    assert.deepEqual(Object.fromEntries(a.profile.columns[1].missingByMarker), { 'Prefer not to answer': 1, 'Do not know': 1 });
    assert.equal(a.ancestry[0].total, 3);
  });

  test('spreadsheet error values: one finding per column with counts, counted as missing', () => {
    const a = lint(fixture('spreadsheet_export_errors.csv'));
    const found = byCode(a.findings, 'table-spreadsheet-errors');
    assert.deepEqual(found.map((f) => [f.data.column, f.data.errors]), [['bmi', { '#DIV/0!': 7 }], ['egfr', { '#REF!': 4, '#VALUE!': 1 }]]);
    assert.equal(a.profile.columns.find((c) => c.name === 'egfr')!.missing, 5);
    // They are no missing marker anyone chose: not "written two ways", and no fix blanks them.
    assert.deepEqual(byCode(a.findings, 'missing-marker-mixed'), []);
  });

  test('they stay missing when the policy replaces the missing-value list', () => {
    const a = lint('id,bmi\n1,22\n2,#REF!\n', { policy: policyFrom('missingValues: [""]\n') });
    assert.equal(a.profile.columns[1].missing, 1);
    assert.equal(byCode(a.findings, 'table-spreadsheet-errors').length, 1);
  });

  test('never an ancestry group', () => {
    const a = lint(groupsCsv('race', { White: 80, '#N/A': 5, '#REF!': 2 }));
    assert.equal(a.ancestry[0].total, 80);
    assert.ok(!a.ancestry[0].groups.some((g) => g.group.startsWith('#')));
    assert.equal(fixesFor(a, byCode(a.findings, 'table-spreadsheet-errors')[0], noPolicy(), () => undefined).length, 0);
  });
});
