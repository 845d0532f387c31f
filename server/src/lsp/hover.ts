// Hover: the engine's markdown for the position (the group table on an ancestry header),
// and in the policy file the schema's description of a key, a rule or a reference.
import { MarkupKind, type Connection, type Hover, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from './analyses';
import type { Engine } from './engine';
import { describeError, type Logger } from './log';
import type { SettingsStore } from './settings';
import { uriToPath } from './workspaceFiles';

export function registerHover(
  connection: Connection, documents: TextDocuments<TextDocument>, engine: Engine,
  analyses: AnalysisStore, settings: SettingsStore, log: Logger,
): void {
  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    await settings.ready();
    const doc = documents.get(textDocument.uri);
    if (!doc || !settings.current.enable) return null;
    const path = uriToPath(doc.uri);
    try {
      if (path && engine.isPolicyFile(path)) {
        const markdown = engine.policyHoverAt(path, doc.getText(), position);
        return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown } } : null;
      }
      if (!analyses.isLinted(doc)) return null;
      // While the current version is linted, the last finished analysis answers (staleView.ts).
      const answer = await analyses.forRequest(doc, [position]);
      const analysis = answer?.entry.analysis;
      const at = answer?.view ? answer.view.toAnalysed(position) : position;
      if (!analysis || !at) return null;
      const markdown = engine.hoverAt(analysis, at);
      return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown } } : null;
    } catch (error) {
      log.error(`Hover failed.\n${describeError(error)}`);
      return null;
    }
  });
}
