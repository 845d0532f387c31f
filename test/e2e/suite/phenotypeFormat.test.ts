// The phenotype-format-mixed quick fix in a real VS Code: a visit-date column in two
// formats is reported on its header, the fix rewrites exactly the month-first dates to ISO
// in one edit, the diagnostic goes, and one undo restores the file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, codeActionsAt, describeDiagnostics, diagnosticText, showFile, waitFor, waitForDiagnostics, withCode, workspaceUri,
} from './helpers';

const file = 'visits_mixed_dates.csv';
const original = [
  'id,sex,visit_date,note',
  '1,F,2019-03-04,"first, visit"',
  '2,M,03/25/2019,x',
  '3,F,2020-11-30,y',
  '4,M,12/31/2020,z',
  '5,F,2018-01-15,',
  '6,M,2021-06-07,w',
  '',
].join('\r\n');

suite('phenotype formats', () => {
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(file)).then(undefined, () => undefined);
  });

  test('dates in two formats: the fix writes them as the dominant ISO format; undo restores', async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(file), new TextEncoder().encode(original));
    const doc = await showFile(file, 'csv');
    const diagnostics = await waitForDiagnostics(doc.uri, 'phenotype-format-mixed', (ds) => withCode(ds, 'phenotype-format-mixed').length > 0);
    const [mixed] = withCode(diagnostics, 'phenotype-format-mixed');
    assert.equal(doc.getText(mixed.range), 'visit_date', describeDiagnostics(doc.uri));
    assert.match(diagnosticText(mixed), /YYYY-MM-DD 4 \(66\.7%\), MM\/DD\/YYYY 2 \(33\.3%\)/, 'both formats with counts and shares (3 significant figures)');

    const actions = await codeActionsAt(doc.uri, mixed.range);
    const rewrite = actions.find((a) => /Write the dates in column "visit_date" as YYYY-MM-DD \(2 cells\)/.test(a.title));
    assert.ok(rewrite, `no rewrite action; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    await applyCodeAction(rewrite);

    const expected = original.replace('03/25/2019', '2019-03-25').replace('12/31/2020', '2020-12-31');
    await waitFor(() => doc.getText() === expected, 'the two dates rewritten', { state: () => JSON.stringify(doc.getText()) });
    await waitForDiagnostics(doc.uri, 'phenotype-format-mixed gone', (ds) => ds.length > 0 && withCode(ds, 'phenotype-format-mixed').length === 0);

    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === original, 'one undo to restore the file', { state: () => JSON.stringify(doc.getText()) });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
