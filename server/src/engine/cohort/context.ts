// What a cohort rule reads: the cohort, the table being linted and its place in it, the
// facts of the participants table, and the scan of this table's rows against the others.
import type { MarkedCell } from '../consent/scan';
import type { RawFinding, RuleMeta } from '../rules/rule';
import type { Range } from '../types';
import type { TableFacts } from './facts';
import type { Cohort, CohortTable } from './model';
import type { TargetScan } from './targetScan';

export interface CohortContext {
  path: string;
  cohort: Cohort;
  target: CohortTable;
  /** This table's own facts (its keys), from the document's rows. */
  targetFacts: TableFacts;
  participants: { table: CohortTable; facts: TableFacts };
  /** Whether this table must list every participant, and why (for the message). */
  everyParticipant?: string;
  scan: TargetScan;
  header: readonly string[];
  headerCell(columnIndex: number): Range;
  cellRange(cell: MarkedCell): Range;
}

export interface CohortRule extends RuleMeta {
  check(context: CohortContext): RawFinding[];
}

/** Where the cohort was defined, for messages. */
export function definedByText(cohort: Cohort): string {
  const base = cohort.definedBy.split(/[\\/]/).pop();
  switch (cohort.origin) {
    case 'dataPackage': return `the foreign keys of ${base}`;
    case 'policy': return `the cohort key of ${base}`;
    case 'omop': return 'the OMOP CDM tables in this folder';
    case 'mimic': return 'the MIMIC tables in this folder (PATIENTS and the tables with SUBJECT_ID)';
  }
}

/** The key column(s), quoted: "person_id", or "site" + "subject" for a composite key. */
export function keyName(context: CohortContext): string {
  return context.target.key.map((k) => `"${k}"`).join(' + ');
}
