// A real LSP client for the protocol tests: spawns the bundled server over stdio and
// speaks to it with vscode-languageserver-protocol, as an editor would. Waits are
// bounded and event driven (push) or polled in short steps (pull); never fixed sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, CodeActionResolveRequest, DidChangeTextDocumentNotification, DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest, ExitNotification, HoverRequest, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities, type InitializeResult, type CodeAction, type Command, type Diagnostic, type FileEvent, type Hover,
  type Position, type ProtocolConnection, type PublishDiagnosticsParams, type Range, type TextEdit,
} from 'vscode-languageserver-protocol/node';

/** The repository root, from out/test/protocol. */
// COHORT_LINT_ROOT lets a private transpile of the tests (outside out/) find the bundles.
export const repoRoot = process.env.COHORT_LINT_ROOT ?? resolve(__dirname, '..', '..', '..');
export const serverScript = join(repoRoot, 'server', 'dist', 'server.js');

const defaultTimeoutMs = 15_000;

export interface StartOptions {
  /** Announce pull-diagnostic support (textDocument/diagnostic) or not (push). */
  pull: boolean;
  /** Workspace folder. */
  root: string;
  /** What workspace/configuration answers for `cohortLint`. */
  settings?: Record<string, unknown>;
  /** Another server script (a test double); defaults to the bundled server. */
  script?: string;
}

export function capabilities(pull: boolean): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
      },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    window: { showDocument: { support: true } },
  };
}

export class TestClient {
  /** Every publishDiagnostics, per uri, in arrival order. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  refreshRequests = 0;
  stderr = '';
  /** What the server answered to initialize (its capabilities). */
  initializeResult?: InitializeResult;
  settings: Record<string, unknown>;
  private readonly listeners = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  private exitCode: Promise<number | null>;

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection, readonly pull: boolean, settings: Record<string, unknown>) {
    this.settings = settings;
    this.exitCode = new Promise((done) => child.once('exit', (code) => done(code)));
    child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'cohortLint' ? this.settings : null)));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.wake();
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
  }

  static async start(options: StartOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [options.script ?? serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options.pull, options.settings ?? {});
    connection.listen();
    const rootUri = pathToFileURL(options.root).href;
    client.initializeResult = await withTimeout(connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: capabilities(options.pull),
    }), 'initialize');
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(path: string, text: string, languageId = languageOf(path), version = 1): Promise<string> {
    const uri = pathToFileURL(path).href;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async configurationChanged(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { cohortLint: settings } });
  }

  /** The latest published diagnostics for a uri, or undefined before any arrived. */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri)?.at(-1);
  }

  /** One textDocument/diagnostic request; its items (a full report is expected). */
  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await withTimeout(this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'textDocument/diagnostic');
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  /**
   * The document's diagnostics once they satisfy `accept`: in push mode the latest
   * publication for the current version, in pull mode a fresh pull, polled in short steps.
   */
  async diagnostics(uri: string, accept: (items: Diagnostic[]) => boolean = () => true, what = 'diagnostics'): Promise<Diagnostic[]> {
    if (this.pull) {
      return pollFor(async () => {
        const items = await this.pullDiagnostics(uri);
        return accept(items) ? items : undefined;
      }, `${what} for ${uri}`);
    }
    return this.until(() => {
      const last = this.lastPublished(uri);
      const current = this.versions.get(uri);
      if (!last || (current !== undefined && last.version !== undefined && last.version !== current)) return undefined;
      return accept(last.diagnostics) ? last.diagnostics : undefined;
    }, `${what} for ${uri} (published: ${JSON.stringify(this.lastPublished(uri)?.diagnostics.map((d) => d.code))})`);
  }

  /** Pushed diagnostics for a file that is not a dataset (a policy file), whatever the mode; none published counts as none. */
  async pushedDiagnostics(uri: string, accept: (items: Diagnostic[]) => boolean, what = 'pushed diagnostics'): Promise<Diagnostic[]> {
    return this.until(() => {
      const items = this.lastPublished(uri)?.diagnostics ?? [];
      return accept(items) ? items : undefined;
    }, `${what} for ${uri}`);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return withTimeout(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
  }

  /**
   * Code actions as an explicit request (1, Invoked) or the light bulb's (2, Automatic) would
   * get them. The per-rule actions offered beside every finding ("Turn off <rule> in
   * cohortlint.yaml", "Show documentation for <rule>") are left out unless asked for, so
   * a test of a rule's fixes sees its fixes.
   */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], triggerKind: 1 | 2 = 1, { ruleActions = false, only }: { ruleActions?: boolean; only?: string[] } = {}): Promise<CodeAction[]> {
    const result = await withTimeout(this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, triggerKind, ...(only ? { only } : {}) } }), 'codeAction');
    return (result ?? [])
      .filter((a: CodeAction | Command): a is CodeAction => 'kind' in a || 'edit' in a)
      .filter((a) => ruleActions || !/^(Turn off \S+ in |Show documentation for )/.test(a.title));
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return withTimeout(this.connection.sendRequest(CodeActionResolveRequest.type, action), 'codeAction/resolve');
  }

  /** Waits, woken by every message from the server, until `check` returns a value. */
  until<T>(check: () => T | undefined, what: string, timeoutMs = defaultTimeoutMs): Promise<T> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((done, fail) => {
      const listener = (): void => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        done(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  /** shutdown + exit; resolves with the server's exit code, killing it if it lingers. */
  async shutdown(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
    await this.connection.sendNotification(ExitNotification.type);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    const code = await this.exitCode;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  /** For `after` hooks: never leave a server behind, whatever state the test ended in. */
  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        await this.shutdown();
      } catch {
        this.child.kill('SIGKILL');
        await this.exitCode;
      }
    }
    this.connection.dispose();
  }

  private wake(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** A diagnostic's message as text (LSP 3.18 allows markup there). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** A hover's markdown or plain text. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return contents.value;
}

export function languageOf(path: string): string {
  if (/\.(tsv|tab)$/i.test(path)) return 'tsv';
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  return 'plaintext';
}

export async function pollFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = defaultTimeoutMs, stepMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, stepMs));
  }
}

export function withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = defaultTimeoutMs): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, fail) => { timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs); }),
  ]);
}

/** Applies LSP text edits (non-overlapping, as LSP requires) to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: Position): number => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start) || offset(b.range.end) - offset(a.range.end));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** A fresh temporary workspace folder (real path, so URIs compare equal to the server's). */
export function tempWorkspace(): { root: string; write(name: string, text: string): string; remove(): void } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'cohort-lint-protocol-')));
  return {
    root,
    write(name, text) {
      const path = join(root, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export const modes = [{ pull: false, name: 'push' }, { pull: true, name: 'pull' }] as const;

/**
 * One server and one scratch workspace per describe block: started before its tests,
 * shut down and removed after them. Read `client` inside tests (it is set in `before`).
 */
export function serverPerSuite(options: Omit<StartOptions, 'root'>): { ws: ReturnType<typeof tempWorkspace>; readonly client: TestClient } {
  const ws = tempWorkspace();
  let client: TestClient | undefined;
  before(async () => {
    client = await TestClient.start({ ...options, root: ws.root });
  });
  after(async () => {
    await client?.dispose();
    ws.remove();
  });
  return {
    ws,
    get client(): TestClient {
      if (!client) throw new Error('the server is not started yet');
      return client;
    },
  };
}

/** A diagnostic's verdict and its detail (sent as related information), for tests that read a figure wherever it is stated. */
export function diagnosticText(diagnostic: Diagnostic): string {
  return [messageOf(diagnostic), ...(diagnostic.relatedInformation ?? []).map((r) => r.message)].join(' ');
}
