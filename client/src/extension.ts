// The extension: starts the Cohort Lint language server while `cohortLint.enable` is on,
// shows the active file's findings in the status bar, and opens the output on request.
// No analysis happens here, and nothing logged here carries row values.
import { commands, window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { FindingsStatus } from './statusBar';

let client: LanguageClient | undefined;
/** Start and stop requests run one after another, so toggling the setting fast stays consistent. */
let transition: Promise<void> = Promise.resolve();

export function activate(context: ExtensionContext): void {
  const output = window.createOutputChannel('Cohort Lint', { log: true });
  const status = new FindingsStatus();
  context.subscriptions.push(
    output,
    status,
    commands.registerCommand('cohortLint.showOutput', () => output.show(true)),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cohortLint.enable')) applyEnablement(context, output, status);
    }),
  );
  applyEnablement(context, output, status);
}

export function deactivate(): Promise<void> {
  return queue(stopClient);
}

function applyEnablement(context: ExtensionContext, output: LogOutputChannel, status: FindingsStatus): void {
  const enabled = workspace.getConfiguration('cohortLint').get<boolean>('enable', true);
  status.setEnabled(enabled);
  void queue(async () => {
    if (enabled && !client) {
      const next = createLanguageClient(context, output);
      try {
        await next.start();
        client = next;
        output.info('Cohort Lint language server started.');
      } catch (error) {
        output.error(`Cohort Lint language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
        void window.showErrorMessage('Cohort Lint: the language server failed to start. See the "Cohort Lint" output.');
      }
    } else if (!enabled && client) {
      await stopClient();
      output.info('Cohort Lint disabled (cohortLint.enable is off); language server stopped.');
    }
  });
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
