// Acceptance: outcomes in the real editor. A cohort in outcome-demo/ whose model calls
// live in predictions.csv beside it (outcome.predictions, joined on participant_id):
// the error-disparity warning names which error falls on which group, hovering the label
// header shows the per-group table, and the policy completes the outcome keys. The folder
// keeps the policy away from the datasets at the workspace root.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, describeDiagnostics, diagnosticText, hoverText, showFile, waitFor, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const folder = 'outcome-demo';
const policyText = 'outcome:\n  label: diagnosis\n  prediction: model_call\n  predictions: predictions.csv\n  join: participant_id\n';

/** 100 White rows with 10 false positives among 50 negatives, 100 Asian rows with 35. */
function tables(): { cohort: string; predictions: string } {
  const cohort = ['participant_id,race,diagnosis'];
  const predictions = ['participant_id,model_call'];
  let id = 0;
  for (const [race, falsePositives] of [['White', 10], ['Asian', 35]] as const) {
    for (let i = 0; i < 100; i++) {
      const key = `S${1000 + id++}`;
      cohort.push(`${key},${race},${i < 50 ? 1 : 0}`);
      predictions.push(`${key},${i < 50 || i - 50 < falsePositives ? 1 : 0}`);
    }
  }
  return { cohort: cohort.join('\n') + '\n', predictions: predictions.join('\n') + '\n' };
}

suite('outcomes', () => {
  suiteSetup(async () => {
    await activateExtension();
    const encode = (text: string) => new TextEncoder().encode(text);
    const { cohort, predictions } = tables();
    await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/cohortlint.yaml`), encode(policyText));
    await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/predictions.csv`), encode(predictions));
    await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/cohort.csv`), encode(cohort));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true }).then(undefined, () => undefined);
  });

  test('an error-disparity warning on the label header, and the group table in its hover', async () => {
    const doc = await showFile(`${folder}/cohort.csv`, 'csv');
    const diagnostics = await waitForDiagnostics(doc.uri, 'outcome-error-disparity', (ds) => withCode(ds, 'outcome-error-disparity').length > 0);
    const [finding] = withCode(diagnostics, 'outcome-error-disparity');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(finding.range), 'diagnosis', describeDiagnostics(doc.uri));
    assert.match(diagnosticText(finding), /false positives \(false positive rate\): Asian 70(\.0)?% \(35 of 50; 95% CI [\d.]+%–[\d.]+%\) vs White 20(\.0)?% \(10 of 50;/);
    assert.doesNotMatch(diagnosticText(finding), /S1\d{3}/, 'no participant ids');

    const at = new vscode.Position(0, doc.lineAt(0).text.indexOf('diagnosis') + 3);
    const hover = await waitFor(async () => {
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
      return text.includes('by group') && text;
    }, 'the outcome hover on the label header');
    assert.match(hover, /\| Asian \| 100 \| 50(\.0)?% \([\d.]+%–[\d.]+%\) \| 85(\.0)?% /, hover);
    assert.match(hover, /\| White \| 100 \|/);
  });

  test('the policy completes the outcome keys from its schema', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(`${folder}/cohortlint.yaml`));
    await vscode.window.showTextDocument(doc, { preview: false });
    const editor = vscode.window.activeTextEditor!;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((e) => e.insert(end, '  ')), 'the edit applied');
    const where = doc.lineAt(doc.lineCount - 1).range.end;
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, where);
      const found = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return found.includes('threshold') && found;
    }, 'outcome key completions');
    for (const key of ['score', 'threshold', 'groups', 'minGroupSize', 'maxRatioGap', 'maxDifference']) assert.ok(labels.includes(key), `${key} among ${labels.join(', ')}`);
  });
});
