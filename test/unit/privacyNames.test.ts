// Names written in lower case, as exports that fold case write them (ProPublica's COMPAS
// files: "miguel hernandez" under `name`, `first`, `last`), are still people's names when
// the header says so and the values are mostly distinct; a `name` column of drug names,
// which repeat, is not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byCode, lint } from './helpers';

const GIVEN = ['miguel', 'kevon', 'ed', 'marsha', 'bo', 'ellyaher', 'marcu', 'joshua', 'elizabeth', 'steven', 'andrea', 'dwayne', 'leon', 'tanisha', 'carlos'];
const FAMILY = ['hernandez', 'dixon', 'philo', 'miles', 'bradley', 'strong', 'brown', 'smith', 'ortiz', 'james', 'ward', 'nguyen'];

function table(column: string, value: (i: number) => string): string {
  const rows = ['id,' + column + ',age'];
  for (let i = 0; i < 120; i++) rows.push(`${i + 1},${value(i)},${20 + (i % 50)}`);
  return rows.join('\n') + '\n';
}

describe('names in lower case', () => {
  test('a full-name column and given and family name columns in lower case are direct identifiers', () => {
    const full = lint(table('name', (i) => `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`));
    assert.deepEqual(byCode(full.findings, 'privacy-direct-identifier').map((f) => [f.data.column, f.data.category]), [['name', 'name']]);
    const parts = lint('id,first,last,age\n' + Array.from({ length: 120 }, (_, i) => `${i + 1},${GIVEN[i % GIVEN.length]}${i >= 15 ? String.fromCharCode(97 + (i % 26)) : ''},${FAMILY[i % FAMILY.length]}${String.fromCharCode(97 + Math.floor(i / 12))},${30 + (i % 40)}`).join('\n') + '\n');
    assert.deepEqual(byCode(parts.findings, 'privacy-direct-identifier').map((f) => f.data.column), ['first', 'last']);
  });

  test('a name column of lower-case drug names, which repeat, is not taken for people\'s names', () => {
    const drugs = ['metformin', 'insulin glargine', 'sitagliptin', 'glipizide'];
    const a = lint(table('name', (i) => drugs[i % drugs.length]));
    assert.deepEqual(byCode(a.findings, 'privacy-direct-identifier'), []);
  });
});
