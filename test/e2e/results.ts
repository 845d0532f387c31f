// The JSON the suite writes (suite/index.ts) and the launchers read and print.
import * as fs from 'node:fs';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  /** False while the run is still going: a launcher that timed out reads a partial file. */
  done: boolean;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}

export function readResults(file: string): SuiteResults | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined;
  }
}

/**
 * Prints one line per test, the failures' errors, and last a line of its own
 * `N passed, N failed`. Returns whether the run counts as a success.
 */
export function printResults(results: SuiteResults | undefined, log: (line: string) => void = console.log): boolean {
  if (!results) {
    log('e2e: the suite wrote no results');
    log('0 passed, 0 failed');
    return false;
  }
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip';
    log(`  ${mark} ${t.title}${t.durationMs === undefined ? '' : ` (${t.durationMs} ms)`}`);
  }
  const failures = results.tests.filter((t) => t.state === 'failed');
  for (const [i, t] of failures.entries()) {
    log('');
    log(`${i + 1}) ${t.title}`);
    for (const line of (t.error ?? 'no error message').split('\n')) log(`     ${line}`);
  }
  if (!results.done) log('e2e: the suite did not finish; the counts cover the tests that did');
  if (failures.length) log('');
  log(`${results.passed} passed, ${results.failed} failed`);
  return results.done && results.failed === 0;
}
