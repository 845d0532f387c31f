// The rule tester: one file per rule id (test/unit/rules/<rule-id>.test.ts) lists documents
// on which the rule stays silent (valid) and documents on which it reports (invalid), with
// every finding it must make (range, key data) and, for fixable rules, the text each fix
// leaves behind, in the document itself and in any side file (policy, schema, quarantine).
// Modelled on ESLint's RuleTester. Only the tested rule's findings are compared; the rest
// of the engine runs as it does in the editor (lintDocument, fixesFor).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { verdictProblem } from '../verdict';
import { fixesFor, lintDocument, loadPolicy, ruleById, type DecodeReport, type DocumentAnalysis, type Finding, type Fix, type LintOptions } from '../../../server/src/engine';

/** The virtual project every case lives in. */
export const ROOT = '/virtual/project';
export const POLICY_PATH = `${ROOT}/cohortlint.yaml`;

/**
 * A file of the virtual project, by path relative to ROOT: its text, or an Error that
 * reading it throws (to exercise the engine's isolation).
 */
export type VirtualFile = string | Error;

export interface RuleCase {
  /** What the case shows; the test's title. */
  name: string;
  /** The document's text. */
  text: string;
  /** Its path relative to ROOT (default data.csv; the kind follows from it as in the editor). */
  path?: string;
  /** Policy file text, at cohortlint.yaml (default: no policy file, the defaults apply). */
  policy?: string;
  /** Other files the engine may read: a Table Schema, a predictions table, a quarantine file. */
  files?: Record<string, VirtualFile>;
  options?: LintOptions;
  /** What decoding the file's bytes found (decodeBytes), as the CLI passes it: for encoding rules. */
  decoding?: DecodeReport;
  /**
   * A real folder the case lives in instead of the virtual project, read from disk with its
   * own cohortlint.yaml: for rules that join the sibling tables of a cohort. Findings only
   * (no fix is applied there).
   */
  root?: string;
}

/** [start line, start character, end line, end character], 0-based as in LSP. */
export type RangeTuple = [number, number, number, number];

export interface ExpectedFix {
  /** The fix's title, or a pattern it matches. */
  title?: string | RegExp;
  /** The document's text after applying the fix (omit when the fix leaves the document alone). */
  output?: string;
  /** Side files (relative to ROOT) and their text after the fix: created files start empty. */
  files?: Record<string, string>;
}

export interface ExpectedFinding {
  /** The rule's message id for this finding (its `messages` key). */
  messageId: string;
  range: RangeTuple;
  /** Keys of `data` that must hold these values (deep equality per key); other keys are not compared. */
  data?: Record<string, unknown>;
  severity?: Finding['severity'];
  /**
   * The fixes offered for this finding, in order, each checked by applying it. Omitted:
   * not compared. [] asserts that none is offered.
   */
  fixes?: ExpectedFix[];
}

export interface InvalidCase extends RuleCase {
  /** Every finding of the rule, in the order reported. */
  findings: ExpectedFinding[];
}

export interface RuleTests {
  valid: RuleCase[];
  invalid: InvalidCase[];
}

const abs = (relative: string): string => path.posix.join(ROOT, relative);

/** The case's files as the engine reads them: by absolute path, throwing where a file is an Error. */
function reader(c: RuleCase): (p: string) => string | undefined {
  const files = new Map<string, VirtualFile>();
  for (const [name, content] of Object.entries(c.files ?? {})) files.set(abs(name), content);
  if (c.policy !== undefined) files.set(POLICY_PATH, c.policy);
  return (p) => {
    const content = files.get(p);
    if (content instanceof Error) throw content;
    return content;
  };
}

export interface CaseRun {
  analysis: DocumentAnalysis;
  findings: Finding[];
  read: (p: string) => string | undefined;
  policy: ReturnType<typeof loadPolicy>;
}

/** Lints a case as the editor would, returning the tested rule's findings. */
export function runCase(ruleId: string, c: RuleCase): CaseRun {
  if (c.root !== undefined) return runOnDisk(ruleId, c, c.root);
  const read = reader(c);
  const documentPath = abs(c.path ?? 'data.csv');
  const policy = c.policy !== undefined ? loadPolicy(POLICY_PATH, read, ROOT) : loadPolicy(undefined, () => undefined);
  // A fixture policy with a mistake would silently fall back to defaults and test nothing.
  assert.deepEqual(policy.findings.map((f) => f.message), [], 'the case\'s policy is valid');
  const analysis = lintDocument(documentPath, c.text, undefined, { policy, read, workspaceRoot: ROOT, options: c.options, decoding: c.decoding });
  assert.ok(analysis, `${c.path ?? 'data.csv'} is not a document Cohort Lint lints`);
  return { analysis, findings: analysis.findings.filter((f) => f.code === ruleId), read, policy };
}

function runOnDisk(ruleId: string, c: RuleCase, root: string): CaseRun {
  const read = (p: string): string | undefined => {
    try { return readFileSync(p, 'utf8'); } catch { return undefined; }
  };
  const policyPath = path.join(root, 'cohortlint.yaml');
  const policy = loadPolicy(read(policyPath) === undefined ? undefined : policyPath, read, root);
  assert.deepEqual(policy.findings.map((f) => f.message), [], 'the case\'s policy is valid');
  const analysis = lintDocument(path.join(root, c.path ?? 'data.csv'), c.text, undefined, { policy, read, workspaceRoot: root, options: c.options, decoding: c.decoding });
  assert.ok(analysis, `${c.path ?? 'data.csv'} is not a document Cohort Lint lints`);
  return { analysis, findings: analysis.findings.filter((f) => f.code === ruleId), read, policy };
}

const rangeOf = (f: Finding): RangeTuple => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];

/** Applies edits with the same library the language server hands documents to. */
export function applyTextEdits(text: string, edits: Fix['changes'][number]['edits'], uri = 'file:///virtual'): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits);
}

function checkFix(run: CaseRun, c: RuleCase, fix: Fix, expected: ExpectedFix, label: string): void {
  if (typeof expected.title === 'string') assert.equal(fix.title, expected.title, `${label}: title`);
  else if (expected.title) assert.match(fix.title, expected.title, `${label}: title`);
  const documentPath = run.analysis.path;
  const changed = new Map<string, string>();
  for (const change of fix.changes) {
    const before = change.path === documentPath ? c.text : (changed.get(change.path) ?? run.read(change.path) ?? '');
    if (change.path !== documentPath && !change.create) assert.notEqual(run.read(change.path), undefined, `${label}: edits ${change.path}, which does not exist, without creating it`);
    changed.set(change.path, applyTextEdits(before, change.edits));
  }
  assert.equal(changed.get(documentPath) ?? c.text, expected.output ?? c.text, `${label}: the document after the fix`);
  const sideFiles = [...changed.keys()].filter((p) => p !== documentPath).map((p) => path.posix.relative(ROOT, p)).sort();
  assert.deepEqual(sideFiles, Object.keys(expected.files ?? {}).sort(), `${label}: the side files the fix writes`);
  for (const [name, text] of Object.entries(expected.files ?? {})) assert.equal(changed.get(abs(name)), text, `${label}: ${name} after the fix`);
}

function checkFinding(run: CaseRun, c: RuleCase, actual: Finding, expected: ExpectedFinding, label: string): void {
  assert.equal(actual.messageId, expected.messageId, `${label}: messageId`);
  assert.deepEqual(rangeOf(actual), expected.range, `${label}: range`);
  assert.equal(verdictProblem(actual), undefined, `${label}: a one-line verdict`);
  if (expected.severity) assert.equal(actual.severity, expected.severity, `${label}: severity`);
  for (const [key, value] of Object.entries(expected.data ?? {})) assert.deepEqual(actual.data[key], value, `${label}: data.${key}`);
  if (!expected.fixes) return;
  const fixes = fixesFor(run.analysis, actual, run.policy, run.read, ROOT);
  assert.deepEqual(fixes.length, expected.fixes.length, `${label}: fixes offered (${fixes.map((f) => f.title).join(' | ')})`);
  fixes.forEach((fix, i) => checkFix(run, c, fix, expected.fixes![i], `${label}, fix ${i + 1} "${fix.title}"`));
}

/** Throws unless the rule reports nothing on the case. */
export function assertValid(ruleId: string, c: RuleCase): void {
  const run = runCase(ruleId, c);
  assert.deepEqual(run.findings.map((f) => `${rangeOf(f).join(':')} ${f.message}`), [], 'no finding');
}

/** Throws unless the rule reports exactly the case's findings, and their fixes leave the expected texts. */
export function assertInvalid(ruleId: string, c: InvalidCase): void {
  const run = runCase(ruleId, c);
  assert.equal(run.findings.length, c.findings.length, `findings: ${run.findings.map((f) => `${rangeOf(f).join(':')} ${JSON.stringify(f.data)}`).join('\n')}`);
  run.findings.forEach((f, i) => checkFinding(run, c, f, c.findings[i], `finding ${i + 1}`));
}

/** Registers the rule's cases as node:test tests. */
export function ruleTester(ruleId: string, tests: RuleTests): void {
  const rule = ruleById(ruleId);
  describe(`rule ${ruleId}`, () => {
    test('is a registered rule with valid and invalid cases', () => {
      assert.ok(rule, `${ruleId} is not in the registry`);
      assert.ok(tests.valid.length > 0, 'at least one valid case');
      assert.ok(tests.invalid.length > 0, 'at least one invalid case');
      const fixChecked = tests.invalid.some((c) => c.findings.some((f) => f.fixes?.some((x) => x.output !== undefined || x.files !== undefined)));
      if (rule?.fixable) assert.ok(fixChecked, 'a fixable rule has a case checking a fix\'s output');
    });
    for (const c of tests.valid) test(`valid: ${c.name}`, () => assertValid(ruleId, c));
    for (const c of tests.invalid) test(`invalid: ${c.name}`, () => assertInvalid(ruleId, c));
  });
}

/** Lines joined with \n and ending in one: a CSV or YAML document. */
export const lines = (...rows: string[]): string => rows.join('\n') + '\n';

/** A CSV with an id column and a column holding each value `count` times, in order. */
export function columnCsv(column: string, counts: Record<string, number>): string {
  const rows = [`id,${column}`];
  let id = 1;
  for (const [value, n] of Object.entries(counts)) for (let i = 0; i < n; i++) rows.push(`${id++},${value}`);
  return rows.join('\n') + '\n';
}

/** participant_id, sex and one more column, a row per person: privacy rules look only at tables about people. */
export function people(header: string, cells: string[]): string {
  return lines(`participant_id,sex,${header}`, ...cells.map((cell, i) => `P${i},${i % 2 ? 'F' : 'M'},${cell}`));
}
