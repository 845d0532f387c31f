// The CLI's manners: --help lists every option, --version, --quiet, --max-warnings (as
// ESLint), colour only on a terminal or when asked (NO_COLOR respected), a summary that
// counts every severity, and SARIF links that never point into the machine that ran it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { OPTIONS, parseArgs, UsageError } from '../../server/src/cli/args';
import { sarifDocsBase } from '../../server/src/cli/docsLinks';
import { summaryLine, useColour } from '../../server/src/cli/report';
import { cliPath, groupsCsv, repoRoot, tempDir } from './helpers';

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env };
  delete clean.NO_COLOR;
  delete clean.COHORT_LINT_DOCS_BASE;
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

// Warnings and information only (EAS and SAS under-represented against the global reference).
const WARNINGS_ONLY = groupsCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, SAS: 60, AMR: 60 });
// Adds an error: a row with too few fields.
const WITH_ERROR = 'id,super_pop,age\n1,EUR,30\n2,AFR\n3,EAS,40\n';

describe('cohort-lint CLI manners', () => {
  test('--help lists every option, one line each, and exits 0', (t) => {
    const r = run(tempDir(t), ['--help']);
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    for (const option of OPTIONS) {
      const matching = lines.filter((l) => l.trimStart().startsWith(option.flags.join(', ')));
      assert.equal(matching.length, 1, `${option.flags[0]} should have exactly one line in --help:\n${r.stdout}`);
      assert.ok(matching[0].includes(option.help));
    }
    assert.match(r.stdout, /^usage: cohort-lint/);
    assert.match(r.stdout, /Exit codes: 0/);
  });

  test('--version prints the version in package.json', (t) => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const r = run(tempDir(t), ['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${version}\n`);
  });

  test('the summary line counts every severity', (t) => {
    const dir = tempDir(t);
    write(path.join(dir, 'good.csv'), WARNINGS_ONLY);
    const rows = JSON.parse(run(dir, ['--format', 'json', 'good.csv']).stdout) as { severity: string }[];
    const count = (s: string) => rows.filter((r) => r.severity === s).length;
    const last = run(dir, ['good.csv']).stdout.trimEnd().split('\n').pop();
    assert.equal(last, `${rows.length} findings: 0 errors, ${count('warning')} warnings, ${count('information')} information, ${count('hint')} hints`);
    assert.ok(count('warning') > 0, 'the fixture should hold warnings');
    assert.equal(summaryLine({ error: 1, warning: 1, information: 2, hint: 1 }), '5 findings: 1 error, 1 warning, 2 information, 1 hint');
  });

  test('--quiet reports errors only, in text and JSON', (t) => {
    const dir = tempDir(t);
    write(path.join(dir, 'bad.csv'), WITH_ERROR);
    const text = run(dir, ['--quiet', 'bad.csv']);
    assert.equal(text.code, 1);
    const lines = text.stdout.trimEnd().split('\n');
    assert.ok(lines.slice(0, -1).every((l) => / error /.test(l)), text.stdout);
    const errors = lines.length - 1;
    assert.equal(lines[lines.length - 1], `${errors} finding${errors === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, 0 warnings, 0 information, 0 hints`);
    const rows = JSON.parse(run(dir, ['-q', '--format', 'json', 'bad.csv']).stdout) as { severity: string }[];
    assert.ok(rows.length > 0 && rows.every((r) => r.severity === 'error'));
    const all = JSON.parse(run(dir, ['--format', 'json', 'bad.csv']).stdout) as { severity: string }[];
    assert.ok(all.length > rows.length, 'without --quiet there are more than errors');
  });

  test('--max-warnings N: exit 1 above N, 0 at N (as ESLint), even with --quiet', (t) => {
    const dir = tempDir(t);
    write(path.join(dir, 'good.csv'), WARNINGS_ONLY);
    const warnings = (JSON.parse(run(dir, ['--format', 'json', 'good.csv']).stdout) as { severity: string }[])
      .filter((r) => r.severity === 'warning').length;
    assert.ok(warnings > 0);
    assert.equal(run(dir, ['good.csv']).code, 0);
    assert.equal(run(dir, ['--max-warnings', String(warnings), 'good.csv']).code, 0);
    const over = run(dir, [`--max-warnings=${warnings - 1}`, 'good.csv']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
    assert.equal(run(dir, ['-q', '--max-warnings', '0', 'good.csv']).code, 1);
    assert.equal(run(dir, ['--max-warnings', 'many', 'good.csv']).code, 2);
  });

  test('colour: none when piped, with NO_COLOR or --no-color; on with --color', (t) => {
    const dir = tempDir(t);
    write(path.join(dir, 'bad.csv'), WITH_ERROR);
    const esc = '\u001b[';
    assert.ok(!run(dir, ['bad.csv']).stdout.includes(esc), 'piped output is plain');
    const coloured = run(dir, ['--color', 'bad.csv']).stdout;
    assert.ok(coloured.includes(`${esc}31merror${esc}0m`), coloured);
    assert.ok(!run(dir, ['--color', '--no-color', 'bad.csv']).stdout.includes(esc));
    // The terminal decision itself (a child's stdout here is a pipe, never a TTY).
    assert.equal(useColour(undefined, true, {}), true);
    assert.equal(useColour(undefined, true, { NO_COLOR: '1' }), false);
    assert.equal(useColour(undefined, false, {}), false);
    assert.equal(useColour(true, false, { NO_COLOR: '1' }), true);
  });

  test('SARIF links: never file://; the --docs-url option, else COHORT_LINT_DOCS_BASE; left out without a base', (t) => {
    const dir = tempDir(t);
    write(path.join(dir, 'bad.csv'), WITH_ERROR);
    const driver = (args: string[], env: NodeJS.ProcessEnv = {}) => JSON.parse(run(dir, ['--format', 'sarif', ...args, 'bad.csv'], env).stdout).runs[0].tool.driver;
    const plain = driver([]);
    assert.ok(!JSON.stringify(plain.rules).includes('file://'), 'a rule links to a local file');
    assert.equal(plain.informationUri, undefined);
    assert.ok(plain.rules.every((r: { helpUri?: string }) => r.helpUri === undefined));
    assert.match(plain.rules[0].help.text, /docs\/rules\/table-malformed\.md/);
    const fromEnv = driver([], { COHORT_LINT_DOCS_BASE: 'https://example.org/docs/rules/' });
    assert.equal(fromEnv.informationUri, 'https://example.org/docs/rules/README.md');
    assert.equal(fromEnv.rules[0].helpUri, 'https://example.org/docs/rules/table-malformed.md');
    const fromOption = driver(['--docs-url', 'https://mirror.example.org/rules'], { COHORT_LINT_DOCS_BASE: 'https://example.org/docs/rules/' });
    assert.equal(fromOption.rules[0].helpUri, 'https://mirror.example.org/rules/table-malformed.md');
    // A file:// base from the environment (the editor's own setting) is not used for SARIF.
    assert.equal(sarifDocsBase(undefined, { COHORT_LINT_DOCS_BASE: 'file:///home/me/docs/' }), undefined);
    assert.equal(run(dir, ['--docs-url', 'file:///tmp/x', 'bad.csv']).code, 2);
  });

  test('option parsing: unknown options and values on flags are usage errors', () => {
    assert.throws(() => parseArgs(['--frobnicate', 'x']), UsageError);
    assert.throws(() => parseArgs(['--quiet=yes', 'x']), UsageError);
    assert.deepEqual(parseArgs(['--version']).version, true);
    assert.equal(parseArgs(['--max-warnings', '0', 'a']).maxWarnings, 0);
  });
});
