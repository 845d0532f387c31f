// Profiling: missing markers by marker, ancestry-only markers, group tallies and
// per-group missing counts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from './helpers';
import { missingInGroup } from '../../server/src/engine/profile/profile';

const TEXT = [
  'id,race,score,comment',
  '1,White,0,Declined',
  '2,?,?,ok',
  '3,NA,NA,ok',
  '4,,,ok',
  '5,PMI_Skip,PMI_Skip,ok',
  '6,0,5,ok',
  '7,Declined,7,ok',
  '8,Asian,,ok',
  '9,White,3,',
  '10,Asian,4,n/a',
].join('\n') + '\n';

describe('profile', () => {
  const a = lint(TEXT);
  const { profile } = a;
  const col = (name: string) => profile.columns.find((c) => c.name === name)!;

  test('row count and ancestry column', () => {
    assert.equal(profile.rowCount, 10);
    assert.deepEqual([...profile.groups.keys()], [1]);
  });

  test('missing markers are counted per marker in an ancestry column, including 0 and Declined', () => {
    const race = col('race');
    assert.equal(race.missing, 6);
    assert.deepEqual(Object.fromEntries(race.missingByMarker), { '?': 1, NA: 1, '(empty)': 1, PMI_Skip: 1, '0': 1, Declined: 1 });
    assert.deepEqual(Object.fromEntries(race.values), { White: 2, Asian: 2 });
  });

  test('in other columns 0 and Declined are data, not missing', () => {
    const score = col('score');
    assert.equal(score.missing, 5);
    assert.deepEqual(Object.fromEntries(score.missingByMarker), { '?': 1, NA: 1, '(empty)': 2, PMI_Skip: 1 });
    assert.equal(score.values.get('0'), 1);
    const comment = col('comment');
    assert.equal(comment.values.get('Declined'), 1);
    assert.deepEqual(Object.fromEntries(comment.missingByMarker), { '(empty)': 1, 'n/a': 1 });
  });

  test('group tallies: rows per raw ancestry value and missing cells per column within each group', () => {
    const groups = profile.groups.get(1)!;
    assert.deepEqual([...groups.keys()].sort(), ['Asian', 'White']);
    // White: rows 1 and 9; row 9 has an empty comment.
    assert.equal(groups.get('White')!.rows, 2);
    assert.deepEqual([0, 1, 2, 3].map((i) => missingInGroup(groups.get('White')!, i)), [0, 0, 0, 1]);
    // Asian: rows 8 and 10; row 8 has an empty score, row 10 an n/a comment.
    assert.equal(groups.get('Asian')!.rows, 2);
    assert.deepEqual([0, 1, 2, 3].map((i) => missingInGroup(groups.get('Asian')!, i)), [0, 0, 1, 1]);
  });

  test('missing ancestry values are tallied by marker and never become groups', () => {
    assert.deepEqual(Object.fromEntries(profile.groupMissing.get(1)!), { '?': 1, NA: 1, '(empty)': 1, PMI_Skip: 1, '0': 1, Declined: 1 });
    const assessment = a.ancestry[0];
    assert.equal(assessment.total, 4);
    assert.equal(assessment.missing, 6);
    assert.ok(!assessment.groups.some((g) => ['?', 'NA', '0', 'Declined', 'PMI_Skip', ''].includes(g.group)));
  });

  test('short rows count their absent cells as empty', () => {
    const p = lint('id,race,age\n1,White\n2,White,40\n').profile;
    assert.equal(p.columns[2].missingByMarker.get('(empty)'), 1);
  });

  test('markers match case- and whitespace-insensitively', () => {
    const p = lint('id,race,x\n1,unknown, null \n2,White,N/A\n').profile;
    assert.equal(p.columns[1].missing, 1);
    assert.equal(p.columns[2].missing, 2);
  });
});
