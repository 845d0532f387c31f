// Acceptance: a cohort over three tables in the real editor. cohort-demo/ holds a Data
// Package whose foreignKeys link participants, consent and phenotypes; only
// phenotypes.csv is opened, so the server reads its siblings from disk. The rows of the
// participant whose consent (in consent.csv) is withdrawn get an error on their key cell,
// and the row whose key no participant has gets a warning.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, describeDiagnostics, diagnosticText, showFile, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const folder = 'cohort-demo';
const foreignKey = { fields: 'participant_id', reference: { resource: 'participants', fields: 'participant_id' } };
const files: Record<string, string> = {
  'participants.csv': 'participant_id,super_pop,sex\nQ1,EUR,female\nQ2,AFR,male\nQ3,EAS,female\n',
  'consent.csv': 'participant_id,consent_codes,consent_status\nQ1,GRU,active\nQ2,GRU,withdrawn\nQ3,GRU,active\n',
  'phenotypes.csv': 'participant_id,hba1c_percent\nQ1,5.1\nQ2,6.8\nQ2,7.0\nQ9,5.5\nQ3,6.1\n',
  'datapackage.json': JSON.stringify({
    profile: 'tabular-data-package',
    resources: [
      { name: 'participants', path: 'participants.csv', schema: { fields: [{ name: 'participant_id' }, { name: 'super_pop' }, { name: 'sex' }], primaryKey: 'participant_id' } },
      { name: 'consent', path: 'consent.csv', schema: { fields: [{ name: 'participant_id' }, { name: 'consent_codes' }, { name: 'consent_status' }], foreignKeys: [foreignKey] } },
      { name: 'phenotypes', path: 'phenotypes.csv', schema: { fields: [{ name: 'participant_id' }, { name: 'hba1c_percent' }], foreignKeys: [foreignKey] } },
    ],
  }, null, 2),
};

suite('multi-table cohort', () => {
  suiteSetup(async () => {
    await activateExtension();
    for (const [name, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/${name}`), new TextEncoder().encode(text));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true }).then(undefined, () => undefined);
  });

  test('withdrawn consent from consent.csv and an orphan key, on the rows of the open phenotypes table', async () => {
    const doc = await showFile(`${folder}/phenotypes.csv`, 'csv');
    const rowsOf = (ds: vscode.Diagnostic[], code: string) => withCode(ds, code).filter((d) => d.range.start.line > 0).map((d) => d.range.start.line + 1);
    const ds = await waitForDiagnostics(doc.uri, 'cohort-consent-unusable on two rows', (items) => rowsOf(items, 'cohort-consent-unusable').length === 2);
    assert.deepEqual(rowsOf(ds, 'cohort-consent-unusable'), [3, 4], describeDiagnostics(doc.uri));
    const [row] = withCode(ds, 'cohort-consent-unusable').filter((d) => d.range.start.line === 2);
    assert.equal(row.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(row.range), 'Q2', 'on the key cell');
    assert.doesNotMatch(diagnosticText(row), /Q2/, 'the key is not shown in the message');
    assert.deepEqual(rowsOf(ds, 'cohort-key-orphan'), [5]);
    const link = withCode(ds, 'cohort-key-orphan')[0].code as { target: vscode.Uri };
    assert.match(link.target.toString(), /cohort-key-orphan\.md$/);
    assert.ok(!ds.some((d) => codeOf(d) === 'ancestry-column-missing'), 'ancestry is in participants.csv');
  });
});
