// An OMOP CDM v5.4 folder as a cohort. The tables with a person_id and what each holds
// come from OHDSI/CommonDataModel inst/csv/OMOP_CDMv5.4_Field_Level.csv and
// _Table_Level.csv: PERSON holds one row per person ("All Persons in a database needs
// one record in this table"); "Each Person needs to have at least one
// OBSERVATION_PERIOD record"; every other table holds events (a person with no
// condition has no CONDITION_OCCURRENCE row, which is not a gap). DEATH holds at most
// one row per person, so it is an event table too.
import * as path from 'node:path';
import { folderTables } from './folderTables';
import type { Cohort, CohortTable } from './model';

const PERSON = 'person';
const PER_PERSON = new Set(['observation_period']);
/** Every CDM v5.4 table with a person_id column (a foreign key to PERSON). */
const PERSON_TABLES = new Set([
  PERSON, 'observation_period', 'visit_occurrence', 'visit_detail', 'condition_occurrence', 'drug_exposure',
  'procedure_occurrence', 'device_exposure', 'measurement', 'observation', 'death', 'note', 'specimen',
  'payer_plan_period', 'drug_era', 'dose_era', 'condition_era', 'episode',
]);
const KEY = 'person_id';
const TABLE_FILE = /^(.+)\.(csv|tsv)$/i;

/** The CDM table a file holds, by its name (PERSON.csv, condition_occurrence.tsv), if any. */
export function omopTableOf(filePath: string): string | undefined {
  const match = TABLE_FILE.exec(path.basename(filePath));
  const table = match?.[1].toLowerCase();
  return table && PERSON_TABLES.has(table) ? table : undefined;
}

/**
 * The OMOP cohort a file belongs to: its folder holds a PERSON table and the file is one
 * of the CDM's person tables. Files outside the workspace are not listed.
 */
export function omopCohort(datasetPath: string, workspaceRoot: string | undefined): Cohort | undefined {
  if (!omopTableOf(datasetPath)) return undefined;
  const found = folderTables(datasetPath, workspaceRoot, omopTableOf);
  if (!found) return undefined;
  const person = found.get(PERSON);
  if (!person) return undefined;
  const tables: CohortTable[] = [{ name: path.basename(person), path: person, key: [KEY], role: 'participants' }];
  for (const [table, file] of found) {
    if (table === PERSON) continue;
    const every = PER_PERSON.has(table);
    tables.push({
      name: path.basename(file), path: file, key: [KEY], role: 'related', everyParticipant: every,
      everyParticipantReason: every ? 'the OMOP CDM requires at least one OBSERVATION_PERIOD row per person' : undefined,
    });
  }
  return { origin: 'omop', definedBy: path.dirname(path.resolve(datasetPath)), tables };
}
