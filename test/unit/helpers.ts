// Shared helpers for the engine and CLI unit tests (node:test). No test lives here.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintDataset, loadPolicy, type DatasetAnalysis, type Finding, type LintOptions, type LoadedPolicy, type TextEdit } from '../../server/src/engine';

/** The project root: the nearest folder above this file holding package.json and server/src. */
function findRepoRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'server', 'src'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`repository root not found above ${start}`);
}

export const repoRoot = findRepoRoot(__dirname);
/** ../shared/realdata; COHORT_LINT_REALDATA points elsewhere (e.g. a missing folder to check the skips). */
export const realdataDir = process.env.COHORT_LINT_REALDATA ?? path.resolve(repoRoot, '..', 'shared', 'realdata');
export const cliPath = path.join(repoRoot, 'server', 'dist', 'cli.js');

/** The defaults, as when no policy file exists. */
export function noPolicy(): LoadedPolicy {
  return loadPolicy(undefined, () => undefined);
}

/** Loads a policy from text at a virtual path; fails the test when the text is invalid. */
export function policyFrom(text: string, policyPath = '/virtual/project/cohortlint.yaml'): LoadedPolicy {
  const loaded = loadPolicy(policyPath, (p) => (p === policyPath ? text : undefined));
  // Fixtures name schema files that exist only in the test's own reader; those paths are
  // checked by the policy's schema-map tests, not here.
  const invalid = loaded.findings.filter((f) => f.data.kind !== 'schema-path');
  if (invalid.length > 0) throw new Error(`policy fixture is invalid: ${invalid.map((f) => f.message).join('; ')}`);
  return { ...loaded, findings: [] };
}

export interface LintArgs {
  path?: string;
  languageId?: string;
  policy?: LoadedPolicy;
  options?: LintOptions;
}

export function lint(text: string, args: LintArgs = {}): DatasetAnalysis {
  return lintDataset(args.path ?? '/virtual/project/data.csv', text, args.languageId, args.policy ?? noPolicy(), args.options);
}

export function byCode(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** A CSV with an id column and one ancestry column holding each value `count` times. */
export function groupsCsv(column: string, counts: Record<string, number>, lineBreak = '\n'): string {
  const lines = [`id,${column}`];
  let id = 1;
  for (const [value, n] of Object.entries(counts)) for (let i = 0; i < n; i++) lines.push(`${id++},${value}`);
  return lines.join(lineBreak) + lineBreak;
}

/**
 * Applies LSP-range edits (0-based line, UTF-16 character) to text, written independently
 * of the engine's LineIndex. Edits must not overlap; a character past the line's end is
 * clamped to it, as LSP specifies.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offsetOf = (p: { line: number; character: number }): number => {
    if (p.line >= starts.length) return text.length;
    const lineStart = starts[p.line];
    const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] - 1 : text.length;
    return Math.min(lineStart + p.character, lineEnd);
  };
  const spans = edits
    .map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error(`overlapping edits at offsets ${s.start}-${s.end}`);
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A fresh temporary folder, removed after the test (or suite) `t`. */
export function tempDir(t: { after(fn: () => void): void }, prefix = 'cohortlint-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The text of a 0-based line of `text`, without its line break. */
export function lineText(text: string, line: number): string {
  return text.split(/\r?\n/)[line] ?? '';
}
export { fullText } from './verdict';
