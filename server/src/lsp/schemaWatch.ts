// A dataset is linted against the Table Schema that describes it, so when a schema or
// Data Package changes (edited in an editor, or on disk) the open datasets are linted
// again. Debounced like typing, so a burst of keystrokes costs one relint.
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from './analyses';
import { debounceMs } from './diagnostics';
import { uriToPath } from './workspaceFiles';

export const schemaFileGlobs = ['**/*.schema.{json,yaml,yml}', '**/tableschema.json', '**/datapackage.{json,yaml,yml}'];

const SCHEMA_FILE = /(\.schema\.(json|ya?ml)|[\\/]tableschema\.json|[\\/]datapackage\.(json|ya?ml))$/i;

export class SchemaWatch {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly analyses: AnalysisStore, private readonly schemasChanged: () => void) {}

  /** An open document changed: if it describes datasets, relint them after a pause. */
  documentChanged(doc: TextDocument): void {
    const kind = this.analyses.kindOf(doc);
    if (kind === 'tableSchema' || kind === 'dataPackage') this.schedule();
  }

  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    if (params.changes.some((change) => SCHEMA_FILE.test(uriToPath(change.uri) ?? change.uri))) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.schemasChanged();
    }, debounceMs);
  }
}
