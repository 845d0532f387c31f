// Lints each input file with the same engine the language server uses.
import { readFileSync, existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { classifyDocument, findDatasetSchema, findPolicyFile, isPolicyFile, lintDatasetFile, lintDocument, loadPolicy, outcomeInputsFor, type Finding, type LoadedPolicy } from '../engine';
import type { InputFile } from './collectFiles';

export interface FileFinding extends Finding {
  file: string;
}

function readText(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  // Invalid UTF-8 becomes U+FFFD, which the table check reports as undecodable bytes.
  return new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(file));
}

/** Larger files are streamed from disk so memory stays bounded whatever their size. */
const STREAM_ABOVE_BYTES = 8 * 1024 * 1024;

/** A file named on the command line is read as a table whatever its extension (a `.panel`). */
function isGivenTable(file: InputFile): boolean {
  return file.given === true && !/\.(json|ya?ml)$/i.test(file.path);
}

export async function lintFiles(files: InputFile[], configPath: string | undefined, cwd: string): Promise<FileFinding[]> {
  const policies = new Map<string, LoadedPolicy>();
  const loadOnce = (policyPath: string | undefined): LoadedPolicy => {
    const key = policyPath ?? '';
    // Schema paths in the policy may not leave the folder being linted (or the policy's own).
    const root = policyPath && policyPath.startsWith(cwd + path.sep) ? cwd : policyPath && path.dirname(policyPath);
    if (!policies.has(key)) policies.set(key, loadPolicy(policyPath, readText, root));
    return policies.get(key)!;
  };
  const results: FileFinding[] = [];
  for (const file of files) {
    if (isPolicyFile(file.path)) {
      loadOnce(file.path);
      continue;
    }
    const root = file.path.startsWith(cwd + path.sep) ? cwd : file.root;
    const policy = loadOnce(configPath ? path.resolve(configPath) : findPolicyFile(file.path, root, existsSync));
    const large = statSync(file.path).size > STREAM_ABOVE_BYTES;
    // A large dataset is streamed; its kind is known from its extension without reading it.
    const text = large ? '' : readText(file.path) ?? '';
    const kind = classifyDocument(file.path, text, undefined) ?? (isGivenTable(file) ? 'dataset' : undefined);
    if (kind === undefined) continue;
    const analysis = large && kind === 'dataset'
      ? await lintDatasetFile(file.path, undefined, policy, {}, { schema: findDatasetSchema(file.path, policy, readText, root), outcome: outcomeInputsFor(file.path, policy, readText, root) })
      : lintDocument(file.path, large ? readText(file.path) ?? '' : text, undefined, { policy, read: readText, workspaceRoot: root, kind });
    if (analysis) results.push(...analysis.findings.map((f) => ({ file: file.path, ...f })));
  }
  for (const [policyPath, loaded] of policies) {
    if (policyPath) results.push(...loaded.findings.map((f) => ({ file: policyPath, ...f })));
  }
  return results;
}
