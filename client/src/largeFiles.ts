// VS Code gives extensions no document for a file over 50 MB, so the language server
// never hears that one was opened. When a tab shows such a file (a dataset, a schema),
// the server is asked to lint it from disk (cohortLint/lintFile: a dataset is streamed
// in bounded memory, as the CLI does) and publishes its diagnostics for the file's URI;
// the status bar says the findings come from the file on disk.
import { TabInputText, window, workspace, type Disposable, type Tab, type Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Files above this size are not synchronised to extensions (VS Code's own limit). */
export const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;

const lintable = /\.(csv|tsv|tab|json|ya?ml)$/i;

interface LintFileResult {
  linted: boolean;
  findings: number;
  streamed?: boolean;
}

function languageOf(uri: Uri): string | undefined {
  if (/\.(tsv|tab)$/i.test(uri.path)) return 'tsv';
  if (/\.csv$/i.test(uri.path)) return 'csv';
  return undefined;
}

export class LargeFiles implements Disposable {
  /** Files linted from disk because VS Code did not give them to the extension, by URI. */
  private readonly fromDisk = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly subscription: Disposable;

  constructor(private readonly client: () => LanguageClient | undefined, private readonly changed: () => void, private readonly log: (line: string) => void) {
    this.subscription = window.tabGroups.onDidChangeTabs((event) => {
      for (const tab of [...event.opened, ...event.changed]) void this.consider(tab);
    });
  }

  /** Whether the file's findings came from its copy on disk. */
  lintedFromDisk(uri: Uri): boolean {
    return this.fromDisk.has(uri.toString());
  }

  /** A (re)started server knows none of them: name every large file a tab shows. */
  lintShown(): void {
    this.fromDisk.clear();
    for (const group of window.tabGroups.all) for (const tab of group.tabs) void this.consider(tab);
  }

  private async consider(tab: Tab): Promise<void> {
    if (!(tab.input instanceof TabInputText)) return;
    const uri = tab.input.uri;
    const key = uri.toString();
    if (uri.scheme !== 'file' || !lintable.test(uri.path) || this.fromDisk.has(key) || this.pending.has(key)) return;
    // A document VS Code synchronised is linted as the editor has it.
    if (workspace.textDocuments.some((doc) => doc.uri.toString() === key)) return;
    const client = this.client();
    if (!client) return;
    this.pending.add(key);
    try {
      const size = (await workspace.fs.stat(uri)).size;
      if (size <= SYNC_LIMIT_BYTES) return;
      const answer = await client.sendRequest<LintFileResult>('cohortLint/lintFile', { uri: client.code2ProtocolConverter.asUri(uri), languageId: languageOf(uri) });
      if (answer.linted) {
        this.fromDisk.add(key);
        this.changed();
      }
    } catch (error) {
      this.log(`Linting ${workspace.asRelativePath(uri)} from disk failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.pending.delete(key);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
