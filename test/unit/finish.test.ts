// The finishing step every document kind shares (engine/finish.ts): severity from the
// settings, then the policy, then the rule; acknowledgements; maxProblems keeping the most
// severe; sorted by position.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintDocument, type Finding, type LintOptions } from '../../server/src/engine';
import { finishDocument } from '../../server/src/engine/finish';
import { groupsCsv, noPolicy, policyFrom } from './helpers';

const SCHEMA = `{
  "fields": [
    {"name": "race", "type": "string"},
    {"name": "participant_id", "type": "string"},
    {"name": "age", "type": "strange"},
    {"name": "sex", "type": "string", "constraints": {"minLength": "x"}}
  ]
}
`;
const INVALID_POLICY = 'ancestry:\n  minRatio: lots\nbogus: 1\n';

const shape = (findings: Finding[]) => findings.map((f) => [f.range.start.line, f.severity, f.code]);

function lintSchema(options: LintOptions = {}): Finding[] {
  return lintDocument('/ws/cohort.schema.json', SCHEMA, 'json', { policy: noPolicy(), read: () => undefined, options })!.findings;
}

function lintPolicy(text: string, options: LintOptions = {}): Finding[] {
  return lintDocument('/ws/cohortlint.yaml', text, 'yaml', { policy: noPolicy(), read: () => undefined, options })!.findings;
}

describe('maxProblems keeps the most severe findings of every kind of document', () => {
  test('a Table Schema: the two errors, not the first two findings (which are warnings)', () => {
    const all = lintSchema();
    assert.deepEqual(shape(all).slice(0, 2), [[1, 'warning', 'phenotype-field-missing'], [1, 'warning', 'consent-field-missing']]);
    assert.deepEqual(shape(lintSchema({ maxProblems: 2 })), [[4, 'error', 'schema-invalid'], [5, 'error', 'schema-invalid']]);
    assert.deepEqual(shape(lintSchema({ maxProblems: 3 })).map((s) => s[1]), ['warning', 'error', 'error'], 'then the next most severe, sorted by position');
  });

  test('a dataset: errors before warnings before information', () => {
    const csv = 'race,x\nWhite,1\nWhite,1,extra\n' + groupsCsv('race', { White: 50, Asian: 2 }).split('\n').slice(1).map((l) => `${l},1`).join('\n');
    const analysis = lintDocument('/ws/d.csv', csv, 'csv', { policy: noPolicy(), read: () => undefined, options: { maxProblems: 1 } })!;
    assert.deepEqual(analysis.findings.map((f) => [f.severity, f.code]), [['error', 'table-malformed']]);
  });

  test('a policy file: the error on line 4, not the warning on line 2 before it', () => {
    const text = 'schema:\n  data.csv: https://example.org/data.schema.json\nancestry:\n  minRatio: lots\n';
    assert.deepEqual(lintPolicy(text).map((f) => [f.range.start.line, f.severity]), [[1, 'warning'], [3, 'error']]);
    assert.deepEqual(lintPolicy(text, { maxProblems: 1 }).map((f) => [f.range.start.line, f.severity]), [[3, 'error']]);
  });

  test('among equally severe findings, the order the rules are listed decides; the result is sorted by position', () => {
    const at = (line: number, severity: Finding['severity'], code: string): Finding => ({ code, messageId: 'm', severity, message: code, data: {}, range: { start: { line, character: 0 }, end: { line, character: 1 } } });
    const made = [at(9, 'warning', 'first-rule'), at(1, 'warning', 'second-rule'), at(5, 'error', 'third-rule'), at(0, 'hint', 'fourth-rule')];
    assert.deepEqual(finishDocument(made, 2).map((f) => f.code), ['third-rule', 'first-rule']);
    assert.deepEqual(finishDocument(made).map((f) => f.code), ['fourth-rule', 'second-rule', 'third-rule', 'first-rule']);
    assert.deepEqual(finishDocument(made, 0).length, 4, '0 means no cap');
  });
});

describe('config-invalid answers to the settings and to the policy\'s own rules', () => {
  test('by default each problem is an error', () => {
    assert.deepEqual(lintPolicy(INVALID_POLICY).map((f) => [f.severity, f.messageId]), [['error', 'key'], ['error', 'key']]);
  });

  test('cohortLint.rules turns it off, or changes its severity', () => {
    assert.deepEqual(lintPolicy(INVALID_POLICY, { ruleSeverity: { 'config-invalid': 'off' } }), []);
    assert.deepEqual(lintPolicy(INVALID_POLICY, { ruleSeverity: { 'config-invalid': 'hint' } }).map((f) => f.severity), ['hint', 'hint']);
  });

  test('the policy file\'s own `rules` applies to its findings; the settings win over it', () => {
    const text = `${INVALID_POLICY}rules:\n  config-invalid: information\n`;
    assert.deepEqual(lintPolicy(text).map((f) => f.severity), ['information', 'information']);
    assert.deepEqual(lintPolicy(text, { ruleSeverity: { 'config-invalid': 'error' } }).map((f) => f.severity), ['error', 'error']);
  });

  test('a remote schema path stays a warning by default, and follows the settings', () => {
    const text = 'schema:\n  data.csv: https://example.org/data.schema.json\n';
    assert.deepEqual(lintPolicy(text).map((f) => [f.severity, f.messageId]), [['warning', 'schema-path']]);
    assert.deepEqual(lintPolicy(text, { ruleSeverity: { 'config-invalid': 'error' } }).map((f) => f.severity), ['error']);
  });
});

describe('acknowledgements are part of the same step', () => {
  test('an acknowledged under-represented group becomes a hint quoting the reason, and survives the cap below warnings', () => {
    const policy = policyFrom('ancestry:\n  minCount: 1\nacknowledged:\n  - rule: ancestry-underrepresented\n    column: race\n    group: SAS\n    reason: recruited in Europe\n');
    const csv = groupsCsv('race', { EUR: 600, AFR: 150, AMR: 120, EAS: 110, SAS: 5 });
    const analysis = lintDocument('/virtual/project/d.csv', csv, 'csv', { policy, read: () => undefined })!;
    const sas = analysis.findings.find((f) => f.code === 'ancestry-underrepresented' && f.data.group === 'SAS')!;
    assert.equal(sas.severity, 'hint');
    assert.equal(sas.data.acknowledged, 'recruited in Europe');
    assert.match(sas.message, /Acknowledged in cohortlint\.yaml: "recruited in Europe"$/);
    const capped = lintDocument('/virtual/project/d.csv', csv, 'csv', { policy, read: () => undefined, options: { maxProblems: analysis.findings.length - 1 } })!;
    assert.equal(capped.findings.length, analysis.findings.length - 1);
    assert.ok(!capped.findings.some((f) => f.data.acknowledged), 'the hint is the one dropped');
  });
});
