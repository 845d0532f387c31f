// Values from a user's JSON or YAML file are never coerced in ways the file controls:
// every node of real-shaped Table Schemas, Data Packages, Phenopackets and policies is
// replaced in turn by objects that shadow toString/valueOf or drop their prototype, and
// every object gains such keys; linting the document, and a dataset described by it,
// must neither throw nor fail a rule. Aliases and nesting are bounded but reported.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { fixesFor, hoverAt, lintDocument, loadPolicy, policyCompletions, policyHoverAt, type Finding, type LoadedPolicy } from '../../server/src/engine';
import { DATASET_RULES } from '../../server/src/engine/rules';
import { byCode, fullText, noPolicy, repoRoot } from './helpers';

const HOSTILE = ['{"toString": 1}', '{"__proto__": null}', '{"toString": {"a": 1}, "valueOf": 2}', '{"__proto__": {"fields": 5, "toString": 1}}'];
const MARK = '\u0000HOSTILE\u0000';
const DIR = '/virtual/hostile';
// The example's first 40 rows: enough for every rule to look at every field, quick to lint hundreds of times.
const DATASET = readFileSync(path.join(repoRoot, 'examples', 'consented_cohort.csv'), 'utf8').split('\n').slice(0, 42).join('\n') + '\n';

type Json = unknown;
type Step = string | number;

/** Paths of every node below the root. */
function nodePaths(value: Json, at: Step[] = []): Step[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...at, i], ...nodePaths(v, [...at, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...nodePaths(v, [...at, k])]);
  return [];
}

function replaced(value: Json, at: Step[], by: Json): Json {
  if (at.length === 0) return by;
  const [head, ...rest] = at;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, k === head ? replaced(v, rest, by) : v]));
}

/** The document as JSON text with the node at `at` replaced by a hostile fragment. */
function variants(value: Json): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  for (const at of nodePaths(value)) {
    const withMark = JSON.stringify(replaced(value, at, MARK));
    for (const fragment of HOSTILE) out.push({ label: `${at.join('.')} = ${fragment}`, text: withMark.replace(JSON.stringify(MARK), fragment) });
    // The same object with extra own keys a naive reader would trip on.
    const node = at.reduce<any>((n, k) => n[k], value);
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const text = JSON.stringify(replaced(value, at, { ...node, [MARK]: 0 })).replace(`${JSON.stringify(MARK)}:0`, '"toString":1,"valueOf":{},"__proto__":null');
      out.push({ label: `${at.join('.')} + toString/__proto__ keys`, text });
    }
  }
  return out;
}

/** Lints, and also asks for the hover at and the fixes of every finding, as the editor would. */
function lintAll(file: string, text: string, files: Record<string, string>, policy: LoadedPolicy = noPolicy()): Finding[] {
  const read = (p: string) => (p === file ? text : files[p]);
  const analysis = lintDocument(file, text, undefined, { policy, read, workspaceRoot: DIR });
  for (const finding of analysis?.findings ?? []) {
    hoverAt(analysis!, finding.range.start);
    fixesFor(analysis!, finding, policy, read);
  }
  return analysis?.findings ?? [];
}

function assertClean(findings: Finding[], label: string): void {
  const failed = byCode(findings, 'internal-error');
  assert.deepEqual(failed.map((f) => f.message), [], label);
}

const schemaValue = parseYaml(readFileSync(path.join(repoRoot, 'examples', 'consented_cohort.schema.yaml'), 'utf8'));
const phenopacketValue = JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'phenopacket_example.json'), 'utf8'));
const policyValue = parseYaml(readFileSync(path.join(repoRoot, 'examples', 'cohortlint.yaml'), 'utf8'));

describe('hostile values in JSON and YAML documents', () => {
  test('a Table Schema (JSON and YAML), alone and as the schema of its dataset', () => {
    const cases = variants(schemaValue);
    assert.ok(cases.length > 100, `${cases.length} variants`);
    for (const { label, text } of cases) {
      for (const ext of ['json', 'yaml']) {
        const schemaPath = `${DIR}/cohort.schema.${ext}`;
        assertClean(lintAll(schemaPath, text, {}), `${ext} schema, ${label}`);
        const dataset = lintAll(`${DIR}/cohort.csv`, DATASET, { [schemaPath]: text });
        assertClean(dataset, `dataset with ${ext} schema, ${label}`);
        assert.ok(dataset.some((f) => f.code.startsWith('consent-')), `consent findings kept: ${label}`);
      }
    }
  });

  test('a Data Package with the schema inline, and its dataset', () => {
    const pkg = { name: 'cohort', resources: [{ name: 'cohort', path: 'cohort.csv', schema: schemaValue }] };
    for (const { label, text } of variants(pkg)) {
      const descriptor = `${DIR}/datapackage.json`;
      assertClean(lintAll(descriptor, text, {}), `package, ${label}`);
      assertClean(lintAll(`${DIR}/cohort.csv`, DATASET, { [descriptor]: text }), `dataset in package, ${label}`);
    }
  });

  test('a Phenopacket', () => {
    for (const { label, text } of variants(phenopacketValue)) assertClean(lintAll(`${DIR}/packet.json`, text, {}), label);
  });

  test('a policy file: never throws, and the datasets it covers are still linted', () => {
    const policyPath = `${DIR}/.cohortlint.json`;
    for (const { label, text } of variants(policyValue)) {
      const loaded = loadPolicy(policyPath, (p) => (p === policyPath ? text : undefined), DIR);
      assertClean(loaded.findings, label);
      for (const finding of loaded.findings) {
        policyHoverAt(policyPath, text, finding.range.start);
        policyCompletions(policyPath, text, finding.range.start);
      }
      assertClean(lintAll(`${DIR}/cohort.csv`, DATASET, {}, loaded), `dataset under policy, ${label}`);
    }
  });
});

describe('YAML aliases and deep nesting', () => {
  const policyPath = `${DIR}/cohortlint.yaml`;
  const load = (text: string) => loadPolicy(policyPath, (p) => (p === policyPath ? text : undefined), DIR);

  test('a policy reusing anchors hundreds of times is accepted and applies', () => {
    const entries = Array.from({ length: 150 }, (_, i) => (i === 0
      ? '  - rule: &r ancestry-group-absent\n    column: &c race\n    group: g0\n    reason: &why reviewed by the data committee'
      : `  - rule: *r\n    column: *c\n    group: g${i}\n    reason: *why`));
    const loaded = load(`ancestry:\n  minCount: &n 30\nacknowledged:\n${entries.join('\n')}\n`);
    assert.deepEqual(loaded.findings, []);
    assert.equal(loaded.policy.acknowledged.length, 150);
    assert.equal(loaded.policy.acknowledged[149].reason, 'reviewed by the data committee');
  });

  test('an unresolved alias is config-invalid on the alias', () => {
    const loaded = load('ancestry:\n  minCount: 30\nrules: *nope\n');
    assert.equal(loaded.findings.length, 1);
    assert.equal(loaded.findings[0].code, 'config-invalid');
    assert.match(fullText(loaded.findings[0]), /alias "\*nope" has no anchor/);
    assert.deepEqual(loaded.findings[0].range.start, { line: 2, character: 7 });
  });

  test('aliases that expand past the bound ("billion laughs") are config-invalid, not thrown', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 8; i++) levels.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const loaded = load(levels.join('\n') + '\n');
    assert.equal(loaded.findings.length, 1);
    assert.match(fullText(loaded.findings[0]), /aliases expand to more than 10,000 nodes/);
  });

  test('JSON nested 3,000 levels deep is schema-invalid at the bracket past 256 levels', () => {
    const text = `{"fields": [], "x": ${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const findings = lintAll(`${DIR}/deep.schema.json`, text, {});
    assert.deepEqual(findings.map((f) => f.code), ['schema-invalid']);
    assert.deepEqual(findings[0].range.start, { line: 0, character: text.indexOf('[[') + 255 });
  });

  test('YAML nested too deeply, in flow or block style, is reported, never parsed', () => {
    const flow = `fields: []\nx: ${'['.repeat(300)}${']'.repeat(300)}\n`;
    assert.deepEqual(lintAll(`${DIR}/flow.schema.yaml`, flow, {}).map((f) => f.code), ['schema-invalid']);
    const block = 'fields: []\nx:\n' + Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n') + ' 1\n';
    const findings = lintAll(`${DIR}/block.schema.yaml`, block, {});
    assert.deepEqual(findings.map((f) => f.code), ['schema-invalid']);
    assert.match(findings[0].message, /nested more than 256 levels/);
    // Ordinary depth is untouched.
    const fine = 'fields:\n  - name: a\n    constraints:\n      enum: [[1, [2, [3]]]]\n';
    assert.ok(!lintAll(`${DIR}/fine.schema.yaml`, fine, {}).some((f) => /nested/.test(f.message)));
  });
});

describe('per-part isolation', () => {
  test('a rule that throws costs its own findings only, as one internal-error finding', () => {
    const failing = { id: 'test-failing-rule', defaultSeverity: 'warning', description: '', fixable: false, appliesTo: 'dataset', check: () => { throw new TypeError('cell "ZQXVALUE"'); } } as const;
    DATASET_RULES.push(failing as any);
    try {
      const findings = lintAll(`${DIR}/cohort.csv`, DATASET, {});
      const failed = byCode(findings, 'internal-error');
      assert.equal(failed.length, 1);
      assert.match(failed[0].message, /could not run rule "test-failing-rule" \(TypeError\)/);
      assert.ok(!fullText(failed[0]).includes('ZQXVALUE'), 'the error text, which may quote a cell, is not shown');
      assert.ok(findings.some((f) => f.code === 'consent-value-missing'), 'the other rules ran');
    } finally {
      DATASET_RULES.pop();
    }
  });

  test('a schema lookup that throws: the dataset is linted without a schema and keeps its consent findings', () => {
    const read = (p: string): string | undefined => {
      if (p.endsWith('.schema.json')) throw new RangeError('unforeseen');
      return undefined;
    };
    const findings = lintDocument(`${DIR}/cohort.csv`, DATASET, undefined, { policy: noPolicy(), read, workspaceRoot: DIR })!.findings;
    const failed = byCode(findings, 'internal-error');
    assert.equal(failed.length, 1);
    assert.match(failed[0].message, /could not read the Table Schema for this dataset \(RangeError\)/);
    assert.ok(findings.some((f) => f.code === 'consent-value-missing'));
  });

  test('internal-error takes the policy\'s severity', () => {
    const read = (p: string): string | undefined => {
      if (p.endsWith('.schema.json')) throw new RangeError('unforeseen');
      return undefined;
    };
    const policyPath = `${DIR}/cohortlint.yaml`;
    const policy = loadPolicy(policyPath, (p) => (p === policyPath ? 'rules:\n  internal-error: warning\n' : undefined), DIR);
    const findings = lintDocument(`${DIR}/cohort.csv`, DATASET, undefined, { policy, read, workspaceRoot: DIR })!.findings;
    assert.deepEqual(byCode(findings, 'internal-error').map((f) => f.severity), ['warning']);
  });
});
