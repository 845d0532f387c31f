// Column roles are computed once per analysis and cached: by table and by policy, so the
// same table under another policy (phenotype.columns) gets that policy's roles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolesOf } from '../../server/src/engine/rules/phenotype/roles';
import { lint, policyFrom } from './helpers';

test('the same table under two policies has each policy\'s phenotype columns', () => {
  const a = lint('id,race,bmi,smoking\n1,White,24,never\n2,Asian,,\n');
  const all = rolesOf({ table: a.table, policy: a.policy, ancestry: a.ancestry, profile: a.profile });
  const only = policyFrom('phenotype:\n  columns: [bmi]\n').policy;
  const listed = rolesOf({ table: a.table, policy: only, ancestry: a.ancestry, profile: a.profile });
  const names = (indices: number[]) => indices.map((i) => a.table.header[i]);
  assert.deepEqual(names(all.missingness), ['bmi', 'smoking']);
  assert.deepEqual(names(listed.missingness), ['bmi']);
  assert.equal(rolesOf({ table: a.table, policy: a.policy, ancestry: a.ancestry, profile: a.profile }), all, 'cached for the first policy');
});
