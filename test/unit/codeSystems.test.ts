// Code-system shapes against examples from each system's own specification, and the
// ambiguities the rules must not call "mixed" (ICD-9-CM V and E codes).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeShape, isLoincCode, isSnomedConceptId, loincCheckDigit, namesCodes, systemInHeader, verhoeffValid } from '../../server/src/engine/phenotype/codeSystems';
import { readDate, writeDate } from '../../server/src/engine/phenotype/dateFormats';
import { quantityOfHeader, readMeasurement } from '../../server/src/engine/phenotype/quantities';

const candidates = (v: string) => codeShape(v).candidates;

describe('code-system shapes', () => {
  test('ICD-9-CM: numeric 001–999 with up to two decimals, V01–V91, E000–E030 and E800–E999', () => {
    for (const v of ['250.83', '427', '008', '428.0', 'E932', 'E999.1']) assert.deepEqual(candidates(v), ['ICD-9-CM'], v);
    assert.ok(codeShape('250.83').plainNumber);
    assert.ok(codeShape('38').plainNumber, 'leading zeros dropped (038)');
    assert.deepEqual(candidates('E500'), ['ICD-10'], 'E031–E799 are no ICD-9-CM E codes; E500 is ICD-10 E50.0 without its dot');
    assert.deepEqual(candidates('E932'), ['ICD-9-CM'], 'ICD-10 has no category E93');
  });

  test('ICD-9-CM without its dot, as CMS code files, claims and MIMIC-III write it', () => {
    for (const v of ['4019', '99591', '0389', '42731']) assert.deepEqual(candidates(v), ['ICD-9-CM'], v);
    assert.ok(codeShape('99591').plainNumber, 'a plain number: a code only in a column named for codes');
    assert.deepEqual(candidates('E9342'), ['ICD-9-CM'], 'E934.2: ICD-10 has no category E93');
    assert.deepEqual(candidates('E0000'), ['ICD-9-CM', 'ICD-10'], 'E000.0, or ICD-10 E00.00 without its dot');
    assert.deepEqual(candidates('V4582'), ['ICD-9-CM', 'ICD-10'], 'V45.82, or ICD-10 V45.82');
    assert.deepEqual(candidates('V053'), ['ICD-9-CM', 'ICD-10']);
    assert.deepEqual(candidates('E8798'), ['ICD-9-CM', 'ICD-10'], 'E879.8, or ICD-10 E87.98');
    for (const v of ['999999', 'V45821', 'E87981', 'E5001']) assert.ok(!candidates(v).includes('ICD-9-CM'), `${v}: longer than ICD-9-CM's 5 characters, or outside E000–E030 and E800–E999`);
  });

  test('V and E codes that fit ICD-9-CM and ICD-10 are ambiguous, not one or the other', () => {
    assert.deepEqual(candidates('V45'), ['ICD-9-CM', 'ICD-10']);
    assert.deepEqual(candidates('V57'), ['ICD-9-CM', 'ICD-10']);
    assert.deepEqual(candidates('E878'), ['ICD-9-CM', 'ICD-10'], 'E87.8 without its dot');
    assert.deepEqual(candidates('E909'), ['ICD-9-CM', 'ICD-10']);
    assert.deepEqual(candidates('V95'), ['ICD-10'], 'V92–V99 are ICD-10 only');
  });

  test('ICD-10 / ICD-10-CM: letter, digit, alphanumeric, optional dot and up to four characters', () => {
    for (const v of ['E11.9', 'J45.909', 'C4A.0', 'S72.001A', 'I10', 'E119', 'U07.1', 'Z3A.08']) assert.ok(candidates(v).includes('ICD-10'), v);
    assert.deepEqual(candidates('e11.9'), [], 'lower case is no code');
  });

  test('SNOMED CT: Verhoeff check digit and partition identifier 00 or 10 for a concept', () => {
    for (const id of ['22298006', '73211009', '38341003', '404684003', '138875005']) {
      assert.ok(verhoeffValid(id), id);
      assert.ok(isSnomedConceptId(id), id);
      assert.deepEqual(candidates(id), ['SNOMED CT'], id);
    }
    assert.ok(!isSnomedConceptId('22298007'), 'check digit wrong');
    assert.ok(!isSnomedConceptId('1234566'), 'partition 56');
    assert.equal(codeShape('22298007').checkFailed, 'SNOMED CT');
  });

  test('LOINC: mod-10 check digit as the LOINC User\'s Guide computes it', () => {
    assert.equal(loincCheckDigit('10074'), 3, 'the guide\'s worked example, 10074-3');
    for (const code of ['2345-7', '4548-4', '8302-2', '29463-7', '39156-5', '8310-5']) assert.ok(isLoincCode(code), code);
    assert.ok(!isLoincCode('2345-8'));
    assert.deepEqual(candidates('4548-4'), ['LOINC']);
    assert.equal(codeShape('10-20').checkFailed, undefined, 'two digits after the hyphen: no LOINC shape');
  });

  test('ATC levels 3–5, HPO, MONDO, OMIM by prefix', () => {
    assert.deepEqual(candidates('A10BA02'), ['ATC']);
    assert.deepEqual(candidates('C09AA'), ['ATC']);
    assert.deepEqual(candidates('HP:0001250'), ['HPO']);
    assert.deepEqual(candidates('MONDO:0005148'), ['MONDO']);
    assert.deepEqual(candidates('OMIM:240300'), ['OMIM']);
  });

  test('headers that name codes, and counts of codes that do not', () => {
    for (const h of ['diag_1', 'icd10_code', 'condition_code', 'dx', 'snomed']) assert.ok(namesCodes(h), h);
    for (const h of ['number_diagnoses', 'age', 'dx_count', 'diagnosis_date', 'condition_concept_id', 'condition_source_concept_id']) assert.ok(!namesCodes(h), h);
    assert.ok(namesCodes('condition_source_value'), 'OMOP keeps the source code there (ICD-9-CM in SynPUF)');
    assert.equal(systemInHeader('ICD10_CM'), 'ICD-10');
    assert.equal(systemInHeader('diag_icd9'), 'ICD-9-CM');
  });
});

describe('measurements and dates', () => {
  test('bands are bands, not numbers: [70-80), >200, 70-80, 80+', () => {
    for (const v of ['[70-80)', '[0-10)', '>200', '70-80', '80+', '(0, 10]']) assert.equal(readMeasurement(v).kind, 'band', v);
    assert.deepEqual(readMeasurement('170.5'), { kind: 'number', value: 170.5 });
    assert.deepEqual(readMeasurement('67 in'), { kind: 'number', value: 67, unitText: 'in' });
  });

  test('quantities by header, with a stated unit; look-alike headers are not quantities', () => {
    assert.equal(quantityOfHeader('height_cm')?.unit?.id, 'cm');
    assert.equal(quantityOfHeader('Weight (lb)')?.unit?.id, 'lb');
    assert.equal(quantityOfHeader('temp_f')?.unit?.id, '°F');
    assert.equal(quantityOfHeader('age')?.quantity.id, 'age');
    for (const h of ['age_group', 'weighted_score', 'ht', 'height_percentile', 'admission_type_id']) assert.equal(quantityOfHeader(h), undefined, h);
    for (const h of ['BloodPressure', 'blood_pressure_mmHg', 'resting_BP', 'restingBP', 'trestbps']) assert.equal(quantityOfHeader(h)?.quantity.id, 'blood pressure', h);
    assert.equal(quantityOfHeader('systolic_blood_pressure')?.quantity.id, 'systolic', 'a stated systolic wins');
    for (const h of ['BP', 'high_blood_pressure', 'blood_pressure_medication', 'HighBP']) assert.equal(quantityOfHeader(h), undefined, h);
  });

  test('dates: formats, the day/month order a value proves, and exact writing back', () => {
    assert.equal(readDate('2019-03-04')?.format, 'YYYY-MM-DD');
    assert.equal(readDate('25/04/2019')?.order, 'DMY');
    assert.equal(readDate('04/25/2019')?.order, 'MDY');
    const ambiguous = readDate('03/04/2019')!;
    assert.equal(ambiguous.format, undefined);
    assert.equal(ambiguous.separator, '/');
    assert.equal(readDate('31/02/2019'), undefined, 'no 31 February');
    assert.equal(readDate('2019-02-29'), undefined, '2019 is no leap year');
    assert.equal(writeDate({ year: 2019, month: 3, day: 4 }, 'DD.MM.YYYY'), '04.03.2019');
    assert.equal(readDate('12345678'), undefined);
  });
});
