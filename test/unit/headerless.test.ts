// A file without a header row (UCI's adult.data): the first row would name every column by
// a value, so only the table's own rules report, and table-header-missing says why. The
// same rows under a header of names get the usual findings.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from './helpers';

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
