// The language client: the bundled server over IPC, the documents it sees (datasets,
// policy files, Table Schemas, Data Packages, Phenopackets), and what it keeps the server
// informed of (settings, policy and schema file events).
import * as path from 'node:path';
import { workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { POLICY_FILE_GLOB } from '../../common/policyFiles';

export const policyFileGlob = POLICY_FILE_GLOB;
/** Files a dataset's schema can come from (any JSON/YAML a data package or policy names): the server relints when one it used changes. */
export const schemaFileGlob = '**/*.{json,yaml,yml}';

export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Files and unsaved buffers only: not the git: or vscode-notebook-cell: copies of a file.
    documentSelector: ['file', 'untitled'].flatMap((scheme) => [
      { scheme, language: 'csv' },
      { scheme, language: 'tsv' },
      // Datasets another extension gave a different language id, by their extension.
      { scheme, pattern: '**/*.{csv,tsv,tab}' },
      { scheme, pattern: POLICY_FILE_GLOB },
      // JSON and YAML: the server answers only for Table Schemas, Data Packages and
      // Phenopackets (by name or shape) and ignores every other file.
      { scheme, language: 'json' },
      { scheme, language: 'jsonc' },
      { scheme, language: 'yaml' },
    ]),
    synchronize: {
      configurationSection: 'cohortLint',
      fileEvents: [workspace.createFileSystemWatcher(policyFileGlob), workspace.createFileSystemWatcher(schemaFileGlob)],
    },
    // Tells the server not to register its own watcher and settings listener on top of these.
    initializationOptions: { clientSynchronizes: true },
    outputChannel: output,
  };
  // The id makes the client honour `cohortLint.trace.server`.
  return new LanguageClient('cohortLint', 'Cohort Lint', serverOptions, clientOptions);
}
