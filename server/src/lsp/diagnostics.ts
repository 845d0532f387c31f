// Delivers dataset diagnostics: pushed (publishDiagnostics) to clients without pull
// support, pulled (textDocument/diagnostic) by clients with it. Changes are debounced,
// and a result is never delivered for a version the document has already left.
import {
  DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError,
  type CancellationToken, type Connection, type DocumentDiagnosticReport, type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from './analyses';
import { describeError, type Logger } from './log';
import type { SettingsStore } from './settings';

export const debounceMs = 200;

export type DiagnosticMode = 'push' | 'pull';

export class DiagnosticsService {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastChange = new Map<string, number>();
  /** Push mode: documents we published for, to clear them when linting is disabled. */
  private readonly published = new Set<string>();
  /** Pull mode: told of every document the client pulls (Lint Workspace withdraws its pushed copy). */
  onPull?: (uri: string) => void;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: AnalysisStore,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
    readonly mode: DiagnosticMode,
    private readonly canRefresh: boolean,
  ) {
    if (mode === 'pull') connection.languages.diagnostics.on((params, token) => this.pull(params.textDocument.uri, params.previousResultId, token));
  }

  opened(doc: TextDocument): void {
    if (this.mode === 'push' && this.analyses.isLinted(doc)) this.schedule(doc.uri, 0);
  }

  changed(doc: TextDocument): void {
    this.lastChange.set(doc.uri, Date.now());
    // A published document that stopped being one of ours (a schema edited into plain JSON) is cleared.
    if (this.mode === 'push' && (this.published.has(doc.uri) || this.analyses.isLinted(doc))) this.schedule(doc.uri, debounceMs);
  }

  closed(doc: TextDocument): void {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.delete(doc.uri);
    this.lastChange.delete(doc.uri);
    this.analyses.drop(doc.uri);
    if (this.published.delete(doc.uri)) void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
  }

  /** Settings or a policy changed: relint every open dataset. */
  refreshAll(): void {
    if (this.mode === 'pull') {
      if (this.canRefresh) this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.documents.all()) if (this.analyses.isLinted(doc)) this.schedule(doc.uri, debounceMs);
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri).catch((error) => this.log.error(`Publishing diagnostics failed.\n${describeError(error)}`));
    }, delay));
  }

  private async publish(uri: string): Promise<void> {
    await this.settings.ready();
    const doc = this.documents.get(uri);
    if (!doc) return;
    if (!this.settings.current.enable) {
      if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (!this.analyses.isLinted(doc)) {
      if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    const entry = await this.analyses.settled(doc);
    // A change that arrived meanwhile has its own timer; its result supersedes this one.
    if (!entry || this.documents.get(uri)?.version !== entry.version || this.timers.has(uri)) return;
    this.published.add(uri);
    await this.connection.sendDiagnostics({ uri, version: entry.version, diagnostics: entry.diagnostics });
  }

  private async pull(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const report = await this.pullReport(uri, previousResultId, token);
    // The pushed copy (Lint Workspace's, from disk) goes only now, as the pulled ones arrive:
    // withdrawn at the request, the document showed no diagnostics for as long as its lint
    // took, and a quick fix asked for meanwhile found none to fix.
    this.onPull?.(uri);
    return report;
  }

  private async pullReport(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    await this.settings.ready();
    if (!this.documents.get(uri)) return empty;
    await this.quiet(uri, token);
    const doc = this.documents.get(uri);
    if (!doc || !this.settings.current.enable || !this.analyses.isLinted(doc)) return empty;
    const entry = await this.analyses.settled(doc);
    // The document changed while it was linted: the client pulls again for the new version.
    if (!entry) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
    const resultId = `${entry.generation}:${entry.version}`;
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: entry.diagnostics };
  }

  /** Waits until the document has not changed for the debounce interval. */
  private async quiet(uri: string, token: CancellationToken): Promise<void> {
    for (;;) {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
      const wait = (this.lastChange.get(uri) ?? 0) + debounceMs - Date.now();
      if (wait <= 0) return;
      await new Promise((done) => setTimeout(done, wait));
      if (!this.documents.get(uri)) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document closed', { retriggerRequest: false });
    }
  }
}
