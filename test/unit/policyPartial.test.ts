// A policy with one mistake keeps the rest: each section of the policy, with one invalid
// key or entry beside valid ones. The invalid one is reported (config-invalid, at that
// key) and falls back to its default; every valid key still applies.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadPolicy } from '../../server/src/engine';
import { defaultPolicy } from '../../server/src/engine/policy/policy';
import { fullText } from './helpers';

const file = '/ws/cohortlint.yaml';
const load = (text: string) => loadPolicy(file, (x) => (x === file ? text : undefined));
const defaults = defaultPolicy();

/** The one finding, with its path and the line it sits on. */
function single(loaded: ReturnType<typeof load>): { path: unknown; line: number; message: string } {
  assert.equal(loaded.findings.length, 1, loaded.findings.map((f) => f.message).join(' | '));
  const [f] = loaded.findings;
  assert.equal(f.code, 'config-invalid');
  return { path: f.data?.path, line: f.range.start.line, message: fullText(f) };
}

describe('a policy with one invalid key keeps the rest', () => {
  test('ancestry: a bad minCount takes its default, the column and minRatio apply', () => {
    const loaded = load('ancestry:\n  column: race\n  minRatio: 0.5\n  minCount: -3\nintendedUse: commercial\n');
    assert.deepEqual(single(loaded), { path: 'ancestry.minCount', line: 3, message: single(loaded).message });
    assert.deepEqual(loaded.policy.ancestry, { ...defaults.ancestry, columns: ['race'], minRatio: 0.5 });
    assert.deepEqual(loaded.policy.intendedUse, ['commercial']);
  });

  test('rules: a misspelt rule id and a bad severity are ignored, the other rules apply', () => {
    const loaded = load('rules:\n  ancestry-group-smal: off\n  table-malformed: loud\n  consent-withdrawn: warning\n');
    assert.deepEqual(loaded.findings.map((f) => f.data?.path).sort(), ['rules.ancestry-group-smal', 'rules.table-malformed']);
    assert.match(fullText(loaded.findings.find((f) => f.data?.path === 'rules.ancestry-group-smal')!), /ignored; the rest of the policy applies/);
    assert.deepEqual(loaded.policy.rules, { 'consent-withdrawn': 'warning' });
  });

  test('acknowledged: an entry without a reason is left out, the complete one applies', () => {
    const loaded = load([
      'acknowledged:',
      '  - rule: ancestry-group-absent',
      '    column: super_pop',
      '    group: SAS',
      '  - rule: ancestry-underrepresented',
      '    column: super_pop',
      '    group: AMR',
      '    reason: recruited elsewhere',
      '',
    ].join('\n'));
    const f = single(loaded);
    assert.equal(f.path, 'acknowledged.0');
    assert.match(f.message, /entry is left out/);
    assert.deepEqual(loaded.policy.acknowledged, [{ rule: 'ancestry-underrepresented', column: 'super_pop', group: 'AMR', reason: 'recruited elsewhere' }]);
  });

  test('phenotype: maxMissing above 1 takes its default, required and maxDisparityRatio apply', () => {
    const loaded = load('phenotype:\n  required: [sex, age]\n  maxMissing: 20\n  maxDisparityRatio: 1.5\n');
    assert.equal(single(loaded).path, 'phenotype.maxMissing');
    assert.deepEqual(loaded.policy.phenotype, { ...defaults.phenotype, required: ['sex', 'age'], maxDisparityRatio: 1.5 });
  });

  test('phenotype: numericSentinels of the wrong type takes its default', () => {
    const loaded = load('phenotype:\n  numericSentinels: often\n  missingValue: NA\n');
    assert.equal(single(loaded).path, 'phenotype.numericSentinels');
    assert.equal(loaded.policy.phenotype.numericSentinels, false);
    assert.equal(loaded.policy.phenotype.missingValue, 'NA');
  });

  test('consent: a column given as a list is reported, statusColumn and allowed apply', () => {
    const loaded = load('consent:\n  column: [duo]\n  statusColumn: status\n  allowed: [GRU-local]\n');
    assert.equal(single(loaded).path, 'consent.column');
    assert.deepEqual(loaded.policy.consent, { ...defaults.consent, statusColumn: 'status', allowed: ['GRU-local'] });
    assert.equal(loaded.policy.consent.column, undefined);
  });

  test('intendedUse: a malformed disease is left out, the valid purpose stays', () => {
    const loaded = load('intendedUse:\n  - ancestry-research\n  - disease: MONDO:5148\nancestry:\n  minCount: 20\n');
    assert.ok(loaded.findings.length >= 1);
    assert.ok(loaded.findings.every((f) => String(f.data?.path).startsWith('intendedUse')));
    assert.deepEqual(loaded.policy.intendedUse, ['ancestry-research']);
    assert.equal(loaded.policy.ancestry.minCount, 20);
  });

  test('intendedUse: an unknown purpose takes the default (none), the rest applies', () => {
    const loaded = load('intendedUse: world-domination\nrules:\n  ancestry-group-small: off\n');
    assert.equal(single(loaded).path, 'intendedUse');
    assert.deepEqual(loaded.policy.intendedUse, []);
    assert.deepEqual(loaded.policy.rules, { 'ancestry-group-small': 'off' });
  });

  test('missingValues: a list entry that is not a string is left out', () => {
    const loaded = load('missingValues: ["", NA, {x: 1}]\n');
    assert.equal(single(loaded).path, 'missingValues.2');
    assert.deepEqual(loaded.policy.missingValues, ['', 'NA']);
  });

  test('schema: a schema path that is not a string is ignored, the other mapping applies', () => {
    const loaded = loadPolicy(file, (x) => (x === file ? 'schema:\n  a.csv: 3\n  b.csv: b.schema.json\n' : x === '/ws/b.schema.json' ? '{"fields": []}' : undefined), '/ws');
    assert.equal(loaded.findings.filter((f) => f.data?.path === 'schema.a.csv').length, 1, loaded.findings.map((f) => f.message).join(' | '));
    assert.deepEqual(loaded.policy.schemas, { 'b.csv': 'b.schema.json' });
  });

  test('an unknown top-level key is ignored and every section beside it applies', () => {
    const loaded = load('ancestory:\n  minRatio: 0.5\nancestry:\n  minRatio: 0.6\nprivacy: {}\n$schema: ./schemas/cohortlint.schema.json\n');
    const f = single(loaded);
    assert.equal(f.path, 'ancestory');
    assert.equal(f.line, 0);
    assert.equal(loaded.policy.ancestry.minRatio, 0.6);
  });

  test('a policy that is not a mapping at all leaves every default', () => {
    const loaded = load('- just\n- a list\n');
    assert.equal(loaded.findings.length, 1);
    assert.match(fullText(loaded.findings[0]), /Defaults apply/);
    assert.deepEqual(loaded.policy, defaults);
  });
});
