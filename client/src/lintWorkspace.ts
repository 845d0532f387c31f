// "Lint Workspace": every dataset, Table Schema, Data Package, Phenopacket and policy file
// in the workspace, linted by the server from disk (large files streamed) into the
// Problems panel, with a cancellable progress notification. Files are named one request
// at a time, so the notification counts them and Cancel stops between (and during) files.
import { ProgressLocation, RelativePattern, window, workspace, type CancellationToken, type Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const candidates = '**/{*.csv,*.tsv,*.tab,*.parquet,*.json,*.yaml,*.yml,.cohortlint.json}';
const excluded = '**/{node_modules,.git}/**';

export interface LintWorkspaceResult {
  files: number;
  linted: number;
  findings: number;
  /** Files read in bounded memory (datasets over 8 MiB). */
  streamed: number;
  cancelled: boolean;
}

interface LintFileResult {
  linted: boolean;
  findings: number;
  streamed?: boolean;
}

/** files.associations patterns that make other files tables (`*.panel` as tsv). */
function tableAssociations(): { pattern: string; languageId: string }[] {
  const associations = workspace.getConfiguration('files').get<Record<string, string>>('associations') ?? {};
  return Object.entries(associations)
    .filter(([, languageId]) => languageId === 'csv' || languageId === 'tsv')
    .map(([pattern, languageId]) => ({ pattern: pattern.includes('/') ? pattern : `**/${pattern}`, languageId }));
}

async function findCandidates(token: CancellationToken): Promise<{ uri: Uri; languageId?: string }[]> {
  const found = new Map<string, { uri: Uri; languageId?: string }>();
  for (const uri of await workspace.findFiles(candidates, excluded, undefined, token)) found.set(uri.toString(), { uri });
  for (const { pattern, languageId } of tableAssociations()) {
    for (const folder of workspace.workspaceFolders ?? []) {
      for (const uri of await workspace.findFiles(new RelativePattern(folder, pattern), excluded, undefined, token)) found.set(uri.toString(), { uri, languageId });
    }
  }
  return [...found.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
}

export async function lintWorkspace(client: LanguageClient | undefined): Promise<LintWorkspaceResult> {
  const result: LintWorkspaceResult = { files: 0, linted: 0, findings: 0, streamed: 0, cancelled: false };
  if (!client) {
    void window.showWarningMessage('Cohort Lint is not running (cohortLint.enable is off, or the server failed to start).');
    return result;
  }
  await window.withProgress({ location: ProgressLocation.Notification, title: 'Cohort Lint: linting the workspace', cancellable: true }, async (progress, token) => {
    const files = await findCandidates(token);
    result.files = files.length;
    for (const [i, file] of files.entries()) {
      if (token.isCancellationRequested) break;
      progress.report({ message: `${i + 1} of ${files.length}: ${workspace.asRelativePath(file.uri)}`, increment: 100 / files.length });
      try {
        const answer = await client.sendRequest<LintFileResult>('cohortLint/lintFile', { uri: client.code2ProtocolConverter.asUri(file.uri), languageId: file.languageId }, token);
        if (answer.linted) {
          result.linted++;
          result.findings += answer.findings;
          if (answer.streamed) result.streamed++;
        }
      } catch (error) {
        if (token.isCancellationRequested) break;
        client.outputChannel.appendLine(`Lint Workspace: ${workspace.asRelativePath(file.uri)} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    result.cancelled = token.isCancellationRequested;
  });
  const summary = `${result.linted} of ${result.files} files linted, ${result.findings} findings`;
  void window.showInformationMessage(result.cancelled ? `Cohort Lint: Lint Workspace cancelled (${summary}).` : `Cohort Lint: ${summary}; see the Problems panel.`);
  return result;
}
