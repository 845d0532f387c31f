// Completion and hover in the policy file, driven by its JSON Schema.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { policyCompletions, policyHoverAt } from '../../server/src/engine/policy/assist';

/** Completions at the `|` in the text. */
function at(text: string, path = '/ws/cohortlint.yaml'): string[] {
  const offset = text.indexOf('|');
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  return policyCompletions(path, text.replace('|', ''), position).map((c) => c.label).sort();
}

describe('policy completions (YAML)', () => {
  test('top-level keys on an empty line', () => {
    const labels = at('|');
    for (const key of ['ancestry', 'rules', 'acknowledged', 'phenotype', 'consent', 'intendedUse']) assert.ok(labels.includes(key), key);
  });

  test('keys of the ancestry section, without those already present', () => {
    assert.deepEqual(at('ancestry:\n  reference: global\n  mi|'), ['column', 'labels', 'maxMissing', 'minCount', 'minRatio']);
  });

  test('reference names as the value of ancestry.reference', () => {
    assert.deepEqual(at('ancestry:\n  reference: |'), ['1000g', 'global', 'gnomad-v4', 'ons-2021', 'us-census-2020']);
  });

  test('rule ids under rules, severities as their values', () => {
    const ids = at('rules:\n  |');
    assert.ok(ids.includes('ancestry-underrepresented') && ids.includes('table-malformed'));
    assert.deepEqual(at('rules:\n  ancestry-group-small: |'), ['error', 'hint', 'information', 'off', 'warning']);
  });

  test('inside an acknowledged item: the rule enum, then the remaining item keys', () => {
    assert.deepEqual(at('acknowledged:\n  - rule: |'), ['ancestry-group-absent', 'ancestry-underrepresented']);
    assert.deepEqual(at('acknowledged:\n  - rule: ancestry-group-absent\n    |'), ['column', 'group', 'reason']);
  });
});

describe('policy completions (JSON)', () => {
  test('keys and values from the JSON location', () => {
    assert.deepEqual(at('{ "ancestry": { "reference": | } }', '/ws/.cohortlint.json'), ['"1000g"', '"global"', '"gnomad-v4"', '"ons-2021"', '"us-census-2020"'].map((s) => s.replace(/"/g, '')));
    assert.ok(at('{ "|" }', '/ws/.cohortlint.json').includes('ancestry'));
  });
});

describe('policy hover', () => {
  test('a key shows its schema description and default', () => {
    const text = 'ancestry:\n  minRatio: 0.7\n';
    const hover = policyHoverAt('/ws/cohortlint.yaml', text, { line: 1, character: 4 });
    assert.match(hover ?? '', /ancestry\.minRatio/);
    assert.match(hover ?? '', /Default: `0\.8`/);
  });

  test('a rule id shows the rule and its docs link', () => {
    const hover = policyHoverAt('/ws/cohortlint.yaml', 'rules:\n  table-malformed: off\n', { line: 1, character: 5 });
    assert.match(hover ?? '', /\*\*table-malformed\*\* \(default error\)/);
    assert.match(hover ?? '', /table-malformed\.md/);
  });

  test('a reference name shows its source', () => {
    const hover = policyHoverAt('/ws/cohortlint.yaml', 'ancestry:\n  reference: global\n', { line: 1, character: 16 });
    assert.match(hover ?? '', /UN World Population Prospects 2019/);
  });
});
