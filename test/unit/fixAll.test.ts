// Fix All: only fixes their providers mark safe for unattended use (label and
// missing-marker normalisation), combined into one edit set that applies cleanly; never
// the quarantine, a new column or a policy edit. And "Turn off <rule>" in the policy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixAllFor, fixesFor, turnOffRuleFix } from '../../server/src/engine';
import { MERGE_ABOVE } from '../../server/src/engine/fixes/mergeEdits';
import { applyEdits, lint, noPolicy, policyFrom } from './helpers';

const codes = (text: string) => lint(text).findings.map((f) => f.code);

/** Rows of one cohort: two nonstandard race labels, two missing markers in bmi, consent gaps. */
function cohort(rows: number): string {
  const lines = ['id,race,sex,age,bmi,diagnosis,consent'];
  for (let i = 0; i < rows; i++) {
    const race = ['Caucasian', 'AfricanAmerican', 'Asian', 'White'][i % 4];
    const bmi = i % 7 === 0 ? 'NA' : i % 11 === 0 ? '?' : String(20 + (i % 10));
    const consent = i % 13 === 0 ? '' : 'GRU';
    lines.push(`p${i},${race},${i % 2 ? 'F' : 'M'},${30 + (i % 40)},${bmi},E11,${consent}`);
  }
  return lines.join('\n') + '\n';
}

describe('fixAllFor', () => {
  test('applies every label and marker fix at once, and nothing that moves or adds data', () => {
    const text = cohort(200);
    const before = codes(text);
    for (const code of ['ancestry-label-nonstandard', 'missing-marker-mixed', 'consent-value-missing']) assert.ok(before.includes(code), `fixture lacks ${code}: ${before.join(', ')}`);
    const analysis = lint(text);
    const result = fixAllFor(analysis, noPolicy(), () => undefined);
    assert.ok(result);
    assert.equal(result.fix.safeForFixAll, true);
    assert.deepEqual(result.fix.changes.map((c) => [c.path, c.create]), [[analysis.path, undefined]]);
    // The two label fixes (Caucasian, AfricanAmerican) share a column and the marker fix is
    // another: three fixes, whose per-cell edits do not overlap.
    assert.equal(result.fixes, 3);
    const after = applyEdits(text, result.fix.changes[0].edits);
    assert.equal(after.split('\n').length, text.split('\n').length, 'no row added or removed');
    assert.ok(!/Caucasian|AfricanAmerican/.test(after));
    assert.ok(!/,NA,|,\?,/.test(after));
    const left = codes(after);
    assert.ok(!left.includes('ancestry-label-nonstandard') && !left.includes('missing-marker-mixed'), left.join(', '));
    // Consent rows stay where they are: moving them is a decision, not a spelling.
    assert.ok(left.includes('consent-value-missing'));
  });

  test('many cells become one merged edit with the same result as one edit per cell', () => {
    const text = cohort(MERGE_ABOVE * 5);
    const analysis = lint(text);
    const result = fixAllFor(analysis, noPolicy(), () => undefined)!;
    assert.equal(result.fix.changes[0].edits.length, 1);
    const perCell = fixesFor(analysis, analysis.findings.find((f) => f.code === 'ancestry-label-nonstandard')!, noPolicy(), () => undefined, undefined, { mergeEdits: false });
    assert.ok(perCell[0].changes[0].edits.length > MERGE_ABOVE, 'unmerged when asked');
    const after = applyEdits(text, result.fix.changes[0].edits);
    assert.ok(!/Caucasian|AfricanAmerican/.test(after));
    assert.equal(after.split('\n').length, text.split('\n').length);
  });

  test('nothing safe to fix: no fix', () => {
    assert.equal(fixAllFor(lint('id,race,consent\n1,White,\n2,Asian,GRU\n'), noPolicy(), () => undefined), undefined);
  });

  test('every safe fix is also offered as a quick fix, and no quarantine is marked safe', () => {
    const analysis = lint(cohort(60));
    for (const finding of analysis.findings) {
      for (const fix of fixesFor(analysis, finding, noPolicy(), () => undefined)) {
        if (fix.safeForFixAll) assert.ok(['ancestry-label-nonstandard', 'missing-marker-mixed'].includes(finding.code), `${finding.code}: ${fix.title}`);
        if (/quarantine|Acknowledge|Add /i.test(fix.title)) assert.notEqual(fix.safeForFixAll, true, fix.title);
      }
    }
  });
});

describe('turnOffRuleFix', () => {
  const policyPath = '/virtual/project/cohortlint.yaml';

  test('sets rules.<id>: off in an existing policy, keeping its comments', () => {
    const text = '# our thresholds\nancestry:\n  minRatio: 0.7 # agreed with the PI\n';
    const fix = turnOffRuleFix('ancestry-group-small', policyFrom(text, policyPath), (p) => (p === policyPath ? text : undefined), '/virtual/project')!;
    assert.equal(fix.title, 'Turn off ancestry-group-small in cohortlint.yaml');
    const after = applyEdits(text, fix.changes[0].edits);
    assert.ok(after.startsWith('# our thresholds\nancestry:\n  minRatio: 0.7 # agreed with the PI\n'), after);
    assert.deepEqual(policyFrom(after, policyPath).policy.rules, { 'ancestry-group-small': 'off' });
    assert.deepEqual(policyFrom(after, policyPath).findings, []);
  });

  test('changes an existing severity, in JSON too', () => {
    const jsonPath = '/virtual/project/.cohortlint.json';
    const text = '{\n  "rules": { "consent-withdrawn": "warning", "table-malformed": "error" }\n}\n';
    const fix = turnOffRuleFix('table-malformed', policyFrom(text, jsonPath), () => text, '/virtual/project')!;
    const after = applyEdits(text, fix.changes[0].edits);
    assert.deepEqual(JSON.parse(after).rules, { 'consent-withdrawn': 'warning', 'table-malformed': 'off' });
  });

  test('already off, or a policy that does not parse: nothing offered', () => {
    const off = 'rules:\n  table-malformed: off\n';
    assert.equal(turnOffRuleFix('table-malformed', policyFrom(off, policyPath), () => off, '/virtual/project'), undefined);
    const broken = 'rules:\n  a: [\n';
    assert.equal(turnOffRuleFix('table-malformed', { ...noPolicy(), path: policyPath }, () => broken, '/virtual/project'), undefined);
  });

  test('no policy file: creates a commented cohortlint.yaml in the given folder', () => {
    const fix = turnOffRuleFix('phenotype-field-missing', noPolicy(), () => undefined, '/virtual/ws')!;
    const [change] = fix.changes;
    assert.equal(change.path, '/virtual/ws/cohortlint.yaml');
    assert.equal(change.create, true);
    const created = applyEdits('', change.edits);
    assert.match(created, /^# Cohort Lint policy/);
    assert.deepEqual(policyFrom(created, '/virtual/ws/cohortlint.yaml').policy.rules, { 'phenotype-field-missing': 'off' });
  });
});
