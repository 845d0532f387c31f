// The rule registry checks itself (engine/registry.ts), and the engine refuses a finding
// whose message id its rule does not declare.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintDocument, type Finding } from '../../server/src/engine';
import { registryProblems, ownRegistryProblems, type Registry } from '../../server/src/engine/registry';
import { ALL_RULES, DATASET_RULES, PARSE_RULE_BY_KIND, STRUCTURED_RULES, ruleById } from '../../server/src/engine/rules';
import { FIX_PROVIDER_IDS } from '../../server/src/engine/fixes';
import type { DatasetRule, RuleMeta } from '../../server/src/engine/rules/rule';
import { byCode, noPolicy, repoRoot } from './helpers';

const hasDocsPage = (id: string) => existsSync(path.join(repoRoot, 'docs', 'rules', `${id}.md`));

function registry(change: Partial<Registry> = {}): Registry {
  return { rules: ALL_RULES, datasetRules: DATASET_RULES, structuredRules: STRUCTURED_RULES, fixProviders: FIX_PROVIDER_IDS, parseRules: PARSE_RULE_BY_KIND, hasDocsPage, ...change };
}

describe('the rule registry', () => {
  test('Cohort Lint\'s own registry has no problem (docs pages included)', () => {
    assert.deepEqual(ownRegistryProblems(hasDocsPage), []);
  });

  test('one object per rule id: a rule that reads datasets and Table Schemas is one rule', () => {
    for (const id of ['phenotype-field-missing', 'consent-field-missing', 'config-invalid']) {
      const objects = new Set<RuleMeta>([...ALL_RULES, ...DATASET_RULES, ...STRUCTURED_RULES].filter((r) => r.id === id));
      assert.equal(objects.size, 1, id);
    }
    assert.deepEqual(ruleById('consent-field-missing')!.appliesTo, ['dataset', 'tableSchema', 'dataPackage']);
    assert.deepEqual(ruleById('config-invalid')!.appliesTo, ['policy', 'dataset']);
    assert.equal(new Set(ALL_RULES.map((r) => r.id)).size, ALL_RULES.length);
  });

  test('a second object under an existing id is reported', () => {
    const original = ruleById('phenotype-field-missing') as DatasetRule;
    const twin: DatasetRule = { ...original, description: 'another description' };
    const problems = registryProblems(registry({ datasetRules: [...DATASET_RULES, twin] }));
    assert.ok(problems.some((p) => /"phenotype-field-missing" is defined by two objects/.test(p)), problems.join('\n'));
  });

  test('a fixable rule without a provider, and a provider without a fixable rule, are reported', () => {
    const withoutConsentFixes = new Set([...FIX_PROVIDER_IDS].filter((id) => id !== 'consent-withdrawn'));
    assert.ok(registryProblems(registry({ fixProviders: withoutConsentFixes })).some((p) => /"consent-withdrawn" is fixable but has no fix provider/.test(p)));
    const extra = new Set([...FIX_PROVIDER_IDS, 'table-malformed', 'no-such-rule']);
    const problems = registryProblems(registry({ fixProviders: extra }));
    assert.ok(problems.some((p) => /"table-malformed" has a fix provider but is not marked fixable/.test(p)));
    assert.ok(problems.some((p) => /registered for "no-such-rule", which is no rule/.test(p)));
  });

  test('a rule without a docs page, without messages, or run where it does not apply is reported', () => {
    assert.ok(registryProblems(registry({ hasDocsPage: (id) => id !== 'privacy-date' })).some((p) => /"privacy-date" has no docs page/.test(p)));
    const silent: DatasetRule = { id: 'test-silent', defaultSeverity: 'hint', description: '', fixable: false, appliesTo: ['tableSchema'], messages: {}, check: () => [] };
    const problems = registryProblems(registry({ rules: [...ALL_RULES, silent], datasetRules: [...DATASET_RULES, silent], hasDocsPage: undefined }));
    assert.ok(problems.some((p) => /"test-silent" declares no messages/.test(p)));
    assert.ok(problems.some((p) => /"test-silent" is run on datasets but does not list "dataset"/.test(p)));
    assert.ok(problems.some((p) => /"test-silent" applies to tableSchema but is not among the structured rules/.test(p)));
    const unregistered = registryProblems(registry({ datasetRules: [...DATASET_RULES, { ...silent, id: 'test-unlisted', appliesTo: ['dataset'], messages: { x: '' } }] }));
    assert.ok(unregistered.some((p) => /"test-unlisted" is run but not registered/.test(p)));
  });

  test('every parse rule exists and declares the parse message', () => {
    const problems = registryProblems(registry({ parseRules: { ...PARSE_RULE_BY_KIND, phenopacket: 'table-malformed' } }));
    assert.ok(problems.some((p) => /parse rule for phenopacket, "table-malformed", declares no "parse" message/.test(p)), problems.join('\n'));
  });

  test('the settings and the policy schema list exactly the registered rules (scripts/sync-rule-lists.mjs)', () => {
    const ids = ALL_RULES.map((r) => r.id).sort();
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'cohortlint.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties['cohortLint.rules'].properties).sort(), ids);
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), ids);
  });
});

describe('message ids', () => {
  const csv = 'participant_id,race,sex,age\nP1,White,F,40\nP2,Asian,M,51\n';
  const lint = (): Finding[] => {
    const analysis = lintDocument('/ws/cohort.csv', csv, 'csv', { policy: noPolicy(), read: () => undefined })!;
    return analysis.findings;
  };

  test('every finding names a message its rule declares', () => {
    const findings = lint();
    assert.ok(findings.length > 0);
    for (const f of findings) assert.ok(Object.hasOwn(ruleById(f.code)!.messages, f.messageId), `${f.code}/${f.messageId}`);
  });

  test('a sub-kind in data is the message id: on every example, data.kind that names a message of its rule is the finding\'s messageId', () => {
    const examples = path.join(repoRoot, 'examples');
    let checked = 0;
    for (const name of readdirSync(examples)) {
      const file = path.join(examples, name);
      const analysis = lintDocument(file, readFileSync(file, 'utf8'), undefined, { policy: noPolicy(), read: () => undefined });
      for (const f of analysis?.findings ?? []) {
        const kind = f.data.kind;
        if (typeof kind !== 'string' || !Object.hasOwn(ruleById(f.code)!.messages, kind)) continue;
        assert.equal(f.messageId, kind, `${name}: ${f.code}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `only ${checked} findings with a sub-kind`);
  });

  test('a finding under an undeclared message id becomes one internal-error finding and is withheld', () => {
    const rogue: DatasetRule = {
      id: 'test-rogue', defaultSeverity: 'warning', description: '', fixable: false, appliesTo: ['dataset'],
      messages: { declared: 'the one message' },
      check: ({ headerCell }) => [
        { messageId: 'declared', range: headerCell(0), message: 'kept', data: {} },
        { messageId: 'undeclared' as 'declared', range: headerCell(0), message: 'withheld', data: {} },
        { messageId: 'undeclared' as 'declared', range: headerCell(1), message: 'withheld too', data: {} },
      ],
    };
    DATASET_RULES.push(rogue);
    try {
      const findings = lint();
      assert.deepEqual(byCode(findings, 'test-rogue').map((f) => [f.messageId, f.message]), [['declared', 'kept']]);
      const internal = byCode(findings, 'internal-error');
      assert.equal(internal.length, 1);
      assert.equal(internal[0].messageId, 'undeclaredMessage');
      assert.deepEqual(internal[0].data, { rule: 'test-rogue', reported: 'undeclared' });
      assert.match(internal[0].message, /Rule "test-rogue" reported message "undeclared", which it does not declare/);
      assert.ok(findings.some((f) => f.code === 'ancestry-group-small'), 'the other rules ran');
    } finally {
      DATASET_RULES.pop();
    }
  });
});
