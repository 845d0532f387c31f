// The extension: starts the Cohort Lint language server while `cohortLint.enable` is on,
// shows the active file's findings in the status bar, and offers the commands (Lint
// Workspace, Fix All, Open Policy File, Restart Server, Show Output). No analysis happens
// here, and nothing logged here carries row values.
import { commands, window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { fixAllInActiveFile } from './fixAll';
import { createLanguageClient } from './languageClient';
import { LargeFiles } from './largeFiles';
import { lintWorkspace } from './lintWorkspace';
import { lintOpenParquetTabs, lintParquetTabs } from './parquetTabs';
import { openPolicyFile } from './policyFile';
import { ReportView, type ReportViewState } from './reportView';
import { FindingsStatus } from './statusBar';

/** What activate returns: how many times a server was started (a restart makes a new one). */
export interface CohortLintApi {
  readonly serverStarts: number;
  /** The open report view (tests read what it shows). */
  readonly report: ReportViewState;
  /** The status bar's text while it shows (tests read it; the item itself is not inspectable). */
  readonly statusText: string | undefined;
}

let client: LanguageClient | undefined;
/** Start and stop requests run one after another, so toggling the setting fast stays consistent. */
let transition: Promise<void> = Promise.resolve();
let serverStarts = 0;
/** Files over 50 MB, which VS Code does not give to extensions: linted from disk. */
let largeFiles: LargeFiles | undefined;

export function activate(context: ExtensionContext): CohortLintApi {
  const output = window.createOutputChannel('Cohort Lint', { log: true });
  let status: FindingsStatus | undefined;
  largeFiles = new LargeFiles(() => client, () => status?.update(), (line) => output.warn(line));
  const large = largeFiles;
  status = new FindingsStatus((uri) => large.lintedFromDisk(uri));
  const report = new ReportView(() => client, output);
  context.subscriptions.push(
    report,
    report.register(),
    output,
    status,
    largeFiles,
    commands.registerCommand('cohortLint.showOutput', () => output.show(true)),
    commands.registerCommand('cohortLint.lintWorkspace', async () => {
      await transition;
      return lintWorkspace(client);
    }),
    commands.registerCommand('cohortLint.fixAll', fixAllInActiveFile),
    commands.registerCommand('cohortLint.openPolicyFile', openPolicyFile),
    commands.registerCommand('cohortLint.restartServer', () => restart(context, output)),
    lintParquetTabs(() => client),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cohortLint.enable')) applyEnablement(context, output, status);
    }),
  );
  applyEnablement(context, output, status);
  const shown = status;
  return { get serverStarts() { return serverStarts; }, get report() { return report.current; }, get statusText() { return shown.text; } };
}

export function deactivate(): Promise<void> {
  return queue(stopClient);
}

function applyEnablement(context: ExtensionContext, output: LogOutputChannel, status: FindingsStatus): void {
  const enabled = workspace.getConfiguration('cohortLint').get<boolean>('enable', true);
  status.setEnabled(enabled);
  void queue(async () => {
    if (enabled && !client) {
      await startClient(context, output);
    } else if (!enabled && client) {
      await stopClient();
      output.info('Cohort Lint disabled (cohortLint.enable is off); language server stopped.');
    }
  });
}

async function startClient(context: ExtensionContext, output: LogOutputChannel): Promise<boolean> {
  const next = createLanguageClient(context, output);
  try {
    await next.start();
    client = next;
    serverStarts++;
    output.info('Cohort Lint language server started.');
    lintOpenParquetTabs(next);
    largeFiles?.lintShown();
    return true;
  } catch (error) {
    output.error(`Cohort Lint language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    void window.showErrorMessage('Cohort Lint: the language server failed to start. See the "Cohort Lint" output.');
    return false;
  }
}

/** Stops the server (if running) and starts a new one, unless linting is disabled. */
async function restart(context: ExtensionContext, output: LogOutputChannel): Promise<boolean> {
  let started = false;
  await queue(async () => {
    await stopClient();
    if (!workspace.getConfiguration('cohortLint').get<boolean>('enable', true)) {
      void window.showInformationMessage('Cohort Lint is disabled (cohortLint.enable); the server was not restarted.');
      return;
    }
    started = await startClient(context, output);
  });
  return started;
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) await current.stop().catch(() => undefined);
}

function queue(step: () => Promise<void>): Promise<void> {
  transition = transition.then(step, step);
  return transition;
}
