// config-invalid answers to the `cohortLint.rules` setting like every rule: its severity
// follows the setting and "off" clears the policy file's diagnostics (they are published
// again when the settings change, without touching the file).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { superPopTsv } from './fixtures';
import { modes, serverPerSuite, uriOf } from './harness';

const invalidPolicy = 'ancestry:\n  minRatio: lots\n';
const configInvalid = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'config-invalid');

for (const mode of modes) {
  describe(`config-invalid and the cohortLint.rules setting (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull, settings: { rules: { 'config-invalid': 'warning' } } });
    const policyUri = uriOf(join(session.ws.root, 'cohortlint.yaml'));

    it('takes the severity the setting gives it', async () => {
      session.ws.write('cohortlint.yaml', invalidPolicy);
      const text = superPopTsv();
      const datasetUri = await session.client.open(session.ws.write('panel.tsv', text), text);
      // Linting the dataset (pulled, in pull mode) loads its policy.
      await session.client.diagnostics(datasetUri, (x) => x.some((d) => d.code === 'ancestry-underrepresented'), 'the dataset, under the defaults');
      const ds = await session.client.pushedDiagnostics(policyUri, (x) => configInvalid(x).length > 0, 'config-invalid as a warning');
      assert.deepEqual(configInvalid(ds).map((d) => [d.severity, d.range.start.line, (d.data as { messageId?: string }).messageId]), [[2, 1, 'key']]);
    });

    it('is turned off by the setting, and the policy file\'s diagnostics are cleared', async () => {
      await session.client.configurationChanged({ rules: { 'config-invalid': 'off' } });
      await session.client.pushedDiagnostics(policyUri, (x) => x.length === 0, 'policy diagnostics cleared');
    });

    it('comes back as an error (its default) when the setting is removed', async () => {
      await session.client.configurationChanged({});
      const ds = await session.client.pushedDiagnostics(policyUri, (x) => configInvalid(x).length > 0, 'config-invalid again');
      assert.deepEqual(configInvalid(ds).map((d) => d.severity), [1]);
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
    });
  });
}
