// The cohort-lint CLI, run as a child process from its bundle (server/dist/cli.js).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { ALL_RULES } from '../../server/src/engine';
import { cliPath, groupsCsv, tempDir } from './helpers';

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

// Well formed: only warnings and information (EAS, SAS under-represented vs global).
const GOOD = groupsCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, SAS: 60, AMR: 60 });
// Row 3 (line 3) has too few fields: a table-malformed error.
const BAD = 'id,super_pop,age\n1,EUR,30\n2,AFR\n3,EAS,40\n';

describe('cohort-lint CLI', () => {
  let dir = '';
  before(() => assert.ok(existsSync(cliPath), `${cliPath} missing: run npm run build first`));

  test('--format json: rows with file, range, severity, code, messageId, message, data; exit 0 without errors', (t) => {
    dir = tempDir(t);
    const file = write(path.join(dir, 'good.csv'), GOOD);
    const r = run(dir, '--format', 'json', 'good.csv');
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout);
    assert.ok(Array.isArray(rows) && rows.length > 0);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row).sort(), ['code', 'data', 'detail', 'file', 'message', 'messageId', 'range', 'severity'].filter((k) => k !== 'detail' || row.detail !== undefined));
      assert.equal(row.file, file);
      assert.equal(typeof row.range.start.line, 'number');
      assert.notEqual(row.severity, 'error');
    }
    const under = rows.filter((x: any) => x.code === 'ancestry-underrepresented').map((x: any) => x.data.group).sort();
    assert.deepEqual(under, ['EAS', 'SAS']);
  });

  test('exit 1 with an error-severity finding', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'bad.csv'), BAD);
    const r = run(dir, '--format', 'json', 'bad.csv');
    assert.equal(r.code, 1, r.stderr);
    const rows = JSON.parse(r.stdout);
    const errors = rows.filter((x: any) => x.severity === 'error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].code, 'table-malformed');
    assert.equal(errors[0].range.start.line, 2);
  });

  test('exit 2 on a missing path with a one-line stderr', (t) => {
    dir = tempDir(t);
    const r = run(dir, 'nope.csv');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^cohort-lint: .*nope\.csv/);
  });

  test('exit 2 on a bad flag, naming it on the first stderr line', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'good.csv'), GOOD);
    for (const args of [['--frobnicate', 'good.csv'], ['--format', 'xml', 'good.csv'], ['--format'], []]) {
      const r = run(dir, ...args);
      assert.equal(r.code, 2, `args ${args.join(' ')}`);
      assert.match(r.stderr.split('\n')[0], /^cohort-lint: \S/);
    }
    assert.match(run(dir, '--frobnicate', 'good.csv').stderr, /--frobnicate/);
  });

  test('a bad flag gives a one-line stderr', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'good.csv'), GOOD);
    const r = run(dir, '--frobnicate', 'good.csv');
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  });

  test('exit 2 on a --config that does not exist', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'good.csv'), GOOD);
    const r = run(dir, '--config', 'missing.yaml', 'good.csv');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.yaml/);
  });

  test('--format sarif: 2.1.0, every rule in tool.driver.rules, results with ruleId and 1-based regions', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'bad.csv'), BAD);
    const r = run(dir, '--format', 'sarif', 'bad.csv');
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.deepEqual(run0.tool.driver.rules.map((x: any) => x.id).sort(), ALL_RULES.map((x) => x.id).sort());
    assert.ok(run0.tool.driver.rules.every((x: any) => x.shortDescription?.text && x.help?.text && !JSON.stringify(x).includes('file://')));
    assert.ok(run0.results.length > 0);
    for (const res of run0.results) {
      assert.ok(ALL_RULES.some((x) => x.id === res.ruleId), res.ruleId);
      const region = res.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1, JSON.stringify(region));
      assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'bad.csv');
    }
    const malformed = run0.results.find((x: any) => x.ruleId === 'table-malformed');
    assert.equal(malformed.level, 'error');
    assert.deepEqual(malformed.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 6 });
    const json = JSON.parse(run(dir, '--format', 'json', 'bad.csv').stdout);
    assert.equal(run0.results.length, json.length);
  });

  test('a folder argument is searched recursively for datasets (node_modules skipped)', (t) => {
    dir = tempDir(t);
    const noAncestry = 'id,age\n1,30\n';
    const expected = [
      write(path.join(dir, 'data', 'a.csv'), noAncestry),
      write(path.join(dir, 'data', 'deep', 'er', 'b.tsv'), 'id\tage\n1\t30\n'),
      write(path.join(dir, 'data', 'c.tab'), 'id\tage\n1\t30\n'),
    ];
    write(path.join(dir, 'data', 'notes.txt'), noAncestry);
    write(path.join(dir, 'data', 'node_modules', 'pkg', 'x.csv'), noAncestry);
    const r = run(dir, '--format', 'json', 'data');
    assert.equal(r.code, 0, r.stderr);
    const files = [...new Set(JSON.parse(r.stdout).map((x: any) => x.file))].sort();
    assert.deepEqual(files, expected.sort());
  });

  test('a file argument is linted whatever its extension', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'samples.panel'), 'sample\tpop\tsuper_pop\tgender\t\t\nHG1\tGBR\tEUR\tmale\nHG2\tYRI\tAFR\tfemale\n');
    const rows = JSON.parse(run(dir, '--format', 'json', 'samples.panel').stdout);
    assert.deepEqual(rows.filter((x: any) => x.code === 'table-header-trailing-fields').map((x: any) => [x.data.kind, x.severity]), [['ragged-header', 'information']]);
    assert.equal(rows.filter((x: any) => x.code === 'table-malformed').length, 0);
  });

  test('--config FILE applies, wherever it is', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'data', 'good.csv'), GOOD);
    write(path.join(dir, 'policies', 'strict.yaml'), 'rules:\n  ancestry-underrepresented: error\n');
    const r = run(dir, '--format', 'json', '--config', 'policies/strict.yaml', 'data/good.csv');
    assert.equal(r.code, 1, r.stderr);
    const under = JSON.parse(r.stdout).filter((x: any) => x.code === 'ancestry-underrepresented');
    assert.equal(under.length, 2);
    assert.ok(under.every((x: any) => x.severity === 'error'));
    const inline = run(dir, '--format=json', '--config=policies/strict.yaml', 'data/good.csv');
    assert.equal(inline.code, 1);
  });

  test('the nearest cohortlint.yaml applies without --config', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'cohortlint.yaml'), 'rules:\n  ancestry-underrepresented: off\n  ancestry-group-small: off\n');
    write(path.join(dir, 'sub', 'good.csv'), GOOD);
    const rows = JSON.parse(run(dir, '--format', 'json', 'sub/good.csv').stdout);
    assert.equal(rows.filter((x: any) => x.code === 'ancestry-underrepresented').length, 0);
  });

  test('an invalid policy is reported on the policy file, exit 1', (t) => {
    dir = tempDir(t);
    const policy = write(path.join(dir, 'cohortlint.yaml'), 'ancestry:\n  minRatio: 2\n');
    write(path.join(dir, 'good.csv'), GOOD);
    const r = run(dir, '--format', 'json', '.');
    assert.equal(r.code, 1);
    const invalid = JSON.parse(r.stdout).filter((x: any) => x.code === 'config-invalid');
    assert.equal(invalid.length, 1);
    assert.equal(invalid[0].file, policy);
    assert.equal(invalid[0].range.start.line, 1);
  });

  test('text format: file:line:col: severity code: message, then a summary', (t) => {
    dir = tempDir(t);
    write(path.join(dir, 'bad.csv'), BAD);
    const r = run(dir, 'bad.csv');
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.includes('bad.csv:3:1: error table-malformed: The row at line 3 has 2 fields; the header has 3.'), r.stdout);
    assert.match(lines[lines.length - 1], /^\d+ findings: 1 error, \d+ warnings, \d+ information, \d+ hints?$/);
  });
});
