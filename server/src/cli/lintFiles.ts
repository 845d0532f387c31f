// Lints each input file with the same engine the language server uses. One file that
// makes the engine fail costs that file an internal-error finding, never the run; a file
// that cannot be read is an I/O problem (exit 2), reported after the others were linted.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { classifyDocument, datasetSchema, decodeBytes, findPolicyFile, internalErrorFinding, isPolicyFile, isWithin, lintDatasetFile, lintDocument, loadPolicy, lintParquetFile, PARQUET_FILE, outcomeInputsFor, policyFileFindings, withCohortFindings, type DecodeReport, type DocumentAnalysis, type Finding, type LoadedPolicy } from '../engine';
import { delimiterChoiceText } from '../engine/table/sniffDelimiter';
import type { InputFile } from './collectFiles';
import { lintWithDuckDb } from './duckdbLint';

export interface FileFinding extends Finding {
  file: string;
}

/** A file that could not be read at all: the CLI exits 2 after reporting the rest. */
export interface IoProblem {
  file: string;
  message: string;
}

function isIoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Another file the engine asks for (a schema, a policy): unreadable is the same as absent. */
function readText(file: string): string | undefined {
  try {
    return decodeBytes(readFileSync(file)).text;
  } catch {
    return undefined;
  }
}

const exists = (file: string): boolean => statSync(file, { throwIfNoEntry: false }) !== undefined;

/** Larger files are streamed from disk so memory stays bounded whatever their size. */
const STREAM_ABOVE_BYTES = 8 * 1024 * 1024;

/** A file named on the command line is read as a table whatever its extension (a `.panel`). */
function isGivenTable(file: InputFile): boolean {
  return file.given === true && !/\.(json|ya?ml)$/i.test(file.path);
}

export interface EngineChoice {
  engine: 'js' | 'duckdb';
  /** Lines for stderr: which engine ran on which file, and what it did not check. */
  notes: string[];
  /** --verbose: the notes also say which files were read with another delimiter than their name gives. */
  verbose?: boolean;
}

/** Loads each policy file once; the map holds what was loaded (its findings are reported once). */
export function policyLoader(cwd: string, policies = new Map<string, LoadedPolicy>()): (policyPath: string | undefined) => LoadedPolicy {
  return (policyPath) => {
    const key = policyPath ?? '';
    // Schema paths in the policy may not leave the folder being linted (or the policy's own).
    const root = policyPath && policyPath.startsWith(cwd + path.sep) ? cwd : policyPath && path.dirname(policyPath);
    if (!policies.has(key)) policies.set(key, loadPolicy(policyPath, readText, root));
    return policies.get(key)!;
  };
}

export async function lintFiles(files: InputFile[], configPath: string | undefined, cwd: string, ioProblems: IoProblem[] = [], choice: EngineChoice = { engine: 'js', notes: [] }): Promise<FileFinding[]> {
  const policies = new Map<string, LoadedPolicy>();
  const loadOnce = policyLoader(cwd, policies);
  const results: FileFinding[] = [];
  for (const file of files) {
    if (isPolicyFile(file.path)) {
      loadOnce(file.path);
      continue;
    }
    try {
      results.push(...(await lintOne(file, configPath, cwd, loadOnce, choice)).map((f) => ({ file: file.path, ...f })));
    } catch (error) {
      if (isIoError(error)) ioProblems.push({ file: file.path, message: `cannot read ${isWithin(file.path, cwd) ? path.relative(cwd, file.path) : file.path}: ${error.code}` });
      else results.push({ file: file.path, ...internalErrorFinding('analyse this file', error, 'it has no other findings') });
    }
  }
  for (const [policyPath, loaded] of policies) {
    // Finished like any document's: the policy's own `rules` can turn config-invalid off.
    if (policyPath) results.push(...policyFileFindings(loaded).map((f) => ({ file: policyPath, ...f })));
  }
  return results;
}

async function lintOne(file: InputFile, configPath: string | undefined, cwd: string, loadOnce: (p: string | undefined) => LoadedPolicy, choice: EngineChoice): Promise<Finding[]> {
  const analysis = await analyseFile(file, configPath, cwd, loadOnce, choice);
  const delimiter = analysis?.kind === 'dataset' ? analysis.table.delimiterChoice : undefined;
  if (choice.verbose && delimiter) choice.notes.push(`${isWithin(file.path, cwd) ? path.relative(cwd, file.path) : file.path}: ${delimiterChoiceText(delimiter)}`);
  return analysis?.findings ?? [];
}

/** The analysis of one file, streamed from disk when large; undefined for a file of no kind Cohort Lint reads. */
export async function analyseFile(
  file: InputFile, configPath: string | undefined, cwd: string, loadOnce: (p: string | undefined) => LoadedPolicy, choice: EngineChoice = { engine: 'js', notes: [] },
): Promise<DocumentAnalysis | undefined> {
  const root = file.path.startsWith(cwd + path.sep) ? cwd : file.root;
  const policy = loadOnce(configPath ? path.resolve(configPath) : findPolicyFile(file.path, root, exists));
  if (choice.engine === 'duckdb' && (PARQUET_FILE.test(file.path) || classifyDocument(file.path, '', undefined) === 'dataset')) {
    const shown = isWithin(file.path, cwd) ? path.relative(cwd, file.path) : file.path;
    const { schema, findings } = datasetSchema(file.path, policy, readText, root);
    const environment = { schema, findings, outcome: outcomeInputsFor(file.path, policy, readText, root) };
    const sql = await lintWithDuckDb(file.path, policy, {}, environment).catch((error: Error) => error);
    if (!(sql instanceof Error)) {
      choice.notes.push(`${shown}: engine duckdb (SQL profile); not checked, they read rows: ${sql.notChecked.join(', ')}`);
      return sql;
    }
    choice.notes.push(`${shown}: engine js (DuckDB could not profile it: ${sql.message.split('\n')[0]})`);
  }
  if (PARQUET_FILE.test(file.path)) {
    const { schema, findings } = datasetSchema(file.path, policy, readText, root);
    return lintParquetFile(file.path, policy, {}, { schema, findings, outcome: outcomeInputsFor(file.path, policy, readText, root) });
  }
  const large = statSync(file.path).size > STREAM_ABOVE_BYTES;
  // A large dataset is streamed; its kind is known from its extension without reading it.
  let text = '';
  let decoding: DecodeReport | undefined;
  if (!large) ({ text, report: decoding } = decodeBytes(readFileSync(file.path)));
  const kind = classifyDocument(file.path, text, undefined) ?? (isGivenTable(file) ? 'dataset' : undefined);
  if (kind === undefined) return undefined;
  if (large && kind === 'dataset') {
    const { schema, findings } = datasetSchema(file.path, policy, readText, root);
    const analysis = await lintDatasetFile(file.path, undefined, policy, {}, { schema, findings, outcome: outcomeInputsFor(file.path, policy, readText, root) });
    return withCohortFindings(analysis, { policy, read: readText, workspaceRoot: root, streamed: true });
  }
  if (large) ({ text, report: decoding } = decodeBytes(readFileSync(file.path)));
  return lintDocument(file.path, text, undefined, { policy, read: readText, workspaceRoot: root, kind, decoding });
}
