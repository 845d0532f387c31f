import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../helpers';
import { recidivism } from './documents';
import { lines, ruleTester } from './harness';

/** 120 rows; relapsed is 1 in every third row, and relapse_date is filled exactly there (or, `randomGaps`, also empty at random). */
function relapse(randomGaps = false): string {
  const rows = ['id,race,sex,age,diagnosis,relapsed,relapse_date'];
  for (let i = 0; i < 120; i++) {
    const relapsed = i % 3 === 0 ? 1 : 0;
    const date = randomGaps ? (i % 4 === 0 ? '' : '2021-01-01') : relapsed ? '2021-01-01' : '';
    rows.push(`${i + 1},White,F,50,x,${relapsed},${date}`);
  }
  return lines(...rows);
}

/**
 * An NHANES DEMO extract without its RIDAGEYR column: RIDAGEMN (age in months, recorded
 * only for ages 0-24 months) filled in 3 of 40 rows, by construction: 37 empty of 40.
 */
function nhanesMonths(): string {
  const rows = ['SEQN,RIAGENDR,RIDRETH3,RIDAGEMN'];
  for (let i = 0; i < 40; i++) rows.push(`${93703 + i},${1 + (i % 2)}.0,${[1, 3, 4, 6][i % 4]}.0,${i < 3 ? `${10 + i}.0` : ''}`);
  return lines(...rows);
}

/** 60 admissions; HOSPITAL_EXPIRE_FLAG is 1 in every fourth, with a DEATHTIME there only (or, `gaps`, also empty on 3 of those). */
function admissions(gaps = false): string {
  const rows = ['HADM_ID,ADMISSION_TYPE,HOSPITAL_EXPIRE_FLAG,DEATHTIME'];
  for (let i = 0; i < 60; i++) {
    const died = i % 4 === 0;
    rows.push(`${i + 1},EMERGENCY,${died ? 1 : 0},${died && !(gaps && i < 12) ? '2150-01-01 08:00:00' : ''}`);
  }
  return lines(...rows);
}

ruleTester('phenotype-not-applicable', {
  valid: [
    { name: 'a column missing at random is not structural', text: relapse(true) },
    // A death time is an absent event by its name; a partial pattern would bring its other
    // empty cells back as missing values, so only a whole one is reported for it.
    { name: 'a death time empty under the flag and on some deaths: left to its name', text: admissions(true) },
    // A third value (is_recid = -1, not assessed): under a many-valued column, a value where a
    // column is always empty may mean "not collected" there, so only a yes/no column makes a partial pattern.
    { name: 'partly empty under a condition column with three values: not structural', text: recidivism({ third: true }) },
    { name: 'partly empty, but counted per participant (person_id repeats): not structural', text: recidivism({ person: true }) },
  ],
  invalid: [
    {
      name: 'MIMIC-III DEATHTIME, an absent event by its name, still explained by HOSPITAL_EXPIRE_FLAG = 0',
      text: admissions(),
      findings: [{ messageId: 'notApplicable', range: [0, 44, 0, 53], severity: 'information', data: { kind: 'condition', column: 'DEATHTIME', condition: 'HOSPITAL_EXPIRE_FLAG', values: ['0'], rowsWhen: 45, emptyWhen: 45, empty: 45 } }],
    },
    {
      name: 'relapse_date empty exactly when relapsed = 0',
      text: relapse(),
      findings: [{ messageId: 'notApplicable', range: [0, 35, 0, 47], severity: 'information', data: { kind: 'condition', column: 'relapse_date', condition: 'relapsed', values: ['0'], rowsWhen: 80, emptyWhen: 80, empty: 80, columns: ['relapse_date'] } }],
    },
    {
      name: 'COMPAS-like: the new charge and jail entry empty on every is_recid = 0 row, and on some recidivists\' rows',
      text: recidivism(),
      findings: [
        { messageId: 'notApplicable', range: [0, 35, 0, 48], severity: 'information', data: { kind: 'condition', column: 'r_charge_desc', condition: 'is_recid', values: ['0'], rowsWhen: 60, emptyWhen: 60, empty: 62, partly: true, rows: 120 } },
        { messageId: 'notApplicable', range: [0, 49, 0, 58], severity: 'information', data: { kind: 'condition', column: 'r_jail_in', condition: 'is_recid', values: ['0'], rowsWhen: 60, emptyWhen: 60, empty: 80, partly: true, rows: 120 } },
      ],
    },
    {
      name: 'NHANES RIDAGEMN: the codebook records it for ages up to 24 months only, no age column needed',
      text: nhanesMonths(),
      findings: [{ messageId: 'notApplicable', range: [0, 23, 0, 31], severity: 'information', data: { kind: 'codebook', column: 'RIDAGEMN', variable: 'RIDAGEMN', rows: 40, empty: 37, columns: ['RIDAGEMN'] } }],
    },
  ],
});

describe('a marital status recorded for adults only', () => {
  // Synthea-like: every minor's marital status empty, some adults' too.
  function people(adultsEmpty: number, childWithValue = false): string {
    const rows = ['participant_id,age,sex,marital_status,diagnosis'];
    for (let i = 0; i < 30; i++) rows.push(`C${i},${i % 18},${i % 2 ? 'F' : 'M'},${childWithValue && i === 3 ? 'Single' : ''},E11`);
    for (let i = 0; i < 70; i++) rows.push(`A${i},${18 + i},${i % 2 ? 'F' : 'M'},${i > 0 && i <= adultsEmpty ? '' : i % 3 ? 'Married' : 'Single'},E11`);
    return rows.join('\n') + '\n';
  }
  const codes = (text: string) => lint(text).findings.filter((f) => f.code.startsWith('phenotype-') && f.data?.column === 'marital_status');

  test('empty on every minor\'s row: not applicable there, and measured among adults (10 of 70, under the maximum)', () => {
    const found = codes(people(10));
    assert.deepEqual(found.map((f) => f.code), ['phenotype-not-applicable']);
    assert.deepEqual(found[0].data, { kind: 'adult-only', column: 'marital_status', ageFrom: 'age', fromAge: 18, minorRows: 30, minorEmpty: 30, empty: 40, rows: 100, partly: true, columns: ['marital_status'] });
    assert.match(found[0].message, /^"marital_status" not applicable to minors: empty on all 30 rows of participants younger than 18$/);
  });

  test('adults missing it too often: missing among the rows where it applies', () => {
    const missing = codes(people(20)).find((f) => f.code === 'phenotype-values-missing')!;
    assert.equal(missing.messageId, 'missingWhereApplies');
    assert.deepEqual([missing.data?.missing, missing.data?.total, missing.data?.notApplicableRows], [20, 70, 30]);
  });

  test('a child with a marital status: the youngest value is at 3, nothing is not applicable', () => {
    const found = codes(people(10, true));
    assert.deepEqual(found.map((f) => f.code), ['phenotype-values-missing']);
  });

  test('empty until 30 (Synthea read years later): still missing, and the detail says so', () => {
    const rows = ['participant_id,age,sex,marital_status,diagnosis'];
    for (let i = 0; i < 40; i++) rows.push(`Y${i},${i % 30},${i % 2 ? 'F' : 'M'},,E11`);
    for (let i = 0; i < 60; i++) rows.push(`O${i},${30 + i},${i % 2 ? 'F' : 'M'},${i % 12 === 5 ? '' : 'Married'},E11`);
    const found = codes(rows.join('\n') + '\n');
    assert.deepEqual(found.map((f) => f.code), ['phenotype-values-missing']);
    assert.match(found[0].detail ?? '', /Every participant younger than 30 \(by "age"\) has none: 40 of the 45 missing cells \(88\.9%\)\./);
  });
});
