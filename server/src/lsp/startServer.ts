// Composes the language server: documents, settings, policies, analyses and the
// handlers built on them. What the server offers depends on the client's capabilities
// (pull or push diagnostics, file watching, configuration pulls), so it is assembled
// when `initialize` arrives.
import {
  CodeActionKind, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { AnalysisStore } from './analyses';
import { editCapabilities, registerCodeActions, serverCommands } from './codeActions';
import { EditSpans } from './editSpans';
import { fixAllKind } from './ruleActions';
import { DiagnosticsService } from './diagnostics';
import type { Engine } from './engine';
import { registerHover } from './hover';
import { registerReport } from './report';
import { connectionLogger, describeError } from './log';
import { PolicyStore } from './policies';
import { completionTriggers, registerCompletion } from './completion';
import { PolicyWatch } from './policyWatch';
import { SchemaWatch } from './schemaWatch';
import { SettingsStore } from './settings';
import { WorkspaceFiles } from './workspaceFiles';
import { WorkspaceLint } from './workspaceLint';

/** Sent by our own VS Code client, which watches policy files and syncs settings itself. */
export interface InitializationOptions {
  clientSynchronizes?: boolean;
}

export function startServer(connection: Connection, engine: Engine): void {
  const editSpans = new EditSpans();
  const documents = new TextDocuments(editSpans.documents());
  const log = connectionLogger(connection);
  const files = new WorkspaceFiles(documents);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    files.setFolders(params.workspaceFolders, params.rootUri);

    const settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
    const policies = new PolicyStore(connection, engine, files, log, settings);
    const analyses = new AnalysisStore(engine, policies, settings, log, files, editSpans);
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    const canRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
    const diagnostics = new DiagnosticsService(connection, documents, analyses, settings, log, pull ? 'pull' : 'push', canRefresh);
    const relintAll = (): void => {
      analyses.invalidateAll();
      diagnostics.refreshAll();
    };
    const policyWatch = new PolicyWatch(policies, relintAll);
    const workspaceLint = new WorkspaceLint(connection, engine, files, policies, settings, documents, analyses, diagnostics.mode, () => diagnostics.refreshAll(), log);
    diagnostics.onPull = (uri) => workspaceLint.pulled(uri);
    const schemaWatch = new SchemaWatch(analyses, relintAll);

    registerHover(connection, documents, engine, analyses, settings, log);
    registerReport(connection, documents, engine, analyses, settings, log);
    registerCompletion(connection, documents, engine, settings, log);
    const edits = editCapabilities(capabilities);
    registerCodeActions(connection, documents, engine, files, analyses, settings, edits, log);

    // TextDocuments fires onDidChangeContent right after onDidOpen; the open is handled once.
    const justOpened = new Set<string>();
    documents.onDidOpen(({ document }) => {
      justOpened.add(document.uri);
      if (!policyWatch.documentEvent(document, false)) diagnostics.opened(document);
    });
    documents.onDidChangeContent(({ document }) => {
      if (justOpened.delete(document.uri)) return;
      if (policyWatch.documentEvent(document, true)) return;
      diagnostics.changed(document);
      schemaWatch.documentChanged(document);
    });
    documents.onDidClose(({ document }) => {
      justOpened.delete(document.uri);
      editSpans.drop(document.uri);
      if (!policyWatch.documentEvent(document, false)) {
        diagnostics.closed(document);
        workspaceLint.closed(document.uri);
      }
    });
    connection.onDidChangeWatchedFiles((change) => {
      policyWatch.watchedFilesChanged(change);
      schemaWatch.watchedFilesChanged(change);
    });
    connection.onDidChangeConfiguration((change) => {
      settings.refresh(change.settings).then((changed) => {
        if (!changed) return;
        policies.republish();
        relintAll();
      }, (error) => log.error(`Reading settings failed.\n${describeError(error)}`));
    });

    connection.onInitialized(() => {
      void settings.ready();
      const dynamic = capabilities.workspace;
      if (!options.clientSynchronizes) {
        if (dynamic?.didChangeConfiguration?.dynamicRegistration) {
          connection.client.register(DidChangeConfigurationNotification.type, { section: 'cohortLint' }).catch(() => undefined);
        }
        if (dynamic?.didChangeWatchedFiles?.dynamicRegistration) PolicyWatch.register(connection).catch(() => undefined);
      }
      if (dynamic?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          files.changeFolders(event);
          relintAll();
        });
      }
      // A registry that contradicts itself is a build defect: say so where it is seen, and run on.
      for (const problem of engine.registryProblems()) log.error(`Rule registry: ${problem}`);
      log.info(`Cohort Lint server ready (${diagnostics.mode} diagnostics).`);
    });

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: completionTriggers },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: edits.resolveEdit },
        ...(serverCommands(edits).length ? { executeCommandProvider: { commands: serverCommands(edits) } } : {}),
        ...(pull
          ? { diagnosticProvider: { identifier: 'cohort-lint', interFileDependencies: !canRefresh, workspaceDiagnostics: false } }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cohort-lint' },
    };
  });

  documents.listen(connection);
  connection.listen();
}
