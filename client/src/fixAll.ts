// "Fix All" for the active file: the server's source.fixAll.cohortLint action (the same one
// editor.codeActionsOnSave runs), which holds only fixes safe to apply unattended.
import { CodeActionKind, Range, commands, window, workspace, type CodeAction } from 'vscode';

export const fixAllKind = CodeActionKind.SourceFixAll.append('cohortLint');

/** Applies the fix-all edit to the active document; true when something changed. */
export async function fixAllInActiveFile(): Promise<boolean> {
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showInformationMessage('Cohort Lint: open a dataset to fix.');
    return false;
  }
  const doc = editor.document;
  const whole = new Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions = await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, fixAllKind.value) ?? [];
  const action = actions.find((a) => a.kind && fixAllKind.contains(a.kind) && a.edit);
  if (!action?.edit) {
    void window.showInformationMessage('Cohort Lint: nothing in this file can be fixed unattended.');
    return false;
  }
  return workspace.applyEdit(action.edit);
}
