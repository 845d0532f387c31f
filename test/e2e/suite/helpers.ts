// Shared by the e2e tests: polling waits (never fixed sleeps), opening workspace files in
// a shown editor, and reading Cohort Lint's diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const extensionId = 'cohort-lint.cohort-lint';
export const source = 'cohort-lint';
export const panelFile = 'integrated_call_samples_v3.20130502.ALL.panel';
export const diabeticFile = 'diabetic_data.csv';

/**
 * Polls `probe` every 20 ms until it returns something truthy and returns that; throws
 * after `timeoutMs` with `what` and, if given, `state()` describing what was seen instead.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  { timeoutMs = 20_000, state }: { timeoutMs?: number; state?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${state ? `; saw: ${state()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, `extension ${extensionId} is not installed in this VS Code`);
  await ext.activate();
  return ext;
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * Opens a workspace file in an editor (pull diagnostics are only requested for shown
 * documents) with the given language id.
 */
export async function showFile(name: string, languageId: string): Promise<vscode.TextDocument> {
  await activateExtension();
  let doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  if (doc.languageId !== languageId) doc = await vscode.languages.setTextDocumentLanguage(doc, languageId);
  await vscode.window.showTextDocument(doc, { preview: false });
  assert.equal(doc.languageId, languageId);
  return doc;
}

/** The rule id: VS Code gives `{ value, target }` when the diagnostic links to its docs. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function lintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = lintDiagnostics(uri);
  if (!all.length) return 'no cohort-lint diagnostics';
  return all
    .map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} [${vscode.DiagnosticSeverity[d.severity]}] ${d.message}`)
    .join('\n  ');
}

/** Waits until the document's cohort-lint diagnostics satisfy `ready`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const ds = lintDiagnostics(uri);
      return ready(ds) && ds;
    },
    what,
    { timeoutMs, state: () => describeDiagnostics(uri) },
  );
}

export function withCode(diagnostics: vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === code);
}

/** Code actions at a range; commands (which carry no edit) are left out. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const items = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range,
  );
  return (items ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies what a code action does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Closes every editor, reverting unsaved changes, so tests do not see each other's edits. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A diagnostic's verdict and the arithmetic VS Code shows under it (its related information). */
export function diagnosticText(d: vscode.Diagnostic): string {
  return [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)].join(' ');
}
