// Acceptance: a dataset with rows lacking usable consent, written into the workspace at
// test time, gets consent errors; the quarantine fix moves those rows to
// cohort.quarantine.csv in one edit (both files checked), and undo restores both.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, codeActionsAt, describeDiagnostics, showFile, waitFor, waitForDiagnostics, withCode, workspaceUri,
} from './helpers';

const folder = 'consent-e2e';
const datasetName = `${folder}/cohort.csv`;
const quarantineName = `${folder}/cohort.quarantine.csv`;
const header = 'id,consent,consent_status';
const kept = ['1,GRU,active', '3,"HMB;NPU",active', '5,DUO:0000042,active'];
const moved = ['2,,active', '4,HMB,withdrawn', '6,"GRU,NPOA",revoked'];
const original = [header, kept[0], moved[0], kept[1], moved[1], kept[2], moved[2]].join('\n') + '\n';

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

suite('consent quarantine', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(datasetName), new TextEncoder().encode(original));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true }).then(undefined, () => undefined);
  });

  test('consent errors, the quarantine fix moves the rows (both files checked), undo restores both', async () => {
    const doc = await showFile(datasetName, 'csv');
    const uri = doc.uri;
    const quarantineUri = workspaceUri(quarantineName);
    const diagnostics = await waitForDiagnostics(uri, 'consent-value-missing and consent-withdrawn', (ds) =>
      withCode(ds, 'consent-value-missing').length > 0 && withCode(ds, 'consent-withdrawn').length > 0);
    const summary = withCode(diagnostics, 'consent-value-missing').find((d) => d.range.start.line === 0);
    assert.ok(summary, `no header summary: ${describeDiagnostics(uri)}`);
    assert.equal(summary.severity, vscode.DiagnosticSeverity.Error);

    const actions = await codeActionsAt(uri, summary.range);
    const move = actions.find((a) => a.title.startsWith('Move '));
    assert.ok(move, `no quarantine fix; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    assert.equal(move.title, 'Move 3 rows without usable consent to cohort.quarantine.csv');
    await applyCodeAction(move);

    assert.equal(doc.getText(), [header, ...kept].join('\n') + '\n', 'the dataset keeps its usable rows, in order');
    const quarantine = await waitFor(() => openDocument(quarantineUri) ?? undefined, 'the quarantine document', {
      state: () => vscode.workspace.textDocuments.map((d) => d.uri.path).join(', '),
    });
    assert.equal(quarantine.getText(), [header, ...moved].join('\n') + '\n', 'the quarantine file has the header and the moved rows, in order');
    assert.ok(await exists(quarantineUri), 'the quarantine file was created');
    await waitForDiagnostics(uri, 'no consent errors left in the dataset', (ds) =>
      withCode(ds, 'consent-value-missing').length === 0 && withCode(ds, 'consent-withdrawn').length === 0);

    // Undo from the dataset's editor: one undo reverts the whole workspace edit.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === original, 'the dataset text restored by undo', { state: () => JSON.stringify(doc.getText()) });
    await waitFor(async () => {
      const q = openDocument(quarantineUri);
      return (!(await exists(quarantineUri)) || (q !== undefined && q.getText() === '')) || undefined;
    }, 'the quarantine file emptied or removed by undo', { state: () => JSON.stringify(openDocument(quarantineUri)?.getText()) });
  });
});
