// People, not rows: a participant id that repeats makes every count a count of participants.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine';
import { participantColumn } from '../../server/src/engine/profile/participants';
import { byCode, fullText, lint, policyFrom } from './helpers';

/**
 * 250 patients in 312 rows: patients 1-62 have two rows. Race: 200 White, 30 Black, 20 Asian
 * (by patient); patients 1 and 2 are "White" in one row and "Asian" in the other; patient 3
 * is "White" and then "Caucasian" (the same group). bmi is empty in both rows of patients
 * 1-40 and in one row only of patients 41-62 (they have a value).
 */
function admissionsCsv(): string {
  const lines = ['admission_id,patient_id,race,bmi'];
  let admission = 1;
  const race = (p: number) => (p <= 200 ? 'White' : p <= 230 ? 'Black or African American' : 'Asian');
  for (let p = 1; p <= 250; p++) {
    lines.push(`${admission++},P${p},${race(p)},${p <= 62 ? '' : '27.5'}`);
    if (p <= 62) {
      const again = p <= 2 ? 'Asian' : p === 3 ? 'Caucasian' : race(p);
      lines.push(`${admission++},P${p},${again},${p <= 40 ? '' : '26.0'}`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('participant id columns', () => {
  test('recognised by name or by the schema\'s primary key', () => {
    assert.deepEqual(participantColumn(['x', 'patient_nbr']), { index: 1, noun: 'patients' });
    assert.deepEqual(participantColumn(['subject_id', 'race']), { index: 0, noun: 'subjects' });
    assert.deepEqual(participantColumn(['person_id']), { index: 0, noun: 'people' });
    assert.deepEqual(participantColumn(['participant_id']), { index: 0, noun: 'participants' });
    assert.deepEqual(participantColumn(['jdc_id', 'race'], 'jdc_id'), { index: 0, noun: 'participants' });
    assert.equal(participantColumn(['encounter_id', 'sample', 'race']), undefined);
  });
});

describe('250 patients in 312 rows', () => {
  const text = admissionsCsv();
  const a = lint(text);
  const race = a.ancestry[0];

  test('representation counts patients, each once in the group of their first row', () => {
    assert.equal(a.profile.rowCount, 312);
    assert.equal(race.total, 250);
    assert.deepEqual(race.unit, { column: 'patient_id', noun: 'patients', participants: 250, rows: 312 });
    assert.equal(race.groups.find((g) => g.group === 'White')!.count, 200);
    assert.equal(race.groups.find((g) => g.group === 'Asian')!.count, 20);
  });

  test('messages say so: "250 patients in 312 rows"', () => {
    const small = byCode(a.findings, 'ancestry-group-small').find((f) => f.data.group === 'Asian')!;
    assert.match(small.detail ?? '', /^Asian has only 20 patients in column "race" \(8% of 250 patients with a value\)/);
    assert.match(fullText(small), /Counted once per participant: 250 patients in 312 rows \("patient_id" repeats\)\./);
    assert.match(hoverAt(a, { line: 0, character: text.indexOf('race') + 1 })!, /250 patients with a value/);
  });

  test('a patient whose group differs between rows is a finding of its own; a synonym is no conflict', () => {
    const [f] = byCode(a.findings, 'ancestry-participant-inconsistent');
    assert.ok(f);
    assert.equal(f.data.inconsistent, 2);
    assert.match(f.detail ?? '', /^2 of 250 patients \(0\.8%; "patient_id" repeats over 312 rows\) have different groups in column "race" in different rows: White then Asian \("White" \/ "Asian": 2\)/);
    assert.doesNotMatch(fullText(f), /P1|P2/, 'no identifier values');
  });

  test('missingness per patient: 40 patients have no bmi in any row (not 102 rows)', () => {
    const [f] = byCode(a.findings, 'phenotype-values-missing').filter((x) => x.data.column === 'bmi');
    assert.equal(f, undefined, '40 of 250 = 16% is under the 20% maximum');
    // Counted by rows it would be 102 of 312 (32.7%) and reported; at a 10% maximum the patients are.
    const [strict] = byCode(lint(text, { policy: policyFrom('phenotype:\n  maxMissing: 0.1\n') }).findings, 'phenotype-values-missing');
    assert.match(strict.detail ?? '', /^40 of 250 patients have no value in column "bmi" \(16%\)/);
    assert.equal(a.profile.columns[3].missing, 102);
    assert.equal(a.profile.participants!.missing[3], 40);
  });

  test('without repeats nothing changes: rows are participants', () => {
    const b = lint('patient_id,race\n' + Array.from({ length: 60 }, (_, i) => `P${i},White`).join('\n') + '\n');
    assert.equal(b.profile.participants, undefined);
    assert.equal(b.ancestry[0].unit, undefined);
    assert.ok(byCode(b.findings, 'ancestry-group-absent').every((f) => /rows with a value/.test(fullText(f))));
  });
});
