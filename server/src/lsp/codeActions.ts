// Quick fixes: the engine's Fix objects as code actions carrying their WorkspaceEdit.
// Explicit requests get the edit on the action (VS Code's executeCodeActionProvider does
// not resolve without a resolve count); automatic ones (the light bulb, on every cursor
// move) get it through codeAction/resolve, as a label fix may hold an edit per row.
// A fix too large to ship with every explicit request (a column of a 19 MB table, merged
// into one edit of the whole span) is offered as a command instead: the server computes
// and applies it (workspace/applyEdit) only when it is picked.
import {
  CodeActionKind, CodeActionTriggerKind, MessageType, ShowMessageNotification, type ClientCapabilities, type CodeAction, type CodeActionParams, type Connection,
  type Diagnostic, type Range, type TextDocuments, type WorkspaceEdit, type TextDocumentEdit, type CreateFile,
} from 'vscode-languageserver/node';
import { isAbsolute } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisEntry, AnalysisStore } from './analyses';
import { diagnosticSource } from './diagnosticMapping';
import type { DocumentAnalysis, Engine, Finding, Fix } from './engine';
import { describeError, type Logger } from './log';
import type { SettingsStore } from './settings';
import { fixAllAction, ruleActions, showDocumentation, showDocumentationCommand, wantsFixAll } from './ruleActions';
import { uriToPath, type WorkspaceFiles } from './workspaceFiles';
import type { StaleView } from './staleView';

export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
  /** The client can fill in an action's edit later (codeAction/resolve). */
  resolveEdit: boolean;
  /** The client applies edits the server sends (workspace/applyEdit): large fixes can be commands. */
  applyEdit: boolean;
  /** The client opens documents the server names (window/showDocument): "Show documentation". */
  showDocument: boolean;
}

/** The commands this server executes, given what the client can do. */
export function serverCommands(capabilities: EditCapabilities): string[] {
  return [...(capabilities.applyEdit ? [applyFixCommand] : []), ...(capabilities.showDocument ? [showDocumentationCommand] : [])];
}

/** The command a large fix is offered as; its one argument is a DeferredFix. */
export const applyFixCommand = 'cohortLint.applyFix';

/**
 * Characters of replacement text above which an explicit request gets a command rather
 * than the edit. The diabetes table's race header had five fixes of 19 MB each: 97 MB per
 * request, which VS Code took some 17 s to pass between its processes.
 */
export const inlineEditLimit = 1_000_000;

export function editCapabilities(capabilities: ClientCapabilities): EditCapabilities {
  const edit = capabilities.workspace?.workspaceEdit;
  const codeAction = capabilities.textDocument?.codeAction;
  return {
    documentChanges: edit?.documentChanges === true,
    createFiles: edit?.resourceOperations?.includes('create') === true,
    resolveEdit: codeAction?.dataSupport === true && codeAction.resolveSupport?.properties.includes('edit') === true,
    applyEdit: capabilities.workspace?.applyEdit === true,
    showDocument: capabilities.window?.showDocument?.support === true,
  };
}

/** What a deferred action carries to be resolved: the finding and which of its fixes. */
interface DeferredFix {
  uri: string;
  version: number;
  finding: Pick<Finding, 'code' | 'messageId' | 'data' | 'range'>;
  index: number;
  title: string;
}

export function registerCodeActions(
  connection: Connection, documents: TextDocuments<TextDocument>, engine: Engine, files: WorkspaceFiles,
  analyses: AnalysisStore, settings: SettingsStore, capabilities: EditCapabilities, log: Logger,
): void {
  const fixesOf = (entry: AnalysisEntry, finding: Pick<Finding, 'code' | 'messageId' | 'data' | 'range'>): Fix[] => {
    if (!entry.analysis || !entry.policy) return [];
    const key = stableJson(finding);
    entry.fixes ??= new Map();
    let fixes = entry.fixes.get(key);
    if (!fixes) {
      try {
        fixes = engine.fixesFor(entry.analysis, finding, entry.policy, files.read);
      } catch (error) {
        log.error(`Quick fixes for ${finding.code} failed.\n${describeError(error)}`);
        fixes = [];
      }
      entry.fixes.set(key, fixes);
    }
    return fixes;
  };

  const toEdit = (fix: Fix) => toWorkspaceEdit(fix, files, capabilities);

  /**
   * Per diagnostic (in the current text), the fixes of its finding in the older analysis
   * the view shows, with this document's edits moved into the current text; undefined
   * when a diagnostic or an edit touches the changed span (the current analysis decides).
   */
  const mappedFixes = (view: StaleView, diagnostics: Diagnostic[], doc: TextDocument): Map<Diagnostic, Fix[]> | undefined => {
    const path = uriToPath(doc.uri);
    const byDiagnostic = new Map<Diagnostic, Fix[]>();
    for (const diagnostic of diagnostics) {
      const start = view.toAnalysed(diagnostic.range.start);
      const end = view.toAnalysed(diagnostic.range.end);
      if (!start || !end || !view.entry.analysis) return undefined;
      const fixes: Fix[] = [];
      for (const fix of fixesOf(view.entry, findingFor(view.entry.analysis, { ...diagnostic, range: { start, end } }))) {
        const changes: Fix['changes'] = [];
        for (const change of fix.changes) {
          if (change.path !== path) { changes.push(change); continue; }
          const edits = change.edits.map((edit) => ({ ...edit, range: view.toCurrent(edit.range) }));
          if (edits.some((edit) => !edit.range)) return undefined;
          changes.push({ ...change, edits: edits as typeof change.edits });
        }
        fixes.push({ ...fix, changes });
      }
      byDiagnostic.set(diagnostic, fixes);
    }
    return byDiagnostic;
  };

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const only = params.context.only;
    const fixAll = wantsFixAll(only);
    if (only && !fixAll && !only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix)) return [];
    await settings.ready();
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !settings.current.enable || !analyses.isLinted(doc)) return [];
    // Fix All (and fix on save) asks for source actions only: the whole document's safe fixes, of this version.
    if (fixAll) {
      const entry = await analyses.settled(doc);
      const action = entry?.analysis && fixAllAction(entry, engine, files, toEdit, log);
      return action ? [action] : [];
    }
    const ours = params.context.diagnostics.filter((d) => d.source === diagnosticSource && touches(d.range, params.range));
    // While the current version is linted, the last finished analysis answers when every
    // position involved maps into it and so do its fixes' edits (staleView.ts).
    const positions = [params.range.start, params.range.end, ...ours.flatMap((d) => [d.range.start, d.range.end])];
    let answer = await analyses.forRequest(doc, positions);
    let mapped = answer?.view && mappedFixes(answer.view, ours, doc);
    if (answer?.view && !mapped) {
      const entry = await analyses.settled(doc);
      answer = entry && { entry };
      mapped = undefined;
    }
    const entry = answer?.entry;
    if (!entry?.analysis) return [];
    // Editors ask automatically whenever the cursor moves (for the light bulb). A label fix
    // can hold an edit per row, so then the edit is only computed into the action when one
    // is picked. Explicit requests (and vscode.executeCodeActionProvider) get it at once.
    const defer = capabilities.resolveEdit && params.context.triggerKind === CodeActionTriggerKind.Automatic;
    const actions: CodeAction[] = [];
    for (const diagnostic of ours) {
      if (typeof diagnostic.code !== 'string') continue;
      const finding = findingFor(entry.analysis, diagnostic);
      (mapped?.get(diagnostic) ?? fixesOf(entry, finding)).forEach((fix, index) => {
        const edit = toWorkspaceEdit(fix, files, capabilities);
        if (!edit) return;
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred };
        // Resolved against the current version's analysis: the finding where the document has it now.
        const deferred: DeferredFix = { uri: doc.uri, version: doc.version, finding: mapped ? { ...finding, range: diagnostic.range } : finding, index, title: fix.title };
        if (defer) action.data = deferred;
        else if (capabilities.applyEdit && replacementSize(fix) > inlineEditLimit) action.command = { title: fix.title, command: applyFixCommand, arguments: [deferred] };
        else action.edit = edit;
        actions.push(action);
      });
    }
    actions.push(...ruleActions(ours, entry, engine, files, toEdit, capabilities.showDocument, log));
    return actions;
  });

  /** The fix a deferred action stands for, if the document is still where it was when offered. */
  const fixFor = async (deferred: DeferredFix): Promise<Fix | undefined> => {
    const doc = documents.get(deferred.uri);
    // The document moved on since the action was offered: its edit would land in the wrong places.
    if (!doc || doc.version !== deferred.version) return undefined;
    const entry = await analyses.settled(doc);
    const fix = entry && fixesOf(entry, deferred.finding)[deferred.index];
    return fix?.title === deferred.title ? fix : undefined;
  };

  connection.onCodeActionResolve(async (action: CodeAction): Promise<CodeAction> => {
    const deferred = action.data as DeferredFix | undefined;
    if (action.edit || !deferred) return action;
    const fix = await fixFor(deferred);
    return fix ? { ...action, edit: toWorkspaceEdit(fix, files, capabilities) } : action;
  });

  connection.onExecuteCommand(async ({ command, arguments: args }): Promise<boolean> => {
    if (command === showDocumentationCommand) return showDocumentation(connection, args?.[0]);
    if (command !== applyFixCommand || !isRecord(args?.[0])) return false;
    const deferred = args[0] as unknown as DeferredFix;
    const fix = await fixFor(deferred);
    const edit = fix && toWorkspaceEdit(fix, files, capabilities);
    if (!edit) {
      // A notification: the request form would leave a promise waiting on the user.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning, message: `Cohort Lint: the file changed since "${deferred.title}" was offered; ask for the quick fix again.`,
      });
      return false;
    }
    const result = await connection.workspace.applyEdit({ label: fix.title, edit });
    return result.applied;
  });
}

/** Characters the fix's edits insert: what its WorkspaceEdit weighs on the wire. */
function replacementSize(fix: Fix): number {
  let size = 0;
  for (const change of fix.changes) for (const edit of change.edits) size += edit.newText.length;
  return size;
}

/** Whether two ranges overlap or touch, as VS Code picks the diagnostics it sends along. */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

/** The cached finding behind a diagnostic; the diagnostic's own fields when it is not cached. */
function findingFor(analysis: DocumentAnalysis, diagnostic: Diagnostic): Pick<Finding, 'code' | 'messageId' | 'data' | 'range'> {
  const { messageId, ...data } = isRecord(diagnostic.data) ? diagnostic.data : {};
  const sameSpot = analysis.findings.filter((f) => f.code === diagnostic.code && f.messageId === messageId && sameJson(f.range, diagnostic.range));
  const match = sameSpot.find((f) => sameJson(f.data ?? {}, data)) ?? (sameSpot.length === 1 ? sameSpot[0] : undefined);
  return match ?? { code: diagnostic.code as string, messageId: typeof messageId === 'string' ? messageId : '', data, range: diagnostic.range };
}

function toWorkspaceEdit(fix: Fix, files: WorkspaceFiles, capabilities: EditCapabilities): WorkspaceEdit | undefined {
  // An unsaved (untitled) dataset has no folder to put a policy file in.
  if (fix.changes.some((change) => !isAbsolute(change.path))) return undefined;
  if (capabilities.documentChanges) {
    const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
    for (const change of fix.changes) {
      const open = files.openDocumentAt(change.path);
      const uri = open?.uri ?? files.uriFor(change.path);
      if (change.create) {
        if (!capabilities.createFiles) return undefined;
        documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
      }
      documentChanges.push({ textDocument: { uri, version: open?.version ?? null }, edits: change.edits });
    }
    return { documentChanges };
  }
  // Without documentChanges a client cannot create a file, so such a fix is not offered.
  if (fix.changes.some((change) => change.create && !files.exists(change.path))) return undefined;
  const changes: WorkspaceEdit['changes'] = {};
  for (const change of fix.changes) {
    const uri = files.uriFor(change.path);
    changes[uri] = [...(changes[uri] ?? []), ...change.edits];
  }
  return { changes };
}

function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
