// A MIMIC-III or MIMIC-IV folder as a cohort. PATIENTS holds one row per patient
// (SUBJECT_ID, GENDER, DOB / anchor_age); ADMISSIONS holds their race or ethnicity; the other
// tables with a SUBJECT_ID column hold events (an ICU stay, a diagnosis, a lab result), so a
// patient without a row there is not a gap. Table names from the MIMIC-III documentation
// (mimic.mit.edu/docs/iii/tables) and MIMIC-IV's hosp and icu modules; D_* dictionaries
// have no SUBJECT_ID and are not part of it.
import * as path from 'node:path';
import { folderTables } from './folderTables';
import type { Cohort, CohortTable } from './model';

const PATIENTS = 'patients';
const EVENT_TABLES = new Set([
  // MIMIC-III
  'admissions', 'callout', 'chartevents', 'cptevents', 'datetimeevents', 'diagnoses_icd', 'drgcodes', 'icustays',
  'inputevents_cv', 'inputevents_mv', 'labevents', 'microbiologyevents', 'noteevents', 'outputevents', 'prescriptions',
  'procedureevents_mv', 'procedures_icd', 'services', 'transfers',
  // MIMIC-IV hosp and icu modules
  'emar', 'emar_detail', 'hcpcsevents', 'omr', 'pharmacy', 'poe', 'poe_detail', 'inputevents', 'ingredientevents', 'procedureevents',
]);
const KEY = 'subject_id';
const TABLE_FILE = /^(.+)\.(csv|tsv)$/i;

/** The MIMIC table a file holds, by its name (PATIENTS.csv, admissions.csv), if any. */
export function mimicTableOf(filePath: string): string | undefined {
  const match = TABLE_FILE.exec(path.basename(filePath));
  const table = match?.[1].toLowerCase();
  return table && (table === PATIENTS || EVENT_TABLES.has(table)) ? table : undefined;
}

/**
 * The MIMIC cohort a file belongs to: its folder holds a PATIENTS table beside it. MIMIC-IV
 * keeps icu/ apart from hosp/; only tables in the PATIENTS folder join. Files outside the
 * workspace are not listed.
 */
export function mimicCohort(datasetPath: string, workspaceRoot: string | undefined): Cohort | undefined {
  if (!mimicTableOf(datasetPath)) return undefined;
  const found = folderTables(datasetPath, workspaceRoot, mimicTableOf);
  if (!found) return undefined;
  const patients = found.get(PATIENTS);
  // A PATIENTS table alone is not a cohort of several tables.
  if (!patients || found.size < 2) return undefined;
  const tables: CohortTable[] = [{ name: path.basename(patients), path: patients, key: [KEY], role: 'participants' }];
  for (const [table, file] of found) {
    if (table !== PATIENTS) tables.push({ name: path.basename(file), path: file, key: [KEY], role: 'related', everyParticipant: false });
  }
  return { origin: 'mimic', definedBy: path.dirname(path.resolve(datasetPath)), tables };
}
