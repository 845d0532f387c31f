// Acceptance: acknowledging an under-represented group writes it to cohortlint.yaml and
// demotes that finding to a hint.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, codeActionsAt, describeDiagnostics, panelFile, showFile, waitFor,
  waitForDiagnostics, withCode, workspaceUri,
} from './helpers';

const groupsIn = (message: string) => message.match(/\b(AFR|AMR|EAS|EUR|SAS)\b/g) ?? [];

async function policyText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

suite('c acknowledge', () => {
  const policy = () => workspaceUri('cohortlint.yaml');

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(policy()).then(undefined, () => undefined);
  });

  test('the Acknowledge fix records the group in cohortlint.yaml and the finding becomes a hint', async () => {
    const doc = await showFile(panelFile, 'tsv');
    const uri = doc.uri;
    const [target] = withCode(
      await waitForDiagnostics(uri, 'ancestry-underrepresented', (ds) => withCode(ds, 'ancestry-underrepresented')
        .some((d) => d.severity !== vscode.DiagnosticSeverity.Hint)),
      'ancestry-underrepresented',
    ).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);

    const actions = await codeActionsAt(uri, target.range);
    const acknowledge = actions.find((a) => a.title.startsWith('Acknowledge'));
    assert.ok(acknowledge, `no Acknowledge action; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    await applyCodeAction(acknowledge);

    // If the fix left the policy open and unsaved, save it as a user would.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === policy().toString());
    if (open?.isDirty) await open.save();
    await waitFor(async () => (await policyText(policy()))?.includes('acknowledged:'), 'cohortlint.yaml with an acknowledged: entry', {
      state: () => 'no such file or entry yet',
    });

    const groups = groupsIn(target.message);
    await waitForDiagnostics(uri, `the acknowledged finding (${groups[0] ?? 'any group'}) as a Hint`, (ds) =>
      withCode(ds, 'ancestry-underrepresented').some((d) =>
        d.severity === vscode.DiagnosticSeverity.Hint && (!groups.length || groupsIn(d.message)[0] === groups[0])),
    );
    assert.ok(describeDiagnostics(uri));
  });
});
