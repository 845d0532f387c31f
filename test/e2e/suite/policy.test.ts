// Acceptance: the policy file as a document in the real editor. Completion offers the
// reference populations after `ancestry.reference:`, hovering a rule id under `rules:`
// shows its description, and an out-of-range value is a config-invalid diagnostic on its
// line that goes when the value is corrected (unsaved); the corrected policy then governs
// the dataset next to it. The policy lives in its own folder (policy-demo/), so the
// datasets at the workspace root and the acknowledge test's cohortlint.yaml are unaffected.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, codeOf, describeDiagnostics, hoverText, waitFor, waitForDiagnostics, withCode, workspaceUri,
} from './helpers';

const folder = 'policy-demo';
const policyLines = [
  '# Policy for the demo cohort',
  'ancestry:',
  '  reference: us-census-2020',
  '  minRatio: 2',
  'rules:',
  '  ancestry-group-small: off',
  '',
];
const referenceLine = 2;
const minRatioLine = 3;
const ruleLine = 5;

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('policy file', () => {
  const policy = () => workspaceUri(`${folder}/cohortlint.yaml`);

  suiteSetup(async () => {
    await activateExtension();
    const encode = (text: string) => new TextEncoder().encode(text);
    await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/participants.csv`), encode('id,race\n1,White\n2,Asian\n3,White\n'));
    await vscode.workspace.fs.writeFile(policy(), encode(policyLines.join('\n')));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true }).then(undefined, () => undefined);
  });

  test('cohortlint.yaml: reference completion, rule hover, config-invalid on minRatio: 2 until it is corrected', async () => {
    const doc = await vscode.workspace.openTextDocument(policy());
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const uri = doc.uri;

    const valueAt = new vscode.Position(referenceLine, policyLines[referenceLine].indexOf(':') + 2);
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, valueAt);
      const found = (list?.items ?? []).map(labelOf);
      return found.includes('global') && found;
    }, 'reference completions after "reference:"');
    for (const reference of ['global', '1000g', 'us-census-2020', 'gnomad-v4']) {
      assert.ok(labels.includes(reference), `${reference} among ${labels.join(', ')}`);
    }

    const ruleAt = new vscode.Position(ruleLine, 6);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, ruleAt));
    assert.match(hover, /ancestry-group-small/);
    assert.match(hover, /fewer rows than minCount/, hover);
    assert.match(hover, /ancestry-group-small\.md/);

    const [invalid] = withCode(
      await waitForDiagnostics(uri, `config-invalid on line ${minRatioLine + 1}`, (ds) => withCode(ds, 'config-invalid').some((d) => d.range.start.line === minRatioLine)),
      'config-invalid',
    ).filter((d) => d.range.start.line === minRatioLine);
    assert.match(invalid.message, /minRatio/, describeDiagnostics(uri));
    assert.ok(
      withCode(vscode.languages.getDiagnostics(uri), 'config-invalid').every((d) => d.range.start.line === minRatioLine),
      `config-invalid only on the minRatio line: ${describeDiagnostics(uri)}`,
    );
    assert.ok(vscode.languages.getDiagnostics(uri).every((d) => codeOf(d) !== undefined));

    const value = policyLines[minRatioLine].indexOf('2');
    const edited = await editor.edit((edit) => edit.replace(new vscode.Range(minRatioLine, value, minRatioLine, value + 1), '0.5'));
    assert.ok(edited, 'the edit applied');
    await waitForDiagnostics(uri, 'config-invalid gone after minRatio: 0.5 (unsaved)', (ds) => withCode(ds, 'config-invalid').length === 0);

    // The corrected, still unsaved policy governs the dataset in its folder: ancestry-group-small is off there.
    const data = await vscode.workspace.openTextDocument(workspaceUri(`${folder}/participants.csv`));
    await vscode.window.showTextDocument(data, { preview: false });
    await waitForDiagnostics(data.uri, 'the dataset linted under the policy (ancestry-group-small off)', (ds) =>
      // Three rows: no one of a group is not improbable, so the groups are unobserved rather than absent.
      withCode(ds, 'ancestry-group-unobserved').length > 0 && withCode(ds, 'ancestry-group-small').length === 0);
  });
});
