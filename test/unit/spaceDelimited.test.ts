// Space-separated files (UCI's german.data and its preprocessed copies, PLINK .fam files):
// papaparse never guesses a space, so the whole line was one column and the linter said
// "no sex column, no age column" on a file holding both. A space is chosen only when no
// other delimiter is on the first line and the first lines split alike into 3+ fields.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { guessDelimiter, parseTable } from '../../server/src/engine/table/parse';
import { byCode, lint } from './helpers';

const GERMAN = [
  'checking_acc duration credit_history purpose credit_amount saving_acc employment rate sex debtors residence property age plans housing credit_number job liables telephone foreign label',
  'A11 6 A34 A43 1169 A65 A75 4 Male A101 4 A121 67 A143 A152 2 A173 1 A192 A201 0',
  'A12 48 A32 A43 5951 A61 A73 2 Female A101 2 A121 22 A143 A152 1 A173 1 A191 A201 1',
  'A14 12 A34 A46 2096 A61 A74 2 Male A101 3 A121 49 A143 A152 1 A172 2 A191 A201 0',
].join('\n') + '\n';

describe('space-separated tables', () => {
  test('german credit: 21 columns, sex and age found', () => {
    assert.equal(guessDelimiter(GERMAN), ' ');
    const table = parseTable(GERMAN);
    assert.equal(table.header.length, 21);
    assert.deepEqual(table.rows.map((r) => r.values.length), [21, 21, 21]);
    const a = lint(GERMAN, { path: '/virtual/project/pre_processed_german_train' });
    assert.deepEqual(byCode(a.findings, 'phenotype-field-missing').map((f) => f.data.requirement), ['diagnosis']);
  });

  test('not for one or two columns of phrases, lines that split unevenly, or a file with commas or tabs', () => {
    assert.notEqual(guessDelimiter('note\nhello world again\nsee you soon\n'), ' ');
    assert.notEqual(guessDelimiter('patient name\nJohn Smith\nMary Jones\n'), ' ');
    assert.notEqual(guessDelimiter('a b c\nthe cat sat on it\nok then now\n'), ' ');
    assert.equal(guessDelimiter('id,first name,last name\n1,Ann Lee,Smith Jones\n2,Bo Li,Wu Chen\n'), ',');
    assert.equal(guessDelimiter('id\tfirst name\tage\n1\tAnn Lee\t30\n2\tBo Li\t41\n'), '\t');
  });
});
