// A dataset is linted against the Table Schema that describes it, so when a schema or
// Data Package changes (edited in an editor, or on disk) the open datasets are linted
// again. Debounced like typing, so a burst of keystrokes costs one relint.
import { resolve } from 'node:path';
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from './analyses';
import { debounceMs } from './diagnostics';
import { uriToPath } from './workspaceFiles';

/** Any JSON/YAML file can be a dataset's schema (named by a data package or the policy). */
export const schemaFileGlobs = ['**/*.{json,yaml,yml}'];

const SCHEMA_FILE = /(\.schema\.(json|ya?ml)|[\\/]tableschema\.json|[\\/]datapackage\.(json|ya?ml))$/i;

export class SchemaWatch {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly analyses: AnalysisStore, private readonly schemasChanged: () => void) {}

  /**
   * An open document changed: if it describes datasets, relint them after a pause. That
   * includes a schema a dataset was linted against that no longer reads as one.
   */
  documentChanged(doc: TextDocument): void {
    const kind = this.analyses.kindOf(doc);
    if (kind === 'tableSchema' || kind === 'dataPackage') return this.schedule();
    const path = uriToPath(doc.uri);
    if (path !== undefined && this.analyses.schemaSources().has(resolve(path))) this.schedule();
  }

  /** A file changed on disk: relint when it is schema-like by name or described a linted dataset. */
  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    const sources = this.analyses.schemaSources();
    const relevant = params.changes.some((change) => {
      const path = uriToPath(change.uri);
      return path !== undefined && (SCHEMA_FILE.test(path) || sources.has(resolve(path)));
    });
    if (relevant) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.schemasChanged();
    }, debounceMs);
  }
}
