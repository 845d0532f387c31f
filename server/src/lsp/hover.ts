// Hover: the engine's markdown for the position (the group table on an ancestry header).
import { MarkupKind, type Connection, type Hover, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from './analyses';
import type { Engine } from './engine';
import { describeError, type Logger } from './log';
import type { SettingsStore } from './settings';

export function registerHover(
  connection: Connection, documents: TextDocuments<TextDocument>, engine: Engine,
  analyses: AnalysisStore, settings: SettingsStore, log: Logger,
): void {
  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    await settings.ready();
    const doc = documents.get(textDocument.uri);
    if (!doc || !settings.current.enable || !analyses.isLinted(doc)) return null;
    const { analysis } = analyses.current(doc);
    if (!analysis) return null;
    try {
      const markdown = engine.hoverAt(analysis, position);
      return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown } } : null;
    } catch (error) {
      log.error(`Hover failed.\n${describeError(error)}`);
      return null;
    }
  });
}
