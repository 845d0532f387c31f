// `cohort-lint --format sarif`: valid SARIF 2.1.0 by Microsoft's validator (the
// @microsoft/sarif-multitool dev dependency) and by the OASIS JSON schema it ships, with
// rule metadata for code-scanning UIs; consent errors make the exit code 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { ALL_RULES, ruleById } from '../../server/src/engine';
import { artifactLocation, friendlyName } from '../../server/src/cli/sarif';
import { cliPath, tempDir } from './helpers';

/** The validator's native binary, or why it cannot run here. */
function validatorBinary(): { path?: string; why?: string } {
  let binary: string;
  try {
    binary = require('@microsoft/sarif-multitool') as string;
  } catch (e) {
    return { why: `@microsoft/sarif-multitool has no binary for ${process.platform}-${process.arch}: ${(e as Error).message.split('\n')[0]}` };
  }
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) return { why: `the SARIF validator does not run on this platform: ${probe.error?.message ?? probe.stderr.split('\n')[0]}` };
  return { path: binary };
}

interface ValidatorResult { ruleId: string; level: string; text: string }

/**
 * Runs `sarif-multitool validate` with every level reported into a SARIF log and reads
 * that log. (The tool exits 0 whatever it finds, so its log is what counts.)
 */
function validate(binary: string, file: string, dir: string): ValidatorResult[] {
  const log = path.join(dir, `${path.basename(file)}.validation.sarif`);
  const r = spawnSync(binary, ['validate', '--level', 'Error;Warning;Note', '-o', log, file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `validator failed: ${r.stderr || r.stdout}`);
  const out = JSON.parse(readFileSync(log, 'utf8'));
  const rules = new Map<string, { messageStrings?: Record<string, { text: string }> }>((out.runs[0].tool.driver.rules ?? []).map((x: { id: string }) => [x.id, x]));
  return out.runs[0].results.map((x: { ruleId: string; level?: string; message: { id?: string; text?: string; arguments?: string[] } }) => ({
    ruleId: x.ruleId,
    level: x.level ?? 'warning',
    text: x.message.text ?? `${rules.get(x.ruleId)?.messageStrings?.[x.message.id ?? '']?.text ?? x.message.id} ${JSON.stringify(x.message.arguments ?? [])}`,
  }));
}

function schemaFile(): string | undefined {
  for (const platform of ['linux', 'darwin', 'win32']) {
    try {
      const file = path.join(path.dirname(require.resolve(`@microsoft/sarif-multitool-${platform}/package.json`)), 'sarif-2.1.0.json');
      if (existsSync(file)) return file;
    } catch { /* not installed for this platform */ }
  }
  return undefined;
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A folder whose datasets have consent errors (a name with a space and a # to encode). */
function consentFolder(t: { after(fn: () => void): void }): string {
  const dir = tempDir(t, 'cohortlint-sarif-');
  write(path.join(dir, 'cohortlint.yaml'), 'intendedUse: commercial\n');
  write(path.join(dir, 'data', 'cohort a#1.csv'), 'id,super_pop,consent,withdrawal_date\n1,EUR,GRU,\n2,AFR,,\n3,EAS,hmb,\n4,SAS,GRU;NPU,\n5,AMR,GRU,2001-01-01\n');
  write(path.join(dir, 'data', 'ok.tsv'), 'id\tsuper_pop\n1\tEUR\n');
  return dir;
}

function runCli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('SARIF output', () => {
  before(() => assert.ok(existsSync(cliPath), `${cliPath} missing: run npm run build first`));

  test('consent errors: exit 1, one result per finding, rule metadata, encoded URIs', (t) => {
    const dir = consentFolder(t);
    const r = runCli(dir, '--format', 'sarif', '--docs-url', 'https://docs.example.org/cohort-lint/rules', 'data');
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    const [run] = log.runs;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.invocations.map((i: { executionSuccessful: boolean }) => i.executionSuccessful), [true]);
    assert.match(run.originalUriBaseIds.SRCROOT.uri, /^file:\/\/.*\/$/);
    const rules = run.tool.driver.rules;
    assert.deepEqual(rules.map((x: { id: string }) => x.id), ALL_RULES.map((x) => x.id));
    for (const rule of rules) {
      assert.equal(rule.name, friendlyName(rule.id));
      assert.match(rule.name, /^[A-Z][A-Za-z0-9]+$/);
      for (const key of ['shortDescription', 'fullDescription', 'help']) assert.ok(rule[key]?.text, `${rule.id} lacks ${key}`);
      assert.equal(rule.helpUri, `https://docs.example.org/cohort-lint/rules/${rule.id}.md`);
    }
    const codes = run.results.map((x: { ruleId: string }) => x.ruleId);
    for (const code of ['consent-value-missing', 'consent-value-invalid', 'consent-withdrawn', 'consent-scope-mismatch']) assert.ok(codes.includes(code), `no ${code} result`);
    for (const result of run.results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
      // The message id rides in the property bag (message.id would ask viewers to look a template up).
      assert.ok(Object.hasOwn(ruleById(result.ruleId)!.messages, result.properties.messageId), `${result.ruleId}: ${result.properties.messageId}`);
      assert.equal(result.message.id, undefined);
      const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
      assert.ok(['data/cohort%20a%231.csv', 'data/ok.tsv'].includes(uri), uri);
      assert.equal(uriBaseId, 'SRCROOT');
      const region = result.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && (region.endLine > region.startLine || region.endColumn > region.startColumn), JSON.stringify(region));
    }
    assert.ok(run.results.some((x: { level: string }) => x.level === 'error'));
  });

  test('artifact locations: relative and percent-encoded inside the working directory, file URLs outside', () => {
    assert.deepEqual(artifactLocation('/w/x/a b.csv', '/w'), { uri: 'x/a%20b.csv', uriBaseId: 'SRCROOT' });
    assert.deepEqual(artifactLocation('/elsewhere/d.csv', '/w'), { uri: 'file:///elsewhere/d.csv' });
  });

  test('valid against the OASIS SARIF 2.1.0 JSON schema', (t) => {
    const file = schemaFile();
    if (!file) return t.skip('the SARIF schema ships with @microsoft/sarif-multitool-<platform>, not installed here');
    const dir = consentFolder(t);
    const log = JSON.parse(runCli(dir, '--format', 'sarif', 'data').stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validateLog = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
    assert.ok(validateLog(log), JSON.stringify(validateLog.errors?.slice(0, 5), null, 2));
  });

  test('Microsoft SARIF validator (sarif-multitool validate): no errors, no warnings', (t) => {
    const binary = validatorBinary();
    if (!binary.path) return t.skip(binary.why!);
    const dir = consentFolder(t);
    // As CI would run it, with the public docs base configured (cli/docsLinks.ts).
    const r = runCli(dir, '--format', 'sarif', '--docs-url', 'https://docs.example.org/cohort-lint/rules/', 'data');
    assert.equal(r.code, 1, r.stderr);
    const file = path.join(dir, 'cohort-lint.sarif');
    writeFileSync(file, r.stdout);
    const results = validate(binary.path, file, dir);
    const problems = results.filter((x) => x.level === 'error' || x.level === 'warning');
    assert.deepEqual(problems, []);
    // Without a base the links are left out rather than pointing at this machine's files:
    // the validator's only complaint is then the missing informationUri (a warning).
    const bare = path.join(dir, 'bare.sarif');
    writeFileSync(bare, runCli(dir, '--format', 'sarif', 'data').stdout);
    const bareProblems = validate(binary.path, bare, dir).filter((x) => x.level === 'error' || x.level === 'warning');
    assert.deepEqual(bareProblems.map((x) => x.ruleId), ['SARIF2005']);
    // The tool skips a file it cannot read without a word: its notes prove it read this one.
    assert.ok(results.some((x) => x.ruleId === 'SARIF2009'), `no notes at all: the validator did not analyse the file (${JSON.stringify(results)})`);
  });

  test('the validator is live: it reports a deliberately broken log', (t) => {
    const binary = validatorBinary();
    if (!binary.path) return t.skip(binary.why!);
    const dir = tempDir(t, 'cohortlint-sarif-');
    const file = path.join(dir, 'broken.sarif');
    const broken = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r', message: { text: 'm.' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.csv' }, region: { startLine: 0 } } }] }] }] };
    writeFileSync(file, JSON.stringify(broken));
    const errors = validate(binary.path, file, dir).filter((x) => x.level === 'error').map((x) => x.ruleId);
    assert.ok(errors.includes('SARIF1002') && errors.includes('JSON1008'), JSON.stringify(errors));
  });
});
