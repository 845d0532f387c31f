// Lints each input file with the same engine the language server uses.
import { readFileSync, existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { findPolicyFile, isPolicyFile, lintDataset, lintDatasetFile, loadPolicy, type Finding, type LoadedPolicy } from '../engine';
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

export async function lintFiles(files: InputFile[], configPath: string | undefined, cwd: string): Promise<FileFinding[]> {
  const policies = new Map<string, LoadedPolicy>();
  const loadOnce = (policyPath: string | undefined): LoadedPolicy => {
    const key = policyPath ?? '';
    if (!policies.has(key)) policies.set(key, loadPolicy(policyPath, readText));
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
    const analysis = statSync(file.path).size > STREAM_ABOVE_BYTES
      ? await lintDatasetFile(file.path, undefined, policy)
      : lintDataset(file.path, readText(file.path) ?? '', undefined, policy);
    results.push(...analysis.findings.map((f) => ({ file: file.path, ...f })));
  }
  for (const [policyPath, loaded] of policies) {
    if (policyPath) results.push(...loaded.findings.map((f) => ({ file: policyPath, ...f })));
  }
  return results;
}
