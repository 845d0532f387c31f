// Cohorts found from a folder's layout: an OMOP CDM folder (PERSON beside the event
// tables) and a MIMIC-III/IV folder (PATIENTS beside the tables with SUBJECT_ID).
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cohortFindings, folderWith, lintIn, rowLines, summaries } from './cohortHelpers';
import { SYNPUF_PERSON } from './delimiterFixtures';
import { byCode } from './helpers';

describe('OMOP CDM folder', () => {
  function omopFolder(): string {
    return folderWith({
      'PERSON.csv': 'person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id\n1,8507,1960,8527,38003564\n2,8532,1971,8516,38003564\n3,8532,1985,8515,38003564\n4,8507,1990,8527,38003563\n5,8532,1955,0,0\n',
      // Person 5 has no observation period: the CDM requires one.
      'OBSERVATION_PERIOD.csv': 'observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id\n1,1,2010-01-01,2020-12-31,32817\n2,2,2012-01-01,2020-12-31,32817\n3,3,2015-01-01,2020-12-31,32817\n4,4,2018-01-01,2020-12-31,32817\n',
      // Person 1 has three conditions, 3-5 none (normal); person 9 is not in PERSON.
      'CONDITION_OCCURRENCE.csv': 'condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_type_concept_id\n10,1,201826,2015-03-01,32817\n11,1,320128,2016-04-01,32817\n12,1,201826,2017-05-01,32817\n13,2,4329847,2018-06-01,32817\n14,9,201826,2019-07-01,32817\n',
      'DEATH.csv': 'person_id,death_date,death_type_concept_id\n2,2021-01-05,32817\n',
    });
  }

  test('event tables: several rows per person are normal, people without events are not missing, unknown persons are orphans', () => {
    const dir = omopFolder();
    const condition = lintIn(dir, 'CONDITION_OCCURRENCE.csv');
    assert.equal(byCode(condition, 'cohort-participant-missing').length, 0);
    assert.deepEqual(rowLines(condition, 'cohort-key-orphan'), [6]);
    assert.equal(summaries(condition, 'cohort-key-orphan')[0].data.participantsTable, 'PERSON.csv');
    assert.equal(cohortFindings(lintIn(dir, 'DEATH.csv')).length, 0, 'most people have no DEATH row');
  });

  test('OBSERVATION_PERIOD must cover every person; PERSON marks who is missing', () => {
    const dir = omopFolder();
    const period = lintIn(dir, 'OBSERVATION_PERIOD.csv');
    const [missing] = byCode(period, 'cohort-participant-missing');
    // Race (PERSON), sex, birth year and diagnosis (CONDITION_OCCURRENCE) are in other tables of the CDM.
    assert.deepEqual(period.filter((f) => f.code === 'ancestry-column-missing' || f.code === 'phenotype-field-missing').map((f) => f.code), []);
    assert.deepEqual({ missing: missing.data.missing, participants: missing.data.participants }, { missing: 1, participants: 5 });
    const person = lintIn(dir, 'PERSON.csv');
    assert.deepEqual(summaries(person, 'cohort-participant-missing').map((f) => f.data.table), ['OBSERVATION_PERIOD.csv']);
    assert.deepEqual(rowLines(person, 'cohort-participant-missing'), [6]);
  });

  // No CDM table records consent: one finding for the cohort, on PERSON, not one per table.
  test('no table records consent: "No consent column" once, on PERSON, for the whole folder', () => {
    const dir = omopFolder();
    for (const name of ['OBSERVATION_PERIOD.csv', 'CONDITION_OCCURRENCE.csv', 'DEATH.csv']) assert.deepEqual(byCode(lintIn(dir, name), 'consent-field-missing'), [], name);
    const [consent, ...more] = byCode(lintIn(dir, 'PERSON.csv'), 'consent-field-missing');
    assert.equal(more.length, 0);
    assert.equal(consent.message, 'No consent column in any table of the cohort (4 tables)');
    assert.match(consent.detail ?? '', /No other table of this cohort \(.*OBSERVATION_PERIOD\.csv.*\) records consent either; this finding stands for the cohort and is reported on its participants table only\.$/);
    assert.equal(consent.data.cohortTables, 4);
  });

  test('without a readable PERSON table, a CDM table keeps its own "No consent column"', () => {
    const dir = omopFolder();
    rmSync(path.join(dir, 'PERSON.csv'));
    assert.equal(byCode(lintIn(dir, 'CONDITION_OCCURRENCE.csv'), 'consent-field-missing').length, 1);
  });

  test('no PERSON table, no cohort; a file not named after a CDM table is not part of one', () => {
    const dir = omopFolder();
    writeFileSync(path.join(dir, 'notes_export.csv'), 'person_id,text\n99,x\n');
    assert.equal(cohortFindings(lintIn(dir, 'notes_export.csv')).length, 0);
    rmSync(path.join(dir, 'PERSON.csv'));
    assert.equal(cohortFindings(lintIn(dir, 'CONDITION_OCCURRENCE.csv')).length, 0);
  });

  test('tables exported with tabs but named .csv (as ATLAS does) join as the comma tables do', () => {
    const dir = omopFolder();
    for (const name of ['PERSON.csv', 'CONDITION_OCCURRENCE.csv', 'OBSERVATION_PERIOD.csv', 'DEATH.csv']) {
      writeFileSync(path.join(dir, name), readFileSync(path.join(dir, name), 'utf8').replaceAll(',', '\t'));
    }
    const condition = lintIn(dir, 'CONDITION_OCCURRENCE.csv');
    assert.deepEqual(rowLines(condition, 'cohort-key-orphan'), [6]);
    assert.deepEqual(summaries(lintIn(dir, 'OBSERVATION_PERIOD.csv'), 'cohort-participant-missing').map((f) => f.data.missing), [1]);
  });

  test('a PERSON table with no header row (SynPUF): no cohort finding about a key only unnamed', () => {
    const dir = omopFolder();
    writeFileSync(path.join(dir, 'PERSON.csv'), SYNPUF_PERSON);
    const person = lintIn(dir, 'PERSON.csv');
    assert.deepEqual(person.map((f) => f.code), ['table-header-missing']);
  });

  test('a float export of an integer key ("9.0") joins as "9"', () => {
    const dir = omopFolder();
    writeFileSync(path.join(dir, 'CONDITION_OCCURRENCE.csv'), 'condition_occurrence_id,person_id,condition_concept_id\n10,1.0,201826\n11,2.00,320128\n');
    assert.equal(cohortFindings(lintIn(dir, 'CONDITION_OCCURRENCE.csv')).length, 0);
  });
});

describe('MIMIC folder', () => {
  // MIMIC-III's layout: PATIENTS holds sex and birth date, ADMISSIONS the ethnicity, the
  // other tables events keyed by SUBJECT_ID (headers in upper case, as MIMIC-III writes them).
  function mimicFolder(): string {
    return folderWith({
      'PATIENTS.csv': 'ROW_ID,SUBJECT_ID,GENDER,DOB,DOD,EXPIRE_FLAG\n1,10006,F,2094-03-05 00:00:00,2165-08-12 00:00:00,1\n2,10011,F,2090-06-05 00:00:00,2126-08-28 00:00:00,1\n3,10013,F,2038-09-03 00:00:00,2125-10-07 00:00:00,1\n',
      'ADMISSIONS.csv': 'ROW_ID,SUBJECT_ID,HADM_ID,ADMITTIME,ETHNICITY,DIAGNOSIS\n1,10006,142345,2164-10-23 21:09:00,BLACK/AFRICAN AMERICAN,SEPSIS\n2,10011,105331,2126-08-14 22:32:00,UNKNOWN/NOT SPECIFIED,HEPATITIS B\n3,10013,165520,2125-10-04 23:36:00,UNKNOWN/NOT SPECIFIED,SEPSIS\n4,10099,165521,2125-10-04 23:36:00,WHITE,SEPSIS\n',
      'ICUSTAYS.csv': 'ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,INTIME\n1,10006,142345,206504,2164-10-23 21:10:15\n',
      'D_ICD_DIAGNOSES.csv': 'ROW_ID,ICD9_CODE,SHORT_TITLE,LONG_TITLE\n1,01716,Erythem nod tb-oth test,Erythema nodosum\n',
    });
  }

  test('sex and birth date in PATIENTS answer for ADMISSIONS; its ethnicity answers for PATIENTS', () => {
    const dir = mimicFolder();
    const admissions = lintIn(dir, 'ADMISSIONS.csv');
    assert.deepEqual(admissions.filter((f) => f.code === 'phenotype-field-missing').map((f) => f.data.requirement), []);
    const patients = lintIn(dir, 'PATIENTS.csv');
    assert.equal(byCode(patients, 'ancestry-column-missing').length, 0);
    const icu = lintIn(dir, 'ICUSTAYS.csv');
    assert.equal(byCode(icu, 'ancestry-column-missing').length, 0);
  });

  test('events: a patient without an ICU stay is not missing; a SUBJECT_ID not in PATIENTS is an orphan', () => {
    const dir = mimicFolder();
    assert.equal(byCode(lintIn(dir, 'ICUSTAYS.csv'), 'cohort-participant-missing').length, 0);
    assert.deepEqual(rowLines(lintIn(dir, 'ADMISSIONS.csv'), 'cohort-key-orphan'), [5]);
    assert.match(summaries(lintIn(dir, 'ADMISSIONS.csv'), 'cohort-key-orphan')[0].message, /PATIENTS\.csv/);
  });

  test('a dictionary table (no SUBJECT_ID) and a folder without PATIENTS are no cohort', () => {
    const dir = mimicFolder();
    assert.equal(cohortFindings(lintIn(dir, 'D_ICD_DIAGNOSES.csv')).length, 0);
    rmSync(path.join(dir, 'PATIENTS.csv'));
    assert.equal(cohortFindings(lintIn(dir, 'ADMISSIONS.csv')).length, 0);
    assert.ok(byCode(lintIn(dir, 'ADMISSIONS.csv'), 'phenotype-field-missing').some((f) => f.data.requirement === 'sex'));
  });
});
