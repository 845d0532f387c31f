// A test double: the real LSP wiring over an engine whose lint throws, with a row value
// in the error message as a parser bug might. Spawned by failingEngine.test.ts.
import { basename } from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import type { Engine, LoadedPolicy } from '../../server/src/lsp/engine';
import { startServer } from '../../server/src/lsp/startServer';

export const rowValueInError = 'ZQXROWVALUE';

function fail(): never {
  throw new TypeError(`cannot read cell "${rowValueInError}"`);
}

const failing: Engine = {
  findPolicyFile: () => undefined,
  loadPolicy: (path) => ({ path, findings: [], policy: {} } as unknown as LoadedPolicy),
  isPolicyFile: (path) => basename(path) === 'cohortlint.yaml',
  docsUrl: (code) => `file:///docs/rules/${code}.md`,
  lintDocument: fail,
  lintDocumentSteps: fail,
  classifyDocument: (path) => (/\.(csv|tsv|tab)$/.test(path) ? 'dataset' : undefined),
  hoverAt: fail,
  fixesFor: fail,
  policyCompletions: fail,
  policyHoverAt: fail,
  fixAllFor: fail,
  turnOffRuleFix: fail,
  lintDatasetFile: fail,
  findDatasetSchema: fail,
  registryProblems: () => [],
  policyFileFindings: (loaded) => loaded.findings,
  withCohortFindings: fail,
  buildReport: fail,
  renderHtml: fail,
  lintParquetFile: fail,
  profileBlocksSteps: fail,
};

// Loaded as a module by the test too (for the constant); only a spawned copy serves.
if (process.argv.includes('--stdio')) startServer(createConnection(), failing);
