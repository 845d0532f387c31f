// A Parquet file opened in a tab is binary, so VS Code syncs no text document to the server:
// the client asks the server to lint it from disk (as Lint Workspace does) when its tab
// opens, so its findings reach the Problems panel.
import { window, type Disposable, type Tab, type Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const PARQUET = /\.parquet$/i;

function tabUri(tab: Tab): Uri | undefined {
  const uri = (tab.input as { uri?: Uri } | undefined)?.uri;
  return uri && uri.scheme === 'file' && PARQUET.test(uri.path) ? uri : undefined;
}

function lint(current: LanguageClient | undefined, tabs: readonly Tab[]): void {
  if (!current) return;
  for (const uri of tabs.map(tabUri)) {
    if (!uri) continue;
    current.sendRequest('cohortLint/lintFile', { uri: current.code2ProtocolConverter.asUri(uri) })
      .then(undefined, (error: unknown) => current.outputChannel.appendLine(`Linting ${uri.path.split('/').pop()} failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** Parquet tabs already open when the server (re)starts. */
export function lintOpenParquetTabs(client: LanguageClient): void {
  lint(client, window.tabGroups.all.flatMap((group) => group.tabs));
}

export function lintParquetTabs(client: () => LanguageClient | undefined): Disposable {
  return window.tabGroups.onDidChangeTabs((event) => lint(client(), event.opened));
}
