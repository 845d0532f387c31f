// Every finding reads in one Problems-panel row: a verdict of at most ~120 characters, with
// the arithmetic behind it in `detail` (hover, related information, JSON, --verbose).
// Checked on the bundled examples and the real public files, through the CLI as a user
// runs it; the rule tester checks the same of every rule's own cases.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cliPath, realdataDir, repoRoot } from './helpers';
import { verdictProblem } from './verdict';

interface Row { file: string; code: string; message: string; detail?: string; data: Record<string, unknown> }

function lintJson(...paths: string[]): Row[] {
  const r = spawnSync(process.execPath, [cliPath, '--format', 'json', ...paths], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as Row[];
}

function problems(rows: Row[]): string[] {
  return rows.flatMap((row) => {
    const problem = verdictProblem(row);
    return problem ? [`${path.basename(row.file)} ${row.code}: ${problem}`] : [];
  });
}

describe('one-line verdicts', () => {
  test('every finding on the bundled examples is a verdict of at most 120 characters', () => {
    const rows = lintJson('examples');
    assert.ok(rows.length > 20);
    assert.deepEqual(problems(rows), []);
    // And as written, names and all: no message of `npm start` is longer than 160 characters.
    assert.deepEqual(rows.filter((r) => r.message.length > 160).map((r) => r.message), []);
  });

  test('every finding on the real public files too', (t) => {
    if (!existsSync(realdataDir)) { t.skip(`real data not found at ${realdataDir}`); return; }
    const rows = lintJson(realdataDir);
    // Not vacuous: the real files give some ninety findings (realdata.test.ts lists them).
    assert.ok(rows.length >= 80, `${rows.length} findings`);
    assert.deepEqual(problems(rows), []);
  });

  test('--verbose prints the arithmetic under each verdict that has one', () => {
    const plain = spawnSync(process.execPath, [cliPath, 'examples'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trimEnd().split('\n');
    const verbose = spawnSync(process.execPath, [cliPath, '--verbose', 'examples'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trimEnd().split('\n');
    const withDetail = lintJson('examples').filter((r) => r.detail).length;
    assert.ok(withDetail > 10, `${withDetail} findings with detail`);
    assert.equal(verbose.length, plain.length + withDetail);
    // Each detail line is indented under its finding's line, which is the same as without --verbose.
    assert.deepEqual(verbose.filter((line) => !line.startsWith('    ')), plain);
  });
});
