// Shared by the cohort tests: lint a file of a folder as the editor does, pick the cohort
// findings, and temporary folders removed when the file's tests end.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { lintDocument, loadPolicy, type Finding } from '../../server/src/engine';
import { byCode } from './helpers';

export const read = (file: string): string | undefined => {
  try { return readFileSync(file, 'utf8'); } catch { return undefined; }
};

export function lintIn(dir: string, name: string, policyName = 'cohortlint.yaml'): Finding[] {
  const file = path.join(dir, name);
  const policy = loadPolicy(read(path.join(dir, policyName)) === undefined ? undefined : path.join(dir, policyName), read, dir);
  return lintDocument(file, readFileSync(file, 'utf8'), undefined, { policy, read, workspaceRoot: dir })!.findings;
}

export const cohortFindings = (fs: Finding[]) => fs.filter((f) => f.code.startsWith('cohort-'));
export const summaries = (fs: Finding[], code: string) => byCode(fs, code).filter((f) => f.data.kind !== 'row');
export const rowLines = (fs: Finding[], code: string, reason?: string) => byCode(fs, code)
  .filter((f) => f.data.kind === 'row' && (reason === undefined || f.data.reason === reason)).map((f) => f.data.line);

const temps: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cohort-'));
  temps.push(dir);
  return dir;
}
/** A temporary folder holding `files` (name -> text). */
export function folderWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
after(() => { for (const dir of temps) rmSync(dir, { recursive: true, force: true }); });
