// Per-race yes/no columns in a dataset read as one ancestry variable (needs the
// lintDataset wiring of ancestry/indicatorView.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byCode, lint } from './helpers';

describe('per-race yes/no columns in data', () => {
  const header = 'id,race_white,race_black,race_asian,race_other,race_other_specified';
  const rows: string[] = [];
  let id = 0;
  const add = (n: number, cells: string) => { for (let i = 0; i < n; i++) rows.push(`${++id},${cells}`); };
  add(60, 'Yes,No,No,No,');
  add(20, 'No,Yes,No,No,');
  add(5, 'No,No,Yes,No,');
  add(4, 'Yes,Yes,No,No,');
  add(3, 'No,No,No,No,');
  add(2, 'No,,No,No,');
  const a = lint([header, ...rows].join('\n') + '\n');

  test('one ancestry assessment over the derived variable: a row\'s group is the column marked yes', () => {
    assert.equal(a.ancestry.length, 1);
    const v = a.ancestry[0];
    assert.match(v.column, /^race \(race_white, race_black, race_asian, \.\.\.\)$/);
    assert.equal(v.vocabulary?.id, 'omb');
    assert.deepEqual(Object.fromEntries(v.groups.filter((g) => g.count > 0).map((g) => [g.group, g.count])), {
      White: 60, 'Black or African American': 20, Asian: 5, 'Two or more races': 4,
    });
    assert.equal(v.total, 89);
    assert.deepEqual(Object.fromEntries(v.missingByMarker), { 'none marked yes': 3, 'not answered': 2 });
  });

  test('no ancestry-column-missing; representation rules run on the derived groups', () => {
    assert.deepEqual(byCode(a.findings, 'ancestry-column-missing'), []);
    assert.ok(byCode(a.findings, 'ancestry-group-small').some((f) => f.data.group === 'Asian' && f.data.count === 5));
  });

  test('a single race column wins over indicator columns', () => {
    const b = lint('id,race,race_white,race_black\n1,White,Yes,No\n2,Asian,No,No\n');
    assert.deepEqual(b.ancestry.map((x) => x.column), ['race']);
  });
});
