// Acceptance: a column empty exactly when another column says the event did not happen
// (relapse_date when relapsed = 0) is reported once as not applicable, not as missing
// data, and the hover on its header gives the condition with its counts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, diagnosticText, hoverText, showFile, waitFor, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const file = 'relapse_cohort.csv';

/** 120 patients: relapsed 1 for every fourth (with a date), 0 otherwise (relapse_date empty). */
function relapseCsv(): string {
  const lines = ['id,race,sex,age,diagnosis,relapsed,relapse_date'];
  for (let i = 0; i < 120; i++) {
    const relapsed = i % 4 === 0 ? 1 : 0;
    lines.push(`${i + 1},${['White', 'Black or African American', 'Asian'][i % 3]},${i % 2 ? 'F' : 'M'},${40 + (i % 30)},C50.9,${relapsed},${relapsed ? '2021-05-14' : ''}`);
  }
  return lines.join('\n') + '\n';
}

suite('structural missingness', () => {
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(file)).then(undefined, () => undefined);
  });

  test('relapse_date is not applicable when relapsed = 0: one information finding, and the condition in the hover', async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(file), new TextEncoder().encode(relapseCsv()));
    const doc = await showFile(file, 'csv');
    const uri = doc.uri;
    const diagnostics = await waitForDiagnostics(uri, 'phenotype-not-applicable', (ds) => withCode(ds, 'phenotype-not-applicable').length > 0);
    const [finding] = withCode(diagnostics, 'phenotype-not-applicable');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Information, describeDiagnostics(uri));
    assert.match(diagnosticText(finding), /Column "relapse_date" is not applicable when "relapsed" is "0": empty in 90 of the 90 rows where it is \(100%\)/);
    // 90 of 120 empty would otherwise be a phenotype-values-missing warning.
    assert.equal(withCode(diagnostics, 'phenotype-values-missing').length, 0, describeDiagnostics(uri));

    const header = doc.lineAt(0).text;
    const start = header.indexOf('relapse_date');
    assert.equal(doc.getText(finding.range), 'relapse_date');
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, start + 3));
      const t = hoverText(hovers ?? []);
      return /not applicable/.test(t) && t;
    }, 'a hover on relapse_date saying it is not applicable');
    assert.match(text, /Empty when "relapsed" is "0": 90 of the 90 rows where it is are empty \(100%\), and 90 of its 90 empty cells \(100%\) are on those rows/);
  });
});
