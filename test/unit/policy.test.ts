// Policy files: where they are found, what valid ones yield, and positioned
// config-invalid findings for invalid ones (that key then takes its default).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { findPolicyFile, isPolicyFile, loadPolicy } from '../../server/src/engine';
import { defaultPolicy } from '../../server/src/engine/policy/policy';
import { fullText } from './helpers';

const R = path.resolve('/'); // filesystem root, so the paths below are absolute on any platform
const p = (...parts: string[]) => path.join(R, ...parts);

function fs(...existing: string[]) {
  const set = new Set(existing);
  const asked: string[] = [];
  return { exists: (x: string) => { asked.push(x); return set.has(x); }, asked };
}

describe('findPolicyFile', () => {
  test('searches upward from the dataset folder to the workspace root', () => {
    const { exists } = fs(p('ws', 'cohortlint.yaml'));
    assert.equal(findPolicyFile(p('ws', 'a', 'b', 'data.csv'), p('ws'), exists), p('ws', 'cohortlint.yaml'));
  });

  test('the nearest wins', () => {
    const { exists } = fs(p('ws', 'cohortlint.yaml'), p('ws', 'a', '.cohortlint.json'));
    assert.equal(findPolicyFile(p('ws', 'a', 'b', 'data.csv'), p('ws'), exists), p('ws', 'a', '.cohortlint.json'));
  });

  test('in one folder, cohortlint.yaml is preferred over .cohortlint.json', () => {
    const { exists } = fs(p('ws', '.cohortlint.json'), p('ws', 'cohortlint.yaml'));
    assert.equal(findPolicyFile(p('ws', 'data.csv'), p('ws'), exists), p('ws', 'cohortlint.yaml'));
  });

  test('stops at the workspace root: a policy above it never applies and is never looked at', () => {
    const { exists, asked } = fs(p('cohortlint.yaml'), p('other', 'cohortlint.yaml'));
    assert.equal(findPolicyFile(p('ws', 'a', 'data.csv'), p('ws'), exists), undefined);
    assert.ok(!asked.includes(p('cohortlint.yaml')), `looked above the root: ${asked.join(', ')}`);
  });

  test('a dataset outside the workspace gets no policy', () => {
    const { exists } = fs(p('other', 'cohortlint.yaml'));
    assert.equal(findPolicyFile(p('other', 'data.csv'), p('ws'), exists), undefined);
    // A sibling folder whose name starts like the root is outside it too.
    const sibling = fs(p('ws2', 'cohortlint.yaml'));
    assert.equal(findPolicyFile(p('ws2', 'data.csv'), p('ws'), sibling.exists), undefined);
  });

  test('without a workspace root the search goes to the filesystem root', () => {
    const { exists } = fs(p('cohortlint.yaml'));
    assert.equal(findPolicyFile(p('ws', 'a', 'data.csv'), undefined, exists), p('cohortlint.yaml'));
  });

  test('a workspace root at the filesystem root still finds policies below it', () => {
    const { exists } = fs(p('data', 'cohortlint.yaml'));
    assert.equal(findPolicyFile(p('data', 'x', 'set.csv'), R, exists), p('data', 'cohortlint.yaml'));
  });

  test('isPolicyFile', () => {
    assert.ok(isPolicyFile(p('x', 'cohortlint.yaml')));
    assert.ok(isPolicyFile(p('x', 'cohortlint.yml')));
    assert.ok(isPolicyFile(p('x', '.cohortlint.json')));
    assert.ok(!isPolicyFile(p('x', 'cohortlint.json')));
    assert.ok(!isPolicyFile(p('x', 'data.csv')));
  });
});

const load = (text: string, name = 'cohortlint.yaml') => loadPolicy(p('ws', name), (x) => (x === p('ws', name) ? text : undefined));

describe('loadPolicy', () => {
  test('no path or a missing file: defaults, no findings', () => {
    assert.deepEqual(loadPolicy(undefined, () => undefined), { findings: [], policy: defaultPolicy() });
    const missing = loadPolicy(p('ws', 'cohortlint.yaml'), () => undefined);
    assert.deepEqual(missing.findings, []);
    assert.deepEqual(missing.policy, defaultPolicy());
  });

  test('empty or comment-only YAML: defaults', () => {
    for (const text of ['', '# nothing yet\n']) {
      const loaded = load(text);
      assert.deepEqual(loaded.findings, []);
      assert.deepEqual(loaded.policy, defaultPolicy());
    }
  });

  test('valid YAML yields its values', () => {
    const loaded = load([
      'ancestry:',
      '  column: [super_pop, race]',
      '  reference: 1000g',
      '  minRatio: 0.7',
      '  minCount: 25',
      'rules:',
      '  ancestry-group-small: off',
      '  table-malformed: warning',
      'acknowledged:',
      '  - rule: ancestry-group-absent',
      '    column: super_pop',
      '    group: SAS',
      '    reason: by design',
      'phenotype: {}',
      '',
    ].join('\n'));
    assert.deepEqual(loaded.findings, []);
    assert.equal(loaded.path, p('ws', 'cohortlint.yaml'));
    const { ancestry, rules, acknowledged, phenotype } = loaded.policy;
    assert.deepEqual({ ancestry, rules, acknowledged }, {
      ancestry: { columns: ['super_pop', 'race'], reference: '1000g', minRatio: 0.7, minCount: 25, maxMissing: 0.2 },
      rules: { 'ancestry-group-small': 'off', 'table-malformed': 'warning' },
      acknowledged: [{ rule: 'ancestry-group-absent', column: 'super_pop', group: 'SAS', reason: 'by design' }],
    });
    // An empty phenotype section keeps every phenotype default.
    assert.deepEqual(phenotype, defaultPolicy().phenotype);
  });

  test('a single column name and custom shares', () => {
    const loaded = load('ancestry:\n  column: grp\n  reference:\n    A: 0.25\n    B: 0.75\n');
    assert.deepEqual(loaded.policy.ancestry.columns, ['grp']);
    assert.deepEqual(loaded.policy.ancestry.reference, { A: 0.25, B: 0.75 });
  });

  test('minRatio: 2 is reported on its value, falls back to its default, and minCount still applies', () => {
    const loaded = load('ancestry:\n  minRatio: 2\n  minCount: 10\n');
    assert.equal(loaded.findings.length, 1);
    const f = loaded.findings[0];
    assert.equal(f.code, 'config-invalid');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } });
    assert.match(f.message, /minRatio/);
    assert.match(fullText(f), /takes its default/);
    assert.equal(loaded.policy.ancestry.minRatio, defaultPolicy().ancestry.minRatio);
    assert.equal(loaded.policy.ancestry.minCount, 10);
  });

  test('an unknown reference name is reported on its value', () => {
    const loaded = load('# refs\nancestry:\n  reference: hapmap\n');
    assert.equal(loaded.findings.length, 1);
    assert.deepEqual(loaded.findings[0].range, { start: { line: 2, character: 13 }, end: { line: 2, character: 19 } });
    assert.match(fullText(loaded.findings[0]), /1000g, gnomad-v4, us-census-2020, global/);
  });

  test('an unknown top-level key is reported on the key', () => {
    const loaded = load('rules: {}\nancestory:\n  minRatio: 0.5\n');
    assert.equal(loaded.findings.length, 1);
    assert.deepEqual(loaded.findings[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
    assert.match(loaded.findings[0].message, /Unknown key "ancestory"/);
  });

  test('an unknown nested key and a bad severity are both reported, each at its place', () => {
    const loaded = load('ancestry:\n  colum: race\nrules:\n  ancestry-group-small: loud\n');
    const byLine = loaded.findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]).sort();
    assert.deepEqual(byLine, [[1, 2, 7], [3, 24, 28]]);
    assert.deepEqual(loaded.policy, defaultPolicy());
  });

  test('a YAML syntax error is a positioned finding', () => {
    const loaded = load('ancestry:\n  minRatio: 0.5\n minCount: 3\n');
    assert.equal(loaded.findings.length, 1);
    assert.equal(loaded.findings[0].code, 'config-invalid');
    assert.equal(loaded.findings[0].range.start.line, 2);
    assert.match(loaded.findings[0].message, /^YAML syntax error/);
    assert.deepEqual(loaded.policy, defaultPolicy());
  });

  test('JSON: valid values', () => {
    const loaded = load('{\n  // comments are fine\n  "ancestry": { "column": "race", "minCount": 5 },\n}\n', '.cohortlint.json');
    assert.deepEqual(loaded.findings, []);
    assert.deepEqual(loaded.policy.ancestry.columns, ['race']);
    assert.equal(loaded.policy.ancestry.minCount, 5);
  });

  test('JSON: invalid value and unknown key positioned', () => {
    const loaded = load('{\n  "ancestry": {\n    "minRatio": 2\n  },\n  "extra": 1\n}\n', '.cohortlint.json');
    const ranges = loaded.findings.map((f) => [f.data.path, f.range.start.line, f.range.start.character, f.range.end.character]);
    assert.deepEqual(ranges.sort(), [['ancestry.minRatio', 2, 16, 17], ['extra', 4, 2, 9]]);
    assert.deepEqual(loaded.policy, defaultPolicy());
  });

  test('JSON: syntax error positioned', () => {
    const loaded = load('{\n  "ancestry": {\n    "minRatio": 0.5,,\n  }\n}\n', '.cohortlint.json');
    assert.ok(loaded.findings.length >= 1);
    assert.ok(loaded.findings.every((f) => f.code === 'config-invalid' && f.range.start.line === 2));
    assert.match(loaded.findings[0].message, /^JSON syntax error/);
    assert.deepEqual(loaded.policy, defaultPolicy());
  });
});

describe('policy alternatives', () => {
  test('a malformed disease in intendedUse gives one finding, on the disease, not one per alternative', () => {
    const loaded = loadPolicy('/ws/cohortlint.yaml', () => 'intendedUse:\n  disease: MONDO:5148\n');
    assert.equal(loaded.findings.length, 1, loaded.findings.map((f) => f.message).join(' | '));
    assert.equal(loaded.findings[0].range.start.line, 1);
    assert.match(loaded.findings[0].message, /intendedUse\.disease/);
  });
});
