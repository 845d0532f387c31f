// Every rule must be listed where settings and policies name rules, or `rules: {<id>: off}`
// is rejected as an unknown key and completion does not offer it. When this fails, run
// `npm run build && node scripts/sync-rule-lists.mjs`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import schema from '../../schemas/cohortlint.schema.json';
import { ALL_RULES } from '../../server/src/engine/rules';

const ids = ALL_RULES.map((r) => r.id).sort();

/** The repository root, from wherever the tests were transpiled to. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'docs', 'rules')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

test('every rule has its docs page', () => {
  const missing = ids.filter((id) => !existsSync(path.join(repoRoot(), 'docs', 'rules', `${id}.md`)));
  assert.deepEqual(missing, []);
});

test('schemas/cohortlint.schema.json lists exactly the registered rules under `rules`', () => {
  const inSchema = Object.keys((schema as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties).sort();
  assert.deepEqual(inSchema, ids);
});

test('package.json lists exactly the registered rules under the cohortLint.rules setting', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
  const inSetting = Object.keys(manifest.contributes.configuration.properties['cohortLint.rules'].properties).sort();
  assert.deepEqual(inSetting, ids);
});
