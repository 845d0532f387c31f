// A Parquet file in a real VS Code: opened in a tab (VS Code syncs no text for a binary file,
// so the extension asks the server to lint it from disk) or found by Lint Workspace, its
// findings reach the Problems panel: the consent summary on the header line, the row
// without consent at its row number.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const parquet = () => workspaceUri('parquet/cohort.parquet');
const rowFive = (ds: vscode.Diagnostic[]) => withCode(ds, 'consent-value-missing').some((d) => d.range.start.line === 5);

suite('Parquet files', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('a .parquet file opened in a tab gets its findings', async () => {
    await vscode.commands.executeCommand('vscode.open', parquet());
    const ds = await waitForDiagnostics(parquet(), 'findings of the opened Parquet file', rowFive);
    assert.ok(withCode(ds, 'consent-value-missing').some((d) => d.range.start.line === 0), 'the summary on the header line');
  });

  test('Lint Workspace lints the .parquet files it finds', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; linted: number }>('cohortLint.lintWorkspace');
    assert.ok(result.linted >= 1, JSON.stringify(result));
    await waitForDiagnostics(parquet(), 'findings of the listed Parquet file', rowFive);
  });
});
