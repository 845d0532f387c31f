// The extension manifest and what ships beside it: every command contributed is
// registered by the client (and the other way round), Restricted Mode and virtual
// workspaces declared, an icon that is a real PNG, a changelog, no made-up repository; and
// the policy file "Open Policy File" creates loads without a finding and changes nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { POLICY_FILE_NAMES } from '../../common/policyFiles';
import { policyTemplate } from '../../client/src/policyTemplate';
import { loadPolicy } from '../../server/src/engine';
import { defaultPolicy } from '../../server/src/engine/policy/policy';
import { repoRoot } from './helpers';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const clientSources = readdirSync(path.join(repoRoot, 'client', 'src')).map((f) => readFileSync(path.join(repoRoot, 'client', 'src', f), 'utf8')).join('\n');

describe('extension manifest', () => {
  test('every contributed command is registered by the client, and every registered one contributed', () => {
    const contributed = (manifest.contributes.commands as { command: string; title: string; category?: string }[]).map((c) => c.command).sort();
    const registered = [...clientSources.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(contributed, registered);
    for (const id of ['cohortLint.lintWorkspace', 'cohortLint.fixAll', 'cohortLint.openPolicyFile', 'cohortLint.restartServer', 'cohortLint.showOutput']) {
      assert.ok(contributed.includes(id), id);
    }
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Cohort Lint', c.command);
  });

  test('activation and schema association name the policy files of common/policyFiles.ts', () => {
    const activated = (manifest.activationEvents as string[]).filter((e) => e.startsWith('workspaceContains:**/') && /cohortlint/.test(e)).map((e) => e.slice('workspaceContains:**/'.length));
    assert.deepEqual(activated.sort(), [...POLICY_FILE_NAMES].sort());
    const validated = [...manifest.contributes.jsonValidation.map((v: { fileMatch: string | string[] }) => v.fileMatch), ...manifest.contributes.yamlValidation.map((v: { fileMatch: string | string[] }) => v.fileMatch)].flat();
    assert.deepEqual(validated.sort(), [...POLICY_FILE_NAMES].sort());
  });

  test('Restricted Mode supported, virtual workspaces limited with the reason', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description, /disk/);
  });

  test('an icon that is a 128 x 128 PNG, a changelog, and no made-up repository', () => {
    const icon = readFileSync(path.join(repoRoot, manifest.icon));
    assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(icon.readUInt32BE(16), 128);
    assert.equal(icon.readUInt32BE(20), 128);
    assert.ok(existsSync(path.join(repoRoot, 'CHANGELOG.md')));
    const ignore = readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8');
    assert.ok(ignore.includes(`!${manifest.icon}`) && ignore.includes('!CHANGELOG.md'), 'both ship in the .vsix');
    if (manifest.repository !== undefined) assert.doesNotMatch(JSON.stringify(manifest.repository), /example\.(invalid|com|org)/);
    else assert.match(manifest.scripts.package, /--allow-missing-repository/, 'vsce would stop at a prompt');
  });
});

describe('the policy file Open Policy File creates', () => {
  test('loads without a finding and is the defaults', () => {
    const file = '/virtual/ws/cohortlint.yaml';
    const loaded = loadPolicy(file, (p) => (p === file ? policyTemplate : undefined));
    assert.deepEqual(loaded.findings, []);
    assert.deepEqual(loaded.policy, defaultPolicy());
  });
});
