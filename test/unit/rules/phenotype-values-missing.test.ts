import { recidivism } from './documents';
import { lines, ruleTester } from './harness';

const bmi = (...values: string[]) => lines('id,bmi', ...values.map((v, i) => `${i + 1},${v}`));
const SEVEN = Array(7).fill('24.1');
/** 10 rows of `id,insurance,<header>`: a value on the first 6, empty on the last 4 (40%). */
const emptyOnFour = (header: string, value: string) => lines(`id,insurance,${header}`, ...Array.from({ length: 10 }, (_, i) => `${i + 1},Medicare,${i < 6 ? value : ''}`));

// An OMOP CDM PERSON table: the five fields the CDM requires (person_id, gender_concept_id,
// year_of_birth, race_concept_id, ethnicity_concept_id; OMOP_CDMv5.4_Field_Level.csv
// isRequired "Yes") and optional ones left empty or 0 as most ETLs leave them.
const PERSON_HEADER = 'person_id,gender_concept_id,year_of_birth,time_of_birth,race_concept_id,ethnicity_concept_id,person_source_value,gender_source_concept_id';
function omopPerson(yearMissing = 0): string {
  return lines(PERSON_HEADER, ...Array.from({ length: 10 }, (_, i) => `${i + 1},${i % 2 ? 8507 : 8532},${i < yearMissing ? '' : 1960 + i},,8527,38003564,,0`));
}

ruleTester('phenotype-values-missing', {
  valid: [
    { name: '2 of 10 missing: at the 20% maximum, not above it', text: bmi(...SEVEN, '24.1', 'NA', '') },
    { name: 'a looser maxMissing from the policy', text: bmi(...SEVEN, 'NA', '', '?'), policy: lines('phenotype:', '  maxMissing: 0.3') },
    { name: 'identifier columns are never reported, however empty', text: lines('participant_id,bmi', ',24', ',25', '3,26') },
    {
      // 8 of 10 empty, but the NHANES DEMO codebook records RIDAGEMN (age in months) only
      // for ages 24 months or younger and RIDEXAGM (months at exam) for ages 0-19: not missing.
      name: 'NHANES variables recorded for a subgroup only',
      text: lines('SEQN,RIDAGEYR,RIDAGEMN,RIDEXAGM,BMXBMI', '1,1,14,15,17.2', '2,0,7,8,16.0', ...Array.from({ length: 8 }, (_, i) => `${3 + i},${30 + i},,,25.${i}`)),
    },
    // MIMIC-III PATIENTS: DOD_HOSP is the death date the hospital recorded (empty for a death
    // elsewhere), DOD_SSN the Social Security registry's (empty when it has none).
    { name: 'MIMIC-III death dates DOD_HOSP and DOD_SSN', text: lines('SUBJECT_ID,GENDER,DOD_HOSP,DOD_SSN', ...Array.from({ length: 10 }, (_, i) => `${i + 1},F,${i < 6 ? '2150-01-01 00:00:00' : ''},${i % 2 ? '2150-01-01 00:00:00' : ''}`)) },
    { name: 'MIMIC-III ADMISSIONS EDREGTIME and EDOUTTIME: empty without an emergency-department visit', text: lines('HADM_ID,INSURANCE,EDREGTIME,EDOUTTIME', ...Array.from({ length: 10 }, (_, i) => `${i + 1},Medicare,${i < 6 ? '2150-01-01 08:00:00,2150-01-01 12:00:00' : ','}`)) },
    { name: 'MIMIC-IV admissions edregtime (lower case)', text: emptyOnFour('edregtime', '2150-01-01 08:00:00') },
    { name: 'MIMIC-III SERVICES PREV_SERVICE: empty on the first service of an admission', text: emptyOnFour('PREV_SERVICE', 'MED') },
    { name: 'a death time under any prefix (icu_deathtime)', text: emptyOnFour('icu_deathtime', '2150-01-01 08:00:00') },
    { name: 'date_of_death', text: emptyOnFour('date_of_death', '2150-01-01') },
    { name: 'an OMOP CDM PERSON table: optional fields empty or 0 are not counted', text: omopPerson(), path: 'person.csv' },
  ],
  invalid: [
    {
      name: 'an OMOP CDM PERSON table: a required field missing is counted',
      text: omopPerson(3),
      path: 'person.csv',
      findings: [{ messageId: 'missing', range: [0, 28, 0, 41], data: { column: 'year_of_birth', missing: 3, total: 10 } }],
    },
    {
      name: 'an optional OMOP field the policy lists is counted',
      text: omopPerson(),
      path: 'person.csv',
      policy: lines('phenotype:', '  columns: [year_of_birth, person_source_value]'),
      findings: [{ messageId: 'missing', range: [0, 93, 0, 112], data: { column: 'person_source_value', missing: 10, total: 10 } }],
    },
    {
      name: 'the same columns in a file no OMOP table name: every column counts',
      text: omopPerson(),
      path: 'people.csv',
      findings: [{ messageId: 'missing', range: [0, 42, 0, 55], data: { column: 'time_of_birth', columns: ['time_of_birth', 'person_source_value', 'gender_source_concept_id'] } }],
    },
    {
      name: 'a previous-something that is a value of its own (prev_smoker) is still missing when empty',
      text: emptyOnFour('prev_smoker', 'yes'),
      findings: [{ messageId: 'missing', range: [0, 13, 0, 24], data: { column: 'prev_smoker', missing: 4, total: 10 } }],
    },
    {
      name: 'a cause of death is not an event date: its empty share counts',
      text: emptyOnFour('cause_of_death', 'I21'),
      findings: [{ messageId: 'missing', range: [0, 13, 0, 27], data: { column: 'cause_of_death', missing: 4, total: 10 } }],
    },
    {
      // r_charge_desc is empty in 62 of 120 rows, but 60 of them are is_recid = 0 rows where
      // there is no new charge: 2 of the 60 recidivists' rows (3.3%) are missing, not reported.
      // r_jail_in is empty in 20 of the 60 (33%).
      name: 'partly not applicable: the share among the rows where the column applies',
      text: recidivism(),
      findings: [{ messageId: 'missingWhereApplies', range: [0, 49, 0, 58], data: { column: 'r_jail_in', columnIndex: 7, missing: 20, total: 60, share: 1 / 3, maxMissing: 0.2, markers: { '(empty)': 80 }, condition: 'is_recid', values: ['0'], notApplicableRows: 60 } }],
    },
    {
      name: '3 of 10 missing, three markers counted',
      text: bmi(...SEVEN, 'NA', '', '?'),
      findings: [{ messageId: 'missing', range: [0, 3, 0, 6], data: { column: 'bmi', columnIndex: 1, missing: 3, total: 10, share: 0.3, maxMissing: 0.2, markers: { NA: 1, '(empty)': 1, '?': 1 } } }],
    },
  ],
});
