// The policy file (its own diagnostics; open, unsaved edits; watched changes) and the
// `cohortLint` settings, both of which relint the open datasets.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { raceCsv, superPopTsv } from './fixtures';
import { modes, serverPerSuite, uriOf } from './harness';

const invalidPolicy = 'ancestry:\n  minRatio: lots\n';
const rulesOffPolicy = 'ancestry:\n  minRatio: 0.8\nrules:\n  ancestry-underrepresented: "off"\n';

const hasCode = (code: string) => (ds: Diagnostic[]): boolean => ds.some((d) => d.code === code);
const lacksCode = (code: string) => (ds: Diagnostic[]): boolean => !ds.some((d) => d.code === code);

for (const mode of modes) {
  describe(`policy file (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;
    const policyPath = join(ws.root, 'cohortlint.yaml');
    const policyUri = uriOf(policyPath);
    let datasetUri: string;

    it('asks the client to watch the policy files', async () => {
      const registration = await session.client.until(
        () => session.client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 'a file watcher registration');
      const globs = (registration.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
      assert.ok(globs.includes('**/cohortlint.yaml') && globs.includes('**/.cohortlint.json'), globs.join(', '));
    });

    it('reports an invalid value in the policy file, positioned, while the dataset falls back to defaults', async () => {
      ws.write('cohortlint.yaml', invalidPolicy);
      const text = superPopTsv();
      datasetUri = await session.client.open(ws.write('panel.tsv', text), text);
      await session.client.diagnostics(datasetUri, hasCode('ancestry-underrepresented'), 'defaults still apply');
      const policyDiagnostics = await session.client.pushedDiagnostics(policyUri, hasCode('config-invalid'), 'config-invalid');
      const d = policyDiagnostics.find((x) => x.code === 'config-invalid')!;
      assert.equal(d.source, 'cohort-lint');
      assert.equal(d.severity, 1);
      assert.equal(d.range.start.line, 1, 'on the minRatio line');
      assert.match(d.codeDescription?.href ?? '', /config-invalid\.md$/);
    });

    it('applies unsaved edits of the open policy file and relints the dataset', async () => {
      await session.client.open(policyPath, invalidPolicy, 'yaml');
      const refreshes = session.client.refreshRequests;
      await session.client.change(policyUri, rulesOffPolicy);
      await session.client.pushedDiagnostics(policyUri, (ds) => ds.length === 0, 'policy diagnostics cleared');
      if (mode.pull) await session.client.until(() => (session.client.refreshRequests > refreshes ? true : undefined), 'workspace/diagnostic/refresh');
      await session.client.diagnostics(datasetUri, lacksCode('ancestry-underrepresented'), 'rule turned off by the policy');
    });

    it('falls back to the file on disk when the policy document is closed unsaved', async () => {
      await session.client.close(policyUri);
      await session.client.pushedDiagnostics(policyUri, hasCode('config-invalid'), 'config-invalid again');
      await session.client.diagnostics(datasetUri, hasCode('ancestry-underrepresented'), 'defaults again');
    });

    it('clears the policy diagnostics when the file is deleted', async () => {
      rmSync(policyPath);
      await session.client.watchedFilesChanged([{ uri: policyUri, type: 3 }]);
      await session.client.pushedDiagnostics(policyUri, (ds) => ds.length === 0, 'policy diagnostics cleared');
      await session.client.diagnostics(datasetUri, hasCode('ancestry-underrepresented'));
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
    });
  });

  describe(`settings (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull, settings: { rules: { 'ancestry-label-nonstandard': 'off' } } });
    const ws = session.ws;
    let uri: string;

    it('pulls the settings before the first lint: a rule set off is not reported', async () => {
      const text = raceCsv();
      uri = await session.client.open(ws.write('race.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => ds.length > 0);
      assert.ok(lacksCode('ancestry-label-nonstandard')(items), `got ${items.map((d) => d.code).join(', ')}`);
    });

    it('relints with the new severity after didChangeConfiguration', async () => {
      await session.client.configurationChanged({ rules: { 'ancestry-label-nonstandard': 'error' } });
      const items = await session.client.diagnostics(uri, hasCode('ancestry-label-nonstandard'));
      assert.ok(items.filter((d) => d.code === 'ancestry-label-nonstandard').every((d) => d.severity === 1));
    });

    it('caps the findings at maxProblems', async () => {
      await session.client.configurationChanged({ maxProblems: 1 });
      const items = await session.client.diagnostics(uri, (ds) => ds.length === 1, 'one finding');
      assert.equal(items.length, 1);
    });

    it('reports nothing while disabled, and again once enabled', async () => {
      await session.client.configurationChanged({ enable: false });
      await session.client.diagnostics(uri, (ds) => ds.length === 0, 'no diagnostics while disabled');
      await session.client.configurationChanged({ enable: true });
      await session.client.diagnostics(uri, hasCode('ancestry-label-nonstandard'), 'diagnostics back');
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
    });
  });
}
