// A file without a header row (UCI's adult.data): the first row would name every column by
// a value, so only the table's own rules report, and table-header-missing says why. The
// same rows under a header of names get the usual findings.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fullText, lint } from './helpers';

const RACES = ['White', 'White', 'White', 'Black', 'Asian-Pac-Islander', 'White', 'Amer-Indian-Eskimo', 'White', 'Other', 'Black'];
function rows(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${20 + (i % 50)},${i % 3 ? 'Private' : 'State-gov'},${RACES[i % RACES.length]},${i % 2 ? 'Male' : 'Female'},${i % 4 ? '<=50K' : '>50K'}`);
}

describe('a file without a header row', () => {
  test('only table rules report, with table-header-missing on the first row', () => {
    const a = lint(rows(300).join('\n') + '\n');
    assert.deepEqual([...new Set(a.findings.map((f) => f.code))], ['table-header-missing']);
    assert.equal(a.findings[0].range.start.line, 0);
  });

  test('repeated values in the first row are not repeated column names', () => {
    // A preprocessed COMPAS file: sex, age band, race, then counts and flags, no header row.
    const body = Array.from({ length: 200 }, (_, i) => `${i % 2 ? 'Male' : 'Female'},${['Less than 25', '25 - 45', 'Greater than 45'][i % 3]},${RACES[i % RACES.length]},0,${i % 5 === 0 ? 1 : 0},0,${i % 7},F,${i % 2},Low,${i % 3 === 0 ? 1 : 0}`);
    const a = lint(['Male,Greater than 45,Other,0,0,0,0,F,0,Low,0', ...body].join('\r') + '\r');
    assert.deepEqual([...new Set(a.findings.map((f) => f.code))], ['table-header-missing']);
  });

  test('the same rows under a header of names are linted as usual (the check above is not vacuous)', () => {
    const a = lint(['age,workclass,race,sex,income', ...rows(300)].join('\n') + '\n');
    const codes = new Set(a.findings.map((f) => f.code));
    assert.equal(codes.has('table-header-missing'), false);
    assert.ok([...codes].some((c) => c.startsWith('ancestry-')), [...codes].join(', '));
  });
});

describe('a PLINK .fam or .ped file: no header row by its format', () => {
  // Family id, individual id, father, mother, sex, phenotype; space-separated, as PLINK writes it.
  const fam = Array.from({ length: 60 }, (_, i) => `FAM${i % 20} S${i} 0 0 ${1 + (i % 2)} ${i % 7 === 0 ? -9 : 1 + (i % 2)}`).join('\n') + '\n';

  test('the finding says the format has none, and does not advise adding one to the file PLINK reads', () => {
    const f = lint(fam, { path: '/virtual/project/cohort.fam' }).findings.find((x) => x.code === 'table-header-missing')!;
    assert.match(f.message, /PLINK \.fam has none by its format/);
    assert.match(fullText(f), /FID IID PAT MAT SEX PHENOTYPE/);
    assert.doesNotMatch(fullText(f), /Add a header row/);
  });

  test('a .ped (six columns, then two per variant) likewise; the same rows under another name keep the usual advice', () => {
    const ped = fam.split('\n').filter(Boolean).map((line) => `${line} A G C C`).join('\n') + '\n';
    assert.match(lint(ped, { path: '/virtual/project/cohort.ped' }).findings.find((x) => x.code === 'table-header-missing')!.message, /PLINK \.ped/);
    assert.match(fullText(lint(fam, { path: '/virtual/project/cohort.txt' }).findings.find((x) => x.code === 'table-header-missing')!), /Add a header row/);
  });
});
