// Completion in the policy file: keys, rule ids, reference names and severities from the
// policy's JSON Schema, served by this server so no YAML/JSON extension is needed.
import { CompletionItemKind, MarkupKind, type CompletionItem, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from './engine';
import { describeError, type Logger } from './log';
import type { SettingsStore } from './settings';
import { uriToPath } from './workspaceFiles';

export const completionTriggers = [':', ' ', '"', '-'];

export function registerCompletion(
  connection: Connection, documents: TextDocuments<TextDocument>, engine: Engine, settings: SettingsStore, log: Logger,
): void {
  connection.onCompletion(async ({ textDocument, position }): Promise<CompletionItem[]> => {
    await settings.ready();
    const doc = documents.get(textDocument.uri);
    const path = doc ? uriToPath(doc.uri) : undefined;
    if (!doc || !path || !settings.current.enable || !engine.isPolicyFile(path)) return [];
    try {
      return engine.policyCompletions(path, doc.getText(), position).map((c) => ({
        label: c.label,
        kind: c.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
        detail: c.detail,
        documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
        insertText: c.insertText,
      }));
    } catch (error) {
      log.error(`Completion failed.\n${describeError(error)}`);
      return [];
    }
  });
}
