// A cohort over three tables in the editor: phenotypes.csv is open, its sibling tables
// are read from disk within the workspace, and consent from consent.csv follows the
// participant into the open table's rows. Editing consent.csv in the editor (unsaved)
// relints the open phenotypes table.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { diagnosticText, messageOf, modes, repoRoot, serverPerSuite } from './harness';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'cohort', 'package');
const fixture = (name: string) => readFileSync(join(FIXTURE, name), 'utf8');

/** 1-based lines of the row findings of a rule, for one consent reason or all. */
function rowLines(ds: Diagnostic[], code: string, reason?: string): number[] {
  return ds.filter((d) => {
    const data = d.data as { kind?: string; reason?: string } | undefined;
    return d.code === code && data?.kind === 'row' && (reason === undefined || data.reason === reason);
  }).map((d) => d.range.start.line + 1).sort((a, b) => a - b);
}

for (const mode of modes) {
  describe(`multi-table cohort (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('marks the open table\'s rows of participants whose consent in a closed sibling table is withdrawn, and its orphan rows', async () => {
      mkdirSync(join(ws.root, 'study'));
      for (const name of ['datapackage.json', 'participants.csv', 'consent.csv', 'cohortlint.yaml']) ws.write(`study/${name}`, fixture(name));
      const text = fixture('phenotypes.csv');
      const uri = await session.client.open(ws.write('study/phenotypes.csv', text), text);
      const ds = await session.client.diagnostics(uri, (items) => items.some((d) => d.code === 'cohort-consent-unusable'), 'cohort-consent-unusable');
      assert.deepEqual(rowLines(ds, 'cohort-consent-unusable', 'withdrawn'), [5, 6]);
      assert.deepEqual(rowLines(ds, 'cohort-key-orphan'), [13, 14]);
      const withdrawn = ds.find((d) => d.code === 'cohort-consent-unusable' && (d.data as { kind: string }).kind === 'summary' && (d.data as { reason: string }).reason === 'withdrawn')!;
      assert.equal(withdrawn.severity, 1, 'error');
      assert.match(withdrawn.codeDescription?.href ?? '', /cohort-consent-unusable\.md$/);
      assert.match(messageOf(withdrawn), /2 of 13 rows/);
      for (const d of ds.filter((x) => String(x.code).startsWith('cohort-'))) assert.doesNotMatch(diagnosticText(d) + JSON.stringify(d.data), /P\d\d/, 'no participant key shown');
      assert.equal(ds.filter((d) => d.code === 'consent-field-missing').length, 0, 'consent is recorded in consent.csv');
    });

    it('relints the open table when its consent table is edited in the editor, before it is saved', async () => {
      mkdirSync(join(ws.root, 'edit'));
      for (const name of ['datapackage.json', 'participants.csv', 'consent.csv', 'cohortlint.yaml']) ws.write(`edit/${name}`, fixture(name));
      const text = fixture('phenotypes.csv');
      const uri = await session.client.open(ws.write('edit/phenotypes.csv', text), text);
      await session.client.diagnostics(uri, (items) => rowLines(items, 'cohort-consent-unusable', 'withdrawn').length === 2, 'P03 withdrawn');
      const consent = fixture('consent.csv');
      const consentUri = await session.client.open(join(ws.root, 'edit', 'consent.csv'), consent);
      await session.client.change(consentUri, consent.replace('P01,GRU,active', 'P01,GRU,withdrawn'));
      const ds = await session.client.diagnostics(uri, (items) => rowLines(items, 'cohort-consent-unusable', 'withdrawn').length === 4, 'P01 withdrawn too');
      assert.deepEqual(rowLines(ds, 'cohort-consent-unusable', 'withdrawn'), [2, 3, 5, 6]);
    });
  });
}
