// Code actions beside the quick fixes: per rule, "Turn off <rule> in cohortlint.yaml" (an
// edit of the governing policy, or a new one) and "Show documentation for <rule>" (the
// server asks the client to open the rule's page, window/showDocument); and for the whole
// document, Fix All (source.fixAll.cohortLint, also run by editor.codeActionsOnSave),
// which applies only the fixes their providers mark safe for unattended use.
import { dirname } from 'node:path';
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { AnalysisEntry } from './analyses';
import { analysisFailedCode } from './diagnosticMapping';
import type { Engine, Fix } from './engine';
import { describeError, type Logger } from './log';
import { uriToPath, type WorkspaceFiles } from './workspaceFiles';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.cohortLint`;
export const showDocumentationCommand = 'cohortLint.showDocumentation';

/** Whether the request's `only` asks for Fix All: `source`, `source.fixAll` or ours. */
export function wantsFixAll(only: string[] | undefined): boolean {
  return only !== undefined && only.some((kind) => kind !== '' && (fixAllKind === kind || fixAllKind.startsWith(`${kind}.`)));
}

type ToEdit = (fix: Fix) => WorkspaceEdit | undefined;

export function fixAllAction(entry: AnalysisEntry, engine: Engine, files: WorkspaceFiles, toEdit: ToEdit, log: Logger): CodeAction | undefined {
  if (!entry.analysis || !entry.policy) return undefined;
  try {
    const result = engine.fixAllFor(entry.analysis, entry.policy, files.read);
    const edit = result && toEdit(result.fix);
    return edit ? { title: result.fix.title, kind: fixAllKind, edit } : undefined;
  } catch (error) {
    log.error(`Fix All failed.\n${describeError(error)}`);
    return undefined;
  }
}

/** One "Turn off" and one "Show documentation" action per rule among the diagnostics. */
export function ruleActions(
  diagnostics: Diagnostic[], entry: AnalysisEntry, engine: Engine, files: WorkspaceFiles, toEdit: ToEdit,
  canShowDocument: boolean, log: Logger,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const rule = diagnostic.code;
    if (typeof rule !== 'string' || rule === analysisFailedCode || seen.has(rule)) continue;
    seen.add(rule);
    const path = uriToPath(entry.uri);
    if (entry.policy && path) {
      try {
        // A new policy goes to the workspace root, so it covers the other datasets too.
        const fix = engine.turnOffRuleFix(rule, entry.policy, files.read, files.rootFor(path) ?? dirname(path));
        const edit = fix && toEdit(fix);
        if (fix && edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
      } catch (error) {
        log.error(`Turning off ${rule} failed.\n${describeError(error)}`);
      }
    }
    const href = diagnostic.codeDescription?.href;
    if (canShowDocument && href) {
      const title = `Show documentation for ${rule}`;
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: showDocumentationCommand, arguments: [href] } });
    }
  }
  return actions;
}

/** Opens a rule's page in the client: a local page in the editor, a web page outside. */
export async function showDocumentation(connection: Connection, href: unknown): Promise<boolean> {
  if (typeof href !== 'string' || !/^(file|https?):/i.test(href)) return false;
  const result = await connection.window.showDocument({ uri: href, external: !href.startsWith('file:'), takeFocus: true });
  return result.success;
}
