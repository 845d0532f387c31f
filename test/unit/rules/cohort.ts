// The three-table Data Package the cohort rules are tested on (test/fixtures/cohort/package):
// participants, consent and phenotypes joined on participant_id by foreign keys.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RuleCase } from './harness';

export const COHORT_PACKAGE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'cohort', 'package');

export function cohortTable(name: string, caseName: string): RuleCase {
  return { name: caseName, path: name, text: readFileSync(path.join(COHORT_PACKAGE, name), 'utf8'), root: COHORT_PACKAGE };
}
