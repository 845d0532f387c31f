// A policy file changed (edited in an editor, saved, created or deleted on disk):
// reload it, republish its own diagnostics and relint every open dataset.
import {
  DidChangeWatchedFilesNotification, FileChangeType, type Connection, type DidChangeWatchedFilesParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { debounceMs } from './diagnostics';
import type { PolicyStore } from './policies';
import { schemaFileGlobs } from './schemaWatch';
import { uriToPath } from './workspaceFiles';
import { POLICY_FILE_NAMES } from '../../../common/policyFiles';

export const policyFileGlobs = POLICY_FILE_NAMES.map((name) => `**/${name}`);

export class PolicyWatch {
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<string>();

  /** `policiesChanged` invalidates the analyses and relints the open datasets. */
  constructor(private readonly policies: PolicyStore, private readonly policiesChanged: () => void) {}

  /** Asks the client to watch policy files, unless its extension already does so itself. */
  static async register(connection: Connection): Promise<void> {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [...policyFileGlobs, ...schemaFileGlobs].map((globPattern) => ({ globPattern })),
    });
  }

  /** An open policy file's text changed, or it was opened or closed (disk text applies again). */
  documentEvent(doc: TextDocument, debounce: boolean): boolean {
    const path = uriToPath(doc.uri);
    if (!path || !this.policies.isPolicyFile(path)) return false;
    this.pending.add(path);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), debounce ? debounceMs : 0);
    return true;
  }

  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    let any = false;
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path || !this.policies.isPolicyFile(path)) continue;
      any = true;
      if (change.type === FileChangeType.Deleted) this.policies.forget(path);
      else this.pending.add(path);
    }
    if (!any) return;
    clearTimeout(this.timer);
    this.flush();
  }

  private flush(): void {
    this.timer = undefined;
    for (const path of this.pending) this.policies.reload(path);
    this.pending.clear();
    this.policiesChanged();
  }
}
