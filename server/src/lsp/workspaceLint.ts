// "Lint Workspace": the client names each file (cohortLint/lintFile, one request per file,
// so it can show progress and cancel between files); the server lints it from disk as the
// CLI does (datasets over 8 MiB streamed in bounded memory) and pushes its diagnostics.
// An open document keeps its own diagnostics: its disk copy is not published, a copy
// published earlier is withdrawn when it opens, and linted from disk again when it closes.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { LSPErrorCodes, RequestType, ResponseError, type CancellationToken, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { toDiagnostic } from './diagnosticMapping';
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
  /** Files whose disk copy we published, by URI. */
  private readonly published = new Map<string, LintFileParams>();

  constructor(
    private readonly connection: Connection,
    private readonly engine: Engine,
    private readonly files: WorkspaceFiles,
    private readonly policies: PolicyStore,
    private readonly settings: SettingsStore,
    private readonly isOpen: (uri: string) => boolean,
    private readonly log: Logger,
  ) {
    connection.onRequest(lintFileRequest, (params, token) => this.lintFile(params, token));
  }

  /** An editor took over the document: its pushed disk copy would show twice. */
  opened(uri: string): void {
    if (this.published.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Back to the disk copy once the editor lets go (unsaved edits are gone with it). */
  closed(uri: string): void {
    const params = this.published.get(uri);
    if (params) this.lintFile(params).catch((error) => this.log.error(`Linting a closed file from disk failed.\n${describeError(error)}`));
  }

  async lintFile(params: LintFileParams, token?: CancellationToken): Promise<LintFileResult> {
    await this.settings.ready();
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const path = uriToPath(params.uri);
    if (!path || !this.settings.current.enable || this.isOpen(params.uri)) return { linted: false, findings: 0 };
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
      if (size > STREAM_ABOVE_BYTES && table) {
        streamed = true;
        const schema = this.engine.findDatasetSchema(path, policy, this.files.read, workspaceRoot);
        analysis = await this.engine.lintDatasetFile(path, params.languageId, policy, options, { schema });
      } else {
        const text = this.files.read(path);
        if (text === undefined) return { linted: false, findings: 0 };
        analysis = this.engine.lintDocument(path, text, params.languageId, { policy, read: this.files.read, workspaceRoot, options });
      }
      if (!analysis) return { linted: false, findings: 0 };
      diagnostics = analysis.findings.map((finding) => toDiagnostic(finding, this.engine));
    } catch (error) {
      this.log.error(`Could not lint ${name} from disk.\n${describeError(error)}`);
      return { linted: false, findings: 0 };
    }
    // It may have been opened while it was being linted: the editor's result wins.
    if (this.isOpen(params.uri)) return { linted: false, findings: 0 };
    this.published.set(params.uri, params);
    await this.connection.sendDiagnostics({ uri: params.uri, diagnostics });
    this.log.info(`Linted ${name} from disk${streamed ? ' (streamed)' : ''} in ${Math.round(performance.now() - started)} ms: ${diagnostics.length} findings.`);
    return { linted: true, findings: diagnostics.length, streamed };
  }
}
