// The policy's JSON Schema must know every rule, or `rules: {<id>: off}` is rejected as an
// unknown key (and completion would not offer it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import schema from '../../schemas/cohortlint.schema.json';
import { ALL_RULES } from '../../server/src/engine/rules';

test('schemas/cohortlint.schema.json lists exactly the registered rules under `rules`', () => {
  const inSchema = Object.keys((schema as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties).sort();
  assert.deepEqual(inSchema, ALL_RULES.map((r) => r.id).sort());
});
