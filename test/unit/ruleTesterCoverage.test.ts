// Every rule has its tester file (test/unit/rules/<rule-id>.test.ts), every tester file
// names a rule, and the tester itself fails on a wrong expectation, so a green tester
// file means something.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ALL_RULES } from '../../server/src/engine';
import { repoRoot } from './helpers';
import { assertInvalid, assertValid, lines } from './rules/harness';

const testerDir = path.join(repoRoot, 'test', 'unit', 'rules');
const testerIds = readdirSync(testerDir).filter((n) => n.endsWith('.test.ts')).map((n) => n.slice(0, -'.test.ts'.length));

describe('rule tester files', () => {
  test('every rule id in the registry has test/unit/rules/<id>.test.ts', () => {
    assert.deepEqual(ALL_RULES.map((r) => r.id).filter((id) => !testerIds.includes(id)), []);
  });

  test('every tester file is named for a registered rule', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    assert.deepEqual(testerIds.filter((id) => !ids.has(id)), []);
  });
});

describe('the tester fails on a wrong expectation', () => {
  const ragged = { name: 'ragged', text: lines('id,race', '1,White', '2,Asian,extra') };
  const finding = { messageId: 'field-count', range: [2, 0, 2, 13] as [number, number, number, number], data: { kind: 'field-count', expected: 2, actual: 3 } };

  test('the right expectation passes', () => assertInvalid('table-malformed', { ...ragged, findings: [finding] }));
  test('a document with a finding is not valid', () => assert.throws(() => assertValid('table-malformed', ragged), /no finding/));
  test('a finding too many or too few', () => {
    assert.throws(() => assertInvalid('table-malformed', { ...ragged, findings: [] }), /findings/);
    assert.throws(() => assertInvalid('table-malformed', { ...ragged, findings: [finding, finding] }), /findings/);
  });
  test('a wrong range, data value, severity or message id', () => {
    assert.throws(() => assertInvalid('table-malformed', { ...ragged, findings: [{ ...finding, range: [2, 0, 2, 12] }] }), /range/);
    assert.throws(() => assertInvalid('table-malformed', { ...ragged, findings: [{ ...finding, data: { actual: 4 } }] }), /data\.actual/);
    assert.throws(() => assertInvalid('table-malformed', { ...ragged, findings: [{ ...finding, severity: 'warning' }] }), /severity/);
    assert.throws(() => assertInvalid('table-malformed', { ...ragged, findings: [{ ...finding, messageId: 'noSuchMessage' }] }), /messageId/);
  });
  test('a wrong fix count, title, output or side file', () => {
    const text = lines('id,race', '1,Caucasian');
    const range: [number, number, number, number] = [0, 3, 0, 7];
    const messageId = 'synonym';
    const output = lines('id,race', '1,White');
    assertInvalid('ancestry-label-nonstandard', { name: 'ok', text, findings: [{ messageId, range, fixes: [{ title: /White/, output }] }] });
    assert.throws(() => assertInvalid('ancestry-label-nonstandard', { name: 'none', text, findings: [{ messageId, range, fixes: [] }] }), /fixes offered/);
    assert.throws(() => assertInvalid('ancestry-label-nonstandard', { name: 'title', text, findings: [{ messageId, range, fixes: [{ title: /Black/, output }] }] }), /title/);
    assert.throws(() => assertInvalid('ancestry-label-nonstandard', { name: 'output', text, findings: [{ messageId, range, fixes: [{ output: text }] }] }), /the document after the fix/);
    assert.throws(() => assertInvalid('ancestry-label-nonstandard', { name: 'side', text, findings: [{ messageId, range, fixes: [{ output, files: { 'cohortlint.yaml': '' } }] }] }), /side files/);
  });
  test('a case whose policy is invalid is refused, so it cannot silently test the defaults', () => {
    assert.throws(() => assertValid('table-malformed', { name: 'typo', text: lines('id', '1'), policy: lines('ancestry:', '  minRatoi: 0.5') }), /policy is valid/);
  });
});
