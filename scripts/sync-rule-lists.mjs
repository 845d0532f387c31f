// Regenerates the two places that list every rule id: the policy schema's `rules` and the
// `cohortLint.rules` setting in package.json (both give completion and validation).
// Run after adding a rule: `npm run build && node scripts/sync-rule-lists.mjs`.
// test/unit/policySchema.test.ts fails while they are out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ALL_RULES } = require('../out/server/src/engine/rules/index.js');

function rewrite(file, update) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  update(json);
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
}

rewrite('schemas/cohortlint.schema.json', (schema) => {
  schema.properties.rules.properties = Object.fromEntries(ALL_RULES.map((r) => [r.id, { $ref: '#/definitions/severityOrOff', description: `${r.description} Default: ${r.defaultSeverity}.` }]));
});
rewrite('package.json', (manifest) => {
  const setting = manifest.contributes.configuration.properties['cohortLint.rules'];
  setting.properties = Object.fromEntries(ALL_RULES.map((r) => [r.id, {
    type: 'string', enum: ['off', 'hint', 'information', 'warning', 'error'],
    description: `${r.description} Default: ${r.defaultSeverity}.`,
  }]));
});
console.log(`${ALL_RULES.length} rules listed in schemas/cohortlint.schema.json and package.json`);
