// Quick fixes: label normalisation edits and "acknowledge in policy file".
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, lintDataset, loadPolicy, type DatasetAnalysis, type Finding, type LoadedPolicy } from '../../server/src/engine';
import { REASON_PLACEHOLDER } from '../../server/src/engine/fixes/acknowledge';
import { applyEdits, byCode, groupsCsv, lint, noPolicy, tempDir } from './helpers';

const readIfExists = (p: string): string | undefined => {
  try { return readFileSync(p, 'utf8'); } catch { return undefined; }
};

function nonstandardFinding(a: DatasetAnalysis, value: string): Finding {
  const f = byCode(a.findings, 'ancestry-label-nonstandard').find((x) => x.data.value === value);
  assert.ok(f, `no nonstandard finding for ${value}`);
  return f;
}

describe('normalise label fix', () => {
  const text = [
    'note,race,other',
    '"Smith, J",Caucasian,Caucasian',
    'plain,"Caucasian",x',
    'b,White,Caucasian',
    'c,AfricanAmerican,y',
    '"say ""hi""",Caucasian,z',
  ].join('\n') + '\n';
  const a = lint(text);
  const fixes = fixesFor(a, nonstandardFinding(a, 'Caucasian'), noPolicy(), () => undefined);

  test('one preferred fix editing every occurrence in that column only', () => {
    assert.equal(fixes.length, 1);
    const fix = fixes[0];
    assert.equal(fix.isPreferred, true);
    assert.match(fix.title, /"Caucasian" with "White" in column "race" \(3 cells\)/);
    assert.equal(fix.changes.length, 1);
    assert.equal(fix.changes[0].path, a.path);
    const edits = fix.changes[0].edits;
    assert.deepEqual(edits.map((e) => [e.range.start.line, text.split('\n')[e.range.start.line].slice(e.range.start.character, e.range.end.character)]), [
      [1, 'Caucasian'],
      [2, '"Caucasian"'],
      [5, 'Caucasian'],
    ]);
    assert.ok(edits.every((e) => e.newText === 'White'));
  });

  test('applied, the text re-lints without that finding and the other column is untouched', () => {
    const fixed = applyEdits(text, fixes[0].changes[0].edits);
    assert.equal(fixed, [
      'note,race,other',
      '"Smith, J",White,Caucasian',
      'plain,White,x',
      'b,White,Caucasian',
      'c,AfricanAmerican,y',
      '"say ""hi""",White,z',
    ].join('\n') + '\n');
    const again = lint(fixed);
    assert.deepEqual(byCode(again.findings, 'ancestry-label-nonstandard').map((f) => f.data.value), ['AfricanAmerican']);
    assert.equal(again.ancestry[0].groups.find((g) => g.group === 'White')!.count, 4);
  });

  test('CRLF and tab-separated text', () => {
    const tsv = 'id\trace\r\n1\tCaucasian\r\n2\tWhite\r\n3\tAfrican American\r\n';
    const b = lint(tsv, { path: '/virtual/project/data.tsv' });
    const [fix] = fixesFor(b, nonstandardFinding(b, 'African American'), noPolicy(), () => undefined);
    const fixed = applyEdits(tsv, fix.changes[0].edits);
    assert.equal(fixed, 'id\trace\r\n1\tCaucasian\r\n2\tWhite\r\n3\tBlack or African American\r\n');
  });

  test('no fix when the finding names a value that is not in the column', () => {
    const f = nonstandardFinding(a, 'Caucasian');
    assert.deepEqual(fixesFor(a, { ...f, data: { ...f.data, value: 'Kaukasian' } }, noPolicy(), () => undefined), []);
  });
});

describe('acknowledge fix', () => {
  const dataText = groupsCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, SAS: 60, AMR: 60 });

  function setup(t: { after(fn: () => void): void }, policyName?: string, policyText?: string) {
    const dir = tempDir(t);
    const dataPath = path.join(dir, 'data.csv');
    writeFileSync(dataPath, dataText);
    const policyPath = policyName ? path.join(dir, policyName) : undefined;
    if (policyPath) writeFileSync(policyPath, policyText!);
    const loaded = loadPolicy(policyPath, readIfExists);
    assert.deepEqual(loaded.findings, []);
    const analysis = lintDataset(dataPath, dataText, 'csv', loaded);
    return { dir, dataPath, policyPath, loaded, analysis };
  }

  function ackFix(analysis: DatasetAnalysis, loaded: LoadedPolicy, group: string, dir: string) {
    const finding = byCode(analysis.findings, 'ancestry-underrepresented').find((f) => f.data.group === group);
    assert.ok(finding, `no ancestry-underrepresented finding for ${group}`);
    const fixes = fixesFor(analysis, finding, loaded, readIfExists, dir);
    assert.equal(fixes.length, 1);
    return fixes[0];
  }

  function relintEAS(dataPath: string, policyPath: string): Finding {
    const loaded = loadPolicy(policyPath, readIfExists);
    assert.deepEqual(loaded.findings, [], 'policy valid after the fix');
    const a = lintDataset(dataPath, dataText, 'csv', loaded);
    return byCode(a.findings, 'ancestry-underrepresented').find((f) => f.data.group === 'EAS')!;
  }

  test('creates cohortlint.yaml when there is no policy, and the finding becomes a hint', (t) => {
    const { dir, dataPath, loaded, analysis } = setup(t);
    const fix = ackFix(analysis, loaded, 'EAS', dir);
    assert.equal(fix.changes.length, 1);
    const change = fix.changes[0];
    assert.equal(change.path, path.join(dir, 'cohortlint.yaml'));
    assert.equal(change.create, true);
    writeFileSync(change.path, applyEdits('', change.edits));
    const policy = loadPolicy(change.path, readIfExists).policy;
    assert.deepEqual(policy.acknowledged, [{ rule: 'ancestry-underrepresented', column: 'super_pop', group: 'EAS', reason: REASON_PLACEHOLDER }]);
    const eas = relintEAS(dataPath, change.path);
    assert.equal(eas.severity, 'hint');
    assert.ok(eas.message.includes(`Acknowledged in cohortlint.yaml: "${REASON_PLACEHOLDER}"`));
  });

  const COMMENTED = [
    '# Project policy for the cohort',
    'ancestry:',
    '  minRatio: 0.8 # the default, kept explicit',
    '',
    'acknowledged:',
    '    # reviewed by the data steward, 2024-05',
    '    - rule: ancestry-underrepresented',
    '      column: super_pop',
    '      group: SAS',
    '      reason: "South Asian recruitment starts in 2025"   # tracked in JIRA-12',
    '',
    '# severities',
    'rules:',
    '  ancestry-group-small: off',
    '',
  ].join('\n');

  test('appends to an existing YAML list, keeping comments and indentation', (t) => {
    const { dir, dataPath, policyPath, loaded, analysis } = setup(t, 'cohortlint.yaml', COMMENTED);
    const fix = ackFix(analysis, loaded, 'EAS', dir);
    assert.equal(fix.changes[0].path, policyPath);
    assert.ok(!fix.changes[0].create);
    const after = applyEdits(COMMENTED, fix.changes[0].edits);
    writeFileSync(policyPath!, after);
    const lines = after.split('\n');
    // Every original line survives, in order.
    let i = 0;
    for (const line of lines) if (line === COMMENTED.split('\n')[i]) i++;
    assert.equal(i, COMMENTED.split('\n').length, `original lines lost:\n${after}`);
    // The new item is indented like the existing one.
    const at = lines.indexOf('    - rule: ancestry-underrepresented', lines.indexOf('      group: SAS'));
    assert.ok(at > 0, `new item not at the list's indentation:\n${after}`);
    assert.match(lines[at + 1], /^ {6}column: "?super_pop"?$/);
    assert.match(lines[at + 2], /^ {6}group: "?EAS"?$/);
    const policy = loadPolicy(policyPath, readIfExists).policy;
    assert.deepEqual(policy.acknowledged.map((x) => x.group), ['SAS', 'EAS']);
    assert.equal(policy.rules['ancestry-group-small'], 'off');
    assert.equal(relintEAS(dataPath, policyPath!).severity, 'hint');
  });

  test('adds an acknowledged list to a YAML policy without one (no trailing newline)', (t) => {
    const text = '# mine\nancestry:\n  minCount: 20';
    const { dir, dataPath, policyPath, loaded, analysis } = setup(t, 'cohortlint.yaml', text);
    const fix = ackFix(analysis, loaded, 'EAS', dir);
    const after = applyEdits(text, fix.changes[0].edits);
    assert.ok(after.startsWith(text + '\n'));
    writeFileSync(policyPath!, after);
    assert.equal(loadPolicy(policyPath, readIfExists).policy.ancestry.minCount, 20);
    assert.equal(relintEAS(dataPath, policyPath!).severity, 'hint');
  });

  test('appends to .cohortlint.json', (t) => {
    const text = '{\n  "ancestry": { "minRatio": 0.8 },\n  "acknowledged": [\n    { "rule": "ancestry-underrepresented", "column": "super_pop", "group": "SAS", "reason": "later" }\n  ]\n}\n';
    const { dir, dataPath, policyPath, loaded, analysis } = setup(t, '.cohortlint.json', text);
    const fix = ackFix(analysis, loaded, 'EAS', dir);
    assert.equal(fix.changes[0].path, policyPath);
    const after = applyEdits(text, fix.changes[0].edits);
    writeFileSync(policyPath!, after);
    const parsed = JSON.parse(after);
    assert.deepEqual(parsed.acknowledged.map((x: any) => x.group), ['SAS', 'EAS']);
    assert.equal(relintEAS(dataPath, policyPath!).severity, 'hint');
  });

  test('adds the list to a .cohortlint.json without one', (t) => {
    const text = '{ "ancestry": { "minCount": 20 } }\n';
    const { dir, dataPath, policyPath, loaded, analysis } = setup(t, '.cohortlint.json', text);
    const after = applyEdits(text, ackFix(analysis, loaded, 'EAS', dir).changes[0].edits);
    writeFileSync(policyPath!, after);
    assert.equal(JSON.parse(after).ancestry.minCount, 20);
    assert.equal(relintEAS(dataPath, policyPath!).severity, 'hint');
  });

  test('an empty flow list keeps its trailing comment', (t) => {
    const text = '# top\nacknowledged: [] # none yet\n# keep me\nrules: {}\n';
    const { dir, policyPath, loaded, analysis } = setup(t, 'cohortlint.yaml', text);
    const after = applyEdits(text, ackFix(analysis, loaded, 'EAS', dir).changes[0].edits);
    assert.equal(loadPolicy(policyPath, () => after).policy.acknowledged.length, 1);
    for (const kept of ['# top', '# none yet', '# keep me']) assert.ok(after.includes(kept), `lost ${kept}:\n${after}`);
  });

  test('a CRLF policy keeps CRLF line endings', (t) => {
    const text = 'acknowledged:\r\n  - rule: ancestry-underrepresented\r\n    column: super_pop\r\n    group: SAS\r\n    reason: x\r\nrules: {}\r\n';
    const { dir, policyPath, loaded, analysis } = setup(t, 'cohortlint.yaml', text);
    const after = applyEdits(text, ackFix(analysis, loaded, 'EAS', dir).changes[0].edits);
    assert.equal(loadPolicy(policyPath, () => after).policy.acknowledged.length, 2);
    assert.ok(!/[^\r]\n/.test(after), `bare LF in:\n${JSON.stringify(after)}`);
  });

  test('offered for absent groups, not for acknowledged findings or other rules', () => {
    const a = lint(groupsCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, AMR: 60 }));
    const absent = byCode(a.findings, 'ancestry-group-absent')[0];
    const [fix] = fixesFor(a, absent, noPolicy(), () => undefined, '/virtual/project');
    assert.match(fix.changes[0].edits[0].newText, /rule: ancestry-group-absent\n\s+column: "super_pop"\n\s+group: "SAS"/);
    assert.deepEqual(fixesFor(a, { ...absent, data: { ...absent.data, acknowledged: 'x' } }, noPolicy(), () => undefined), []);
    const small = byCode(a.findings, 'ancestry-group-small');
    for (const f of small) assert.deepEqual(fixesFor(a, f, noPolicy(), () => undefined), []);
  });
});
