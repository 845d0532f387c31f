// "Lint Workspace": the client names each file (cohortLint/lintFile, one request per file,
// so it can show progress and cancel between files); the server lints it from disk as the
// CLI does (datasets over 8 MiB streamed in bounded memory) and pushes its diagnostics.
// An open document is linted as it is in the editor, not as on disk. With push
// diagnostics it already has them; with pull diagnostics the editor asks only for the
// documents it shows, so an open one gets a pushed copy, withdrawn as soon as the editor
// pulls its own (a refresh makes it pull the shown ones at once; one in no tab keeps the
// copy). A closed document is linted from disk again.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { LSPErrorCodes, RequestType, ResponseError, type CancellationToken, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './diagnosticMapping';
import type { AnalysisStore } from './analyses';
import type { DiagnosticMode } from './diagnostics';
import type { Engine } from './engine';
import { describeError, type Logger } from './log';
import type { PolicyStore } from './policies';
import type { SettingsStore } from './settings';
import { uriToPath, type WorkspaceFiles } from './workspaceFiles';

export interface LintFileParams {
  uri: string;
  /** The language the client associates with the file (a `.panel` file as tsv). */
  languageId?: string;
}

export interface LintFileResult {
  /** False when the file is not one Cohort Lint lints (plain JSON, say) or is open in an editor. */
  linted: boolean;
  findings: number;
  /** Read in bounded memory rather than whole. */
  streamed?: boolean;
}

export const lintFileRequest = new RequestType<LintFileParams, LintFileResult, void>('cohortLint/lintFile');

/** Same threshold as the CLI: larger datasets are streamed from disk. */
const STREAM_ABOVE_BYTES = 8 * 1024 * 1024;

export class WorkspaceLint {
  /** Files whose diagnostics we pushed, by URI. */
  private readonly published = new Map<string, LintFileParams>();
  /** Files Lint Workspace named, by URI: linted from disk again when closed. */
  private readonly namedFiles = new Map<string, LintFileParams>();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly engine: Engine,
    private readonly files: WorkspaceFiles,
    private readonly policies: PolicyStore,
    private readonly settings: SettingsStore,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: AnalysisStore,
    private readonly mode: DiagnosticMode,
    private readonly refresh: () => void,
    private readonly log: Logger,
  ) {
    connection.onRequest(lintFileRequest, (params, token) => this.lintFile(params, token));
  }

  /** The editor pulled the document's own diagnostics: the pushed copy would show twice. */
  pulled(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Back to the disk copy once the editor lets go (unsaved edits are gone with it). */
  closed(uri: string): void {
    const params = this.published.get(uri) ?? this.namedFiles.get(uri);
    if (params) this.lintFile(params).catch((error) => this.log.error(`Linting a closed file from disk failed.\n${describeError(error)}`));
  }

  async lintFile(params: LintFileParams, token?: CancellationToken): Promise<LintFileResult> {
    await this.settings.ready();
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const path = uriToPath(params.uri);
    if (!path || !this.settings.current.enable) return { linted: false, findings: 0 };
    this.namedFiles.set(params.uri, params);
    const open = this.documents.get(params.uri);
    if (open) return this.lintOpen(open, params);
    const name = basename(path);
    const started = performance.now();
    let diagnostics: Diagnostic[];
    let streamed = false;
    try {
      if (this.engine.isPolicyFile(path)) {
        // The policy store publishes a policy file's own diagnostics.
        this.policies.reload(path);
        return { linted: true, findings: this.policies.load(path).findings.length };
      }
      const size = statSync(path, { throwIfNoEntry: false })?.size;
      if (size === undefined) return { linted: false, findings: 0 };
      const policy = this.policies.forDataset(path);
      const workspaceRoot = this.files.rootFor(path);
      const { rules, maxProblems } = this.settings.current;
      const options = { ruleSeverity: rules, maxProblems };
      const table = /\.(csv|tsv|tab)$/i.test(path) || params.languageId === 'csv' || params.languageId === 'tsv';
      let analysis;
      if (/\.parquet$/i.test(path)) {
        streamed = true;
        const schema = this.engine.findDatasetSchema(path, policy, this.files.read, workspaceRoot);
        analysis = await this.engine.lintParquetFile(path, policy, options, { schema });
      } else if (size > STREAM_ABOVE_BYTES && table) {
        streamed = true;
        const schema = this.engine.findDatasetSchema(path, policy, this.files.read, workspaceRoot);
        const streamedAnalysis = await this.engine.lintDatasetFile(path, params.languageId, policy, options, { schema });
        analysis = this.engine.withCohortFindings(streamedAnalysis, { policy, read: this.files.read, workspaceRoot, options, streamed: true });
      } else {
        const text = this.files.read(path);
        if (text === undefined) return { linted: false, findings: 0 };
        analysis = this.engine.lintDocument(path, text, params.languageId, { policy, read: this.files.read, workspaceRoot, options });
      }
      if (!analysis) return { linted: false, findings: 0 };
      diagnostics = analysis.findings.map((finding) => toDiagnostic(finding, this.engine, params.uri));
    } catch (error) {
      this.log.error(`Could not lint ${name} from disk.\n${describeError(error)}`);
      return { linted: false, findings: 0 };
    }
    // It may have been opened while it was being linted: its text wins over the disk's.
    if (this.documents.get(params.uri)) return { linted: false, findings: 0 };
    this.published.set(params.uri, params);
    await this.connection.sendDiagnostics({ uri: params.uri, diagnostics });
    this.log.info(`Linted ${name} from disk${streamed ? ' (streamed)' : ''} in ${Math.round(performance.now() - started)} ms: ${diagnostics.length} findings.`);
    return { linted: true, findings: diagnostics.length, streamed };
  }

  /** An open document, as it is in the editor: pushed only where the editor would not pull it. */
  private async lintOpen(doc: TextDocument, params: LintFileParams): Promise<LintFileResult> {
    if (this.engine.isPolicyFile(uriToPath(doc.uri) ?? doc.uri)) return { linted: false, findings: 0 };
    if (!this.analyses.isLinted(doc)) return { linted: false, findings: 0 };
    // The lint under way for this version; should the document change meanwhile, the newer one's.
    let entry = await this.analyses.settled(doc);
    for (let tries = 0; !entry && tries < 3 && this.documents.get(doc.uri); tries++) entry = await this.analyses.settled(this.documents.get(doc.uri)!);
    if (!entry) return { linted: false, findings: 0 };
    const { diagnostics } = entry;
    if (this.mode === 'pull') {
      this.published.set(params.uri, params);
      await this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
      // Shown documents pull again and so drop the copy; one refresh for a run of files.
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(this.refresh, 200);
    }
    return { linted: true, findings: diagnostics.length };
  }
}
