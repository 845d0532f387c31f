// Headers behind metadata lines: cBioPortal clinical files (four `#` metadata lines, then
// the header without `#`), VCF / PLINK 2 headers on the last `#` line, comment lines; in
// \n, \r\n and CR-only files. Fixtures follow the shapes of public files (a cBioPortal
// data_clinical_patient.txt of a GENIE study, PLINK 2 .psam), a few lines each.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hoverAt, lintDatasetFile } from '../../server/src/engine';
import { detectHeader } from '../../server/src/engine/table/headerDetection';
import { byCode, lint, noPolicy } from './helpers';

const CBIO = [
  '#Patient Identifier\tAge at Diagnosis\tSex\tRace Category\tEthnicity Category',
  '#Identifier to uniquely specify a patient.\tAge at which a condition or disease was first diagnosed.\tSex\tThe text for reporting information about race.\tThe text for reporting information about ethnicity.',
  '#STRING\tNUMBER\tSTRING\tSTRING\tSTRING',
  '#1\t1\t1\t1\t1',
  'PATIENT_ID\tAGE_AT_DIAGNOSIS\tSEX\tRACE\tETHNICITY',
  'P-0000119\t67\tFemale\tWhite\tNon-Spanish/non-Hispanic',
  'P-0000241\t49\tFemale\tBlack\tNon-Spanish/non-Hispanic',
  'P-0000493\t24\tMale\tWhite\tSpanish NOS; Hispanic NOS, Latino NOS',
  'P-0000511\t39\tFemale\tAsian\tUnknown whether Spanish or not',
];

describe('cBioPortal clinical files', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR only', '\r']] as const) {
    test(`${name}: the header is the first line without #, the four # lines are metadata`, () => {
      const text = CBIO.join(eol) + eol;
      const d = detectHeader(text);
      assert.equal(d.format, 'cbioportal');
      assert.equal(d.headerLine, 4);
      assert.equal(d.hashHeader, false);
      assert.equal(text.slice(d.headerStart, d.headerStart + 10), 'PATIENT_ID');
      assert.deepEqual(d.metadata.map((m) => m.kind), ['display-names', 'descriptions', 'datatypes', 'priorities']);
      assert.deepEqual(d.columns[1], { displayName: 'Age at Diagnosis', description: 'Age at which a condition or disease was first diagnosed.', datatype: 'NUMBER' });
    });
  }

  test('every line ending in a tab, the priorities line with empty last fields (as cBioPortal study files are written)', () => {
    const lines = [
      '#Patient Identifier\tRace Category\tSex\t',
      '#Identifier to uniquely specify a patient.\tThe text for reporting information about race.\tSex\t',
      '#STRING\tSTRING\tSTRING\t',
      '#1\t1\t\t',
      'PATIENT_ID\tRACE\tSEX\t',
      '15\tWHITE\tFemale\t',
      '16\tUNKNOWN\tMale\t',
    ];
    const a = lint(lines.join('\n') + '\n', { path: '/w/data_clinical_patient.txt', languageId: 'tsv' });
    assert.equal(a.table.preamble?.format, 'cbioportal');
    assert.deepEqual(a.table.header, ['PATIENT_ID', 'RACE', 'SEX']);
    assert.equal(a.table.rows.length, 2);
    assert.equal(a.ancestry[0].missing, 1);
    assert.deepEqual(byCode(a.findings, 'table-header-trailing-fields').map((f) => f.severity), ['information']);
  });

  test('the real header names the columns: race, sex and age are found and no header counts as a row', () => {
    const a = lint(CBIO.join('\n') + '\n', { path: '/w/data_clinical_patient.txt', languageId: 'tsv' });
    assert.deepEqual(a.table.header, ['PATIENT_ID', 'AGE_AT_DIAGNOSIS', 'SEX', 'RACE', 'ETHNICITY']);
    assert.equal(a.table.rows.length, 4);
    assert.deepEqual(a.ancestry.map((x) => x.column), ['RACE', 'ETHNICITY']);
    assert.equal(a.profile.rowCount, 4);
    assert.equal(byCode(a.findings, 'ancestry-column-missing').length, 0);
    assert.deepEqual(byCode(a.findings, 'phenotype-field-missing').map((f) => f.data.requirement), ['diagnosis']);
    // No group is made of the priorities line or the header.
    const race = a.ancestry[0];
    assert.deepEqual(race.groups.filter((g) => g.count > 0).map((g) => g.group).sort(), ['Asian', 'Black or African American', 'White']);
    // GENIE writes ethnicity in NAACCR's wording: read, and "Unknown whether Spanish or not" is missing.
    const ethnicity = a.ancestry[1];
    assert.deepEqual(ethnicity.groups.filter((g) => g.count > 0).map((g) => [g.group, g.count]).sort(), [['Hispanic or Latino', 1], ['Not Hispanic or Latino', 2]]);
    assert.equal(ethnicity.missing, 1);
    assert.equal(byCode(a.findings, 'ancestry-labels-unmapped').length, 0);
  });

  test('streamed from disk (the CLI on large files): the same header, rows and metadata', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cohort-lint-cbio-'));
    try {
      const file = path.join(dir, 'data_clinical_patient.txt');
      writeFileSync(file, CBIO.join('\n') + '\n');
      const a = await lintDatasetFile(file, 'tsv', noPolicy());
      assert.deepEqual(a.table.header, ['PATIENT_ID', 'AGE_AT_DIAGNOSIS', 'SEX', 'RACE', 'ETHNICITY']);
      assert.equal(a.profile.rowCount, 4);
      assert.equal(a.table.preamble?.format, 'cbioportal');
      assert.equal(a.headerCell(0).start.line, 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('hover on line 1 says which lines were metadata; hover on a header cell shows its description and datatype', () => {
    const a = lint(CBIO.join('\n') + '\n', { path: '/w/data_clinical_patient.txt', languageId: 'tsv' });
    const first = hoverAt(a, { line: 0, character: 2 })!;
    assert.match(first, /lines 1–4 were read as metadata, not data/);
    assert.match(first, /line 3: cBioPortal datatypes/);
    assert.match(first, /The header is line 5 \(cBioPortal clinical file/);
    const age = hoverAt(a, a.headerCell(1).start)!;
    assert.match(age, /column "AGE\\_AT\\_DIAGNOSIS"/);
    assert.match(age, /description: Age at which a condition or disease was first diagnosed\./);
    assert.match(age, /datatype: NUMBER/);
  });
});

describe('# headers and # comments', () => {
  test('PLINK 2 .psam: the last # line is the header when the line after it is data', () => {
    const text = '#IID\tSEX\tSuperPop\rHG00096\t1\tEUR\rHG00097\t2\tEUR\r';
    const d = detectHeader(text);
    assert.equal(d.hashHeader, true);
    assert.equal(d.headerLine, 0);
    assert.equal(d.headerStart, 0);
  });

  test('VCF-style: meta lines (##) are comments and #CHROM is the header', () => {
    const text = '##fileformat=VCFv4.3\n##source=test\n#CHROM\tPOS\tID\tREF\tALT\n1\t10177\trs367896724\tA\tAC\n1\t10235\trs540431307\tT\tTA\n';
    const d = detectHeader(text);
    assert.equal(d.hashHeader, true);
    assert.equal(d.headerLine, 2);
    assert.deepEqual(d.metadata, [{ line: 0, kind: 'comment' }, { line: 1, kind: 'comment' }]);
  });

  test('a #-prefixed line of names above a plain header of names is metadata when the plain line does not recur as data', () => {
    const text = '#sample\tpopulation\nsample_id\tpop\nHG00096\tGBR\nHG00097\tGBR\n';
    const d = detectHeader(text);
    assert.equal(d.headerLine, 1);
    assert.equal(d.hashHeader, false);
  });

  test('a #-prefixed header above all-text data whose values recur stays the header', () => {
    const text = '#sample\tpop\nHG00096\tGBR\nHG00097\tGBR\nHG00099\tGBR\n';
    const d = detectHeader(text);
    assert.equal(d.hashHeader, true);
    assert.equal(d.headerLine, 0);
  });

  test('prose comments ("# text") are never the header; the CR-only file is split into lines', () => {
    const text = '# exported 2024\r# by pipeline\rid,race\r1,White\r';
    const d = detectHeader(text);
    assert.equal(d.headerLine, 2);
    assert.equal(text.slice(d.headerStart, d.headerStart + 7), 'id,race');
    assert.deepEqual(d.metadata.map((m) => m.kind), ['comment', 'comment']);
  });

  test('no # lines: the header is line 0 and no hover is offered for metadata', () => {
    const a = lint('id,race\n1,White\n');
    assert.equal(a.table.preamble?.metadata.length, 0);
    const hover = hoverAt(a, { line: 0, character: 1 });
    assert.ok(!hover || !/read as metadata/.test(hover));
  });
});

// UCI's "default of credit card clients.xls" has two header rows, generic X1..X23, Y over the
// real names; CSV copies of it keep both (an empty or `X0` cell over ID).
const CREDIT = [
  ',X1,X2,X3,X4,X5,X6,Y',
  'ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,default payment next month',
  ...Array.from({ length: 30 }, (_, i) => `${i + 1},${20000 + i * 1000},${1 + (i % 2)},2,1,${24 + (i % 20)},0,${i % 3 === 0 ? 1 : 0}`),
];

describe('a spreadsheet\'s second header row under generic names', () => {
  test('X1..Xn, Y over real names: the real names are the header, the generic line is metadata', () => {
    const text = CREDIT.join('\n') + '\n';
    const d = detectHeader(text);
    assert.equal(d.headerLine, 1);
    assert.equal(text.slice(d.headerStart, d.headerStart + 9), 'ID,LIMIT_');
    assert.deepEqual(d.metadata, [{ line: 0, kind: 'generic-names' }]);
  });

  test('linted: SEX and AGE are found, so no "No column for sex" or "age", and the names row is no data row', () => {
    const text = '\uFEFF' + ['X0' + CREDIT[0], ...CREDIT.slice(1)].join('\r\n') + '\r\n';
    const a = lint(text);
    assert.equal(a.table.header[2], 'SEX');
    assert.equal(a.table.rows.length, 30);
    const missing = byCode(a.findings, 'phenotype-field-missing').map((f) => f.data?.requirement);
    assert.deepEqual(missing, ['diagnosis']);
    const hover = hoverAt(a, { line: 0, character: 1 });
    assert.match(hover ?? '', /generic column names/);
  });

  test('generic names over data stay the header (nothing better names the columns)', () => {
    const text = 'V1,V2,V3\n1,2,3\n4,5,6\n7,8,9\n';
    assert.equal(detectHeader(text).headerLine, 0);
  });

  test('a header that merely has an X1 column among real names is the header', () => {
    const text = 'id,X1,sex,age\nname,value,kind,years\n1,2,F,30\n2,3,M,40\n';
    assert.equal(detectHeader(text).headerLine, 0);
  });
});
