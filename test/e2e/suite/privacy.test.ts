// Acceptance: a dataset with 5-digit ZIP codes and an SSN column, written into the
// workspace at test time, gets privacy findings; the ZIP-3 fix generalises the column in
// place (000 for a restricted area), the other columns untouched, and no finding message
// carries an identifier value.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyCodeAction, closeAllEditors, codeActionsAt, describeDiagnostics, diagnosticText, showFile, waitFor, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const folder = 'privacy-e2e';
const datasetName = `${folder}/people.csv`;
const header = 'participant_id,sex,ssn,zip';
const ssns = ['123-45-6781', '123-45-6782', '123-45-6783'];
const rows = [['P1', 'F', ssns[0], '02451'], ['P2', 'M', ssns[1], '03601'], ['P3', 'F', ssns[2], '02139-1234']];
const original = [header, ...rows.map((r) => r.join(','))].join('\n') + '\n';

suite('privacy fixes', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(datasetName), new TextEncoder().encode(original));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true }).then(undefined, () => undefined);
  });

  test('ZIP-5 codes are generalised to ZIP-3 by the quick fix; no message quotes a value', async () => {
    const doc = await showFile(datasetName, 'csv');
    const uri = doc.uri;
    const diagnostics = await waitForDiagnostics(uri, 'privacy-geography and privacy-direct-identifier', (ds) =>
      withCode(ds, 'privacy-geography').length > 0 && withCode(ds, 'privacy-direct-identifier').length > 0);
    for (const d of diagnostics) for (const value of [...ssns, '02451', '03601']) assert.ok(!diagnosticText(d).includes(value), `${value} in ${diagnosticText(d)}`);
    const zip = withCode(diagnostics, 'privacy-geography')[0];
    assert.equal(zip.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(zip.range.start.line, 0, `on the header: ${describeDiagnostics(uri)}`);

    const actions = await codeActionsAt(uri, zip.range);
    const fix = actions.find((a) => a.title.startsWith('Generalise '));
    assert.ok(fix, `no ZIP-3 fix; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    assert.equal(fix.title, 'Generalise 3 cells in "zip" to ZIP-3 (000 for restricted areas)');
    await applyCodeAction(fix);

    const expected = [header, 'P1,F,123-45-6781,024', 'P2,M,123-45-6782,000', 'P3,F,123-45-6783,021'].join('\n') + '\n';
    await waitFor(() => doc.getText() === expected || undefined, 'the zip column generalised', { state: () => JSON.stringify(doc.getText()) });
    await waitForDiagnostics(uri, 'no privacy-geography left', (ds) => withCode(ds, 'privacy-geography').length === 0 && withCode(ds, 'privacy-direct-identifier').length > 0);
  });
});
