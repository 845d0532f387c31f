// Entry point VS Code loads from the extension host (extensionTestsPath): runs the Mocha
// tests in this folder and writes their results as JSON to the file named by
// COHORT_LINT_E2E_RESULTS (see ../results.ts), rewritten after every test so a launcher that
// times out still reports what finished.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { SuiteResults } from '../results';
import { restrictedEnvVar, resultsEnvVar } from '../scratch';

export function run(): Promise<void> {
  // The Restricted Mode test runs alone, in its own pass with an untrusted folder
  // (launch-restricted.ts); every other test runs in the ordinary, trusted pass.
  const restricted = process.env[restrictedEnvVar] === '1';
  // COHORT_LINT_E2E_GREP runs only the tests whose title matches, while working on them.
  const only = process.env.COHORT_LINT_E2E_GREP;
  const mocha = new Mocha({
    ui: 'tdd', color: false, timeout: 120_000, reporter: 'spec',
    ...(only && !restricted ? { grep: only } : { grep: /restricted mode/, invert: !restricted }),
  });
  // Activation first (when it fails, every other failure follows from it); the acknowledge
  // test, which writes cohortlint.yaml, last. Any other test file runs after these, by name.
  const order = ['activation', 'panel', 'diabetic', 'acknowledge'].map((name) => `${name}.test.js`);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const files = fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const resultsFile = process.env[resultsEnvVar];
  const results: SuiteResults = { done: false, passed: 0, failed: 0, pending: 0, tests: [] };
  const save = () => {
    if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  };
  save();

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.done = true;
      save();
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      save();
    });
    runner.on('fail', (test, err: Error) => {
      results.failed++;
      results.tests.push({
        title: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration,
        error: (err && (err.stack || err.message)) || String(err),
      });
      save();
    });
    runner.on('pending', (test) => {
      results.pending++;
      results.tests.push({ title: test.fullTitle(), state: 'pending' });
      save();
    });
  });
}
