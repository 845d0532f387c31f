// Verdicts that depend on reading labels right: the 1977 union category, groups a coding
// cannot express, labels nothing maps (and the policy mapping that fixes them), one
// variable in two columns (OMOP concept id and source value), and the hover that shows
// how every raw label was read. Fixtures follow the shapes of public files: MIMIC-IV
// `admissions.csv`, a Synthea-derived OMOP `person.csv`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixesFor, hoverAt } from '../../server/src/engine';
import { OMB } from '../../server/src/engine/ancestry/vocabularies';
import { applyEdits, byCode, fullText, groupsCsv, lint, noPolicy, policyFrom } from './helpers';

describe('OMB Directive 15 (1977): Asian or Pacific Islander', () => {
  const text = groupsCsv('race', { White: 600, Black: 120, 'Asian or Pacific Islander': 60, 'American Indian or Alaskan Native': 10 });

  test('compared with Asian + NHPI; neither part is reported absent', () => {
    const a = lint(text);
    const race = a.ancestry[0];
    const api = race.groups.find((g) => g.group === 'Asian or Pacific Islander')!;
    assert.ok(Math.abs(api.referenceShare! - (0.06 + 0.002)) < 1e-12);
    assert.equal(race.groups.some((g) => g.group === OMB.asian || g.group === OMB.nhpi), false);
    const absent = byCode(a.findings, 'ancestry-group-absent').map((f) => f.data.group);
    assert.ok(!absent.includes(OMB.asian) && !absent.includes(OMB.nhpi), `absent: ${absent}`);
  });

  test('Two or more races and Some Other Race: not collected by this coding, not absent', () => {
    const a = lint(text);
    assert.deepEqual(a.ancestry[0].notCollected.map((n) => n.group).sort(), [OMB.other, OMB.multiple].sort());
    assert.deepEqual(byCode(a.findings, 'ancestry-group-absent'), []);
    assert.match(hoverAt(a, a.headerCell(1).start)!, /Not collected by this coding \(no code for it, so not called absent\): .*Two or more races \(OMB Directive 15 \(1977\)\)/);
  });

  test('rows labelled Asian beside the union are counted in it', () => {
    const a = lint(groupsCsv('race', { White: 600, 'Asian or Pacific Islander': 40, Asian: 20 }));
    const api = a.ancestry[0].groups.find((g) => g.group === 'Asian or Pacific Islander')!;
    assert.equal(api.count, 60);
    assert.match(hoverAt(a, a.headerCell(1).start)!, /\| "Asian" \| 20 \| Asian or Pacific Islander \(as Asian\) \|/);
  });
});

describe('CDC / HL7 US Core codes', () => {
  test('detailed codes roll up; no multiracial code, so Two or more races is not collected', () => {
    const a = lint(groupsCsv('race', { '2106-3': 500, '2054-5': 100, '2034-7': 30, '2040-4': 20, '2079-2': 5, '1002-5': 5, '2131-1': 60, UNK: 9 }));
    const race = a.ancestry[0];
    assert.equal(race.groups.find((g) => g.group === OMB.asian)!.count, 50);
    assert.equal(race.missing, 9);
    assert.deepEqual(race.notCollected.map((n) => n.group), [OMB.multiple]);
    assert.deepEqual(byCode(a.findings, 'ancestry-group-absent'), []);
    assert.deepEqual(byCode(a.findings, 'ancestry-label-nonstandard'), []);
  });
});

const MIMIC_HEADER = 'subject_id,hadm_id,admittime,dischtime,deathtime,admission_type,admit_provider_id,admission_location,discharge_location,insurance,language,marital_status,race,edregtime,edouttime,hospital_expire_flag';

function mimic(races: Record<string, number>): string {
  const lines = [MIMIC_HEADER];
  let id = 10000032;
  for (const [race, n] of Object.entries(races)) {
    for (let i = 0; i < n; i++, id++) lines.push(`${id},${20000000 + id},2180-05-06 22:23:00,2180-05-07 17:15:00,,URGENT,P874LG,TRANSFER FROM HOSPITAL,HOME,Other,ENGLISH,WIDOWED,${race},2180-05-06 19:17:00,2180-05-06 23:30:00,0`);
  }
  return lines.join('\n') + '\n';
}

describe('an EHR extract with CATEGORY - SUBGROUP labels (MIMIC-IV admissions)', () => {
  const text = mimic({
    WHITE: 400, 'BLACK/AFRICAN AMERICAN': 90, 'HISPANIC/LATINO - PUERTO RICAN': 30, 'HISPANIC/LATINO - CUBAN': 10, 'ASIAN - KOREAN': 12, 'ASIAN - CHINESE': 20,
    'WHITE - BRAZILIAN': 8, PORTUGUESE: 14, 'SOUTH AMERICAN': 6, 'UNABLE TO OBTAIN': 15, UNKNOWN: 40, 'PATIENT DECLINED TO ANSWER': 5,
  });

  test('subgroups roll up; not-recorded values are missing; PORTUGUESE and SOUTH AMERICAN are named as unmapped', () => {
    const a = lint(text, { path: '/virtual/project/admissions.csv' });
    const race = a.ancestry.find((x) => x.column === 'race')!;
    const count = (g: string) => race.groups.find((x) => x.group === g)?.count;
    assert.equal(count(OMB.hispanic), 40);
    assert.equal(count(OMB.asian), 32);
    assert.equal(count(OMB.white), 408);
    assert.equal(race.missing, 60);
    const [unmapped] = byCode(a.findings, 'ancestry-labels-unmapped');
    assert.deepEqual(unmapped.data.labels, { PORTUGUESE: 14, 'SOUTH AMERICAN': 6 });
    assert.match(fullText(unmapped), /20 rows of 590 with a value in column "race" \(3\.39?%\) carry labels not mapped/);
  });

  test('no group is called absent while those rows remain; small known groups are still reported', () => {
    const a = lint(text, { path: '/virtual/project/admissions.csv' });
    assert.deepEqual(byCode(a.findings, 'ancestry-group-absent'), []);
    const small = byCode(a.findings, 'ancestry-group-small').map((f) => f.data.group);
    assert.ok(small.includes(OMB.hispanic));
    assert.ok(!small.includes('PORTUGUESE'), 'unmapped labels are not small groups');
  });

  test('the quick fix adds ancestry.labels to the policy; with it applied the labels count and the verdicts return', () => {
    const a = lint(text, { path: '/virtual/project/admissions.csv' });
    const [finding] = byCode(a.findings, 'ancestry-labels-unmapped');
    const policyPath = '/virtual/project/cohortlint.yaml';
    const policyText = '# our policy\nancestry:\n  minCount: 5\n';
    const policy = policyFrom(policyText, policyPath);
    const fixes = fixesFor(a, finding, policy, (p) => (p === policyPath ? policyText : undefined));
    const white = fixes.find((f) => f.title === 'Count "PORTUGUESE" as White (ancestry.labels in the policy file)');
    assert.ok(white, fixes.map((f) => f.title).join('; '));
    const edited = applyEdits(policyText, white.changes[0].edits);
    assert.match(edited, /^# our policy\n/);
    const mapped = policyFrom(edited, policyPath);
    assert.deepEqual(mapped.policy.ancestry.labels, { PORTUGUESE: 'White' });
    const after = lint(text, { path: '/virtual/project/admissions.csv', policy: mapped });
    const race = after.ancestry.find((x) => x.column === 'race')!;
    assert.equal(race.groups.find((g) => g.group === OMB.white)!.count, 422);
    assert.deepEqual(byCode(after.findings, 'ancestry-labels-unmapped').map((f) => f.data.labels), [{ 'SOUTH AMERICAN': 6 }]);
  });

  test('without a policy file the fix creates cohortlint.yaml with the mapping', () => {
    const a = lint(text, { path: '/virtual/project/admissions.csv' });
    const [finding] = byCode(a.findings, 'ancestry-labels-unmapped');
    const [fix] = fixesFor(a, finding, noPolicy(), () => undefined, '/virtual/project');
    assert.equal(fix.changes[0].create, true);
    assert.equal(fix.changes[0].path, '/virtual/project/cohortlint.yaml');
    const created = fix.changes[0].edits[0].newText;
    assert.deepEqual(policyFrom(created).policy.ancestry.labels, { PORTUGUESE: Object.values(policyFrom(created).policy.ancestry.labels!)[0] });
  });

  test('a clear under-representation stands when the unmapped rows could not change it', () => {
    const a = lint(mimic({ WHITE: 900, 'ASIAN - KOREAN': 10, PORTUGUESE: 3 }));
    const asian = byCode(a.findings, 'ancestry-underrepresented').find((f) => f.data.group === OMB.asian);
    assert.ok(asian, 'Asian 10 of 913 vs 6%: 13 of 913 would still be far below');
  });
});

const OMOP_HEADER = 'person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,birth_datetime,race_concept_id,ethnicity_concept_id,location_id,provider_id,care_site_id,person_source_value,gender_source_value,gender_source_concept_id,race_source_value,race_source_concept_id,ethnicity_source_value,ethnicity_source_concept_id';

function person(rows: [string, string, string, string, number][]): string {
  const lines = [OMOP_HEADER];
  let id = 1;
  for (const [raceConcept, raceSource, ethConcept, ethSource, n] of rows) {
    for (let i = 0; i < n; i++, id++) lines.push(`${id},8532,1971,12,6,1971-12-06 00:00:00,${raceConcept},${ethConcept},,,,src-${id},F,0,${raceSource},0,${ethSource},0`);
  }
  return lines.join('\n') + '\n';
}

describe('an OMOP person table: one variable, one verdict', () => {
  const text = person([
    ['8527', 'white', '38003564', 'nonhispanic', 300], ['8516', 'black', '38003564', 'nonhispanic', 60], ['8515', 'asian', '38003563', 'hispanic', 30],
    ['0', 'hawaiian', '38003564', 'nonhispanic', 4], ['0', 'native', '38003564', 'nonhispanic', 3],
  ]);

  test('race_concept_id and race_source_value are linted once; the other is said to be the same variable', () => {
    const a = lint(text, { path: '/virtual/project/person.csv' });
    // Representation findings (ancestry-concept-unmapped is about the pair, on the concept column).
    const representation = a.findings.filter((f) => f.code.startsWith('ancestry-') && f.code !== 'ancestry-concept-unmapped' && f.data.column);
    const columns = new Set(representation.map((f) => String(f.data.column)));
    // The source value places more rows in a group (hawaiian is lost to concept 0), so race is read there.
    assert.ok(columns.has('race_source_value'));
    assert.ok(!(columns.has('race_concept_id') && columns.has('race_source_value')), [...columns].join(','));
    assert.ok(!(columns.has('ethnicity_concept_id') && columns.has('ethnicity_source_value')), [...columns].join(','));
    assert.deepEqual(byCode(a.findings, 'ancestry-label-nonstandard').map((f) => f.data.column), []);
    const concept = a.ancestry.find((x) => x.column === 'ethnicity_concept_id')!;
    const source = a.ancestry.find((x) => x.column === 'ethnicity_source_value')!;
    assert.match(hoverAt(a, a.headerCell(source.columnIndex).start)!, /Same variable as column "ethnicity\\_concept\\_id"/);
    assert.match(hoverAt(a, a.headerCell(concept.columnIndex).start)!, /agree on 397 rows where both name a group, disagree on none/);
  });

  test('concept 0 on rows whose source value names a group is its own finding', () => {
    const a = lint(text, { path: '/virtual/project/person.csv' });
    const [lost] = byCode(a.findings, 'ancestry-concept-unmapped');
    assert.equal(lost.data.column, 'race_concept_id');
    assert.deepEqual(lost.data.lost, { hawaiian: 4, native: 3 });
    assert.match(lost.detail ?? '', /^7 rows have race_concept_id 0 \("no matching concept"\) but a race_source_value naming a race \(OMOP Race domain\) \("hawaiian" → Native Hawaiian or Other Pacific Islander: 4, "native" → American Indian or Alaska Native: 3\)/);
  });
});

describe('the hover shows how each raw label was read', () => {
  test('raw label, rows, the group it counts in, and the coding', () => {
    const a = lint(groupsCsv('race', { Caucasian: 80, '2054-5': 20, 'HISPANIC/LATINO - CUBAN': 7, Klingon: 2, Unknown: 3 }));
    const hover = hoverAt(a, a.headerCell(1).start)!;
    assert.match(hover, /\*\*How each label was read\*\*/);
    assert.match(hover, /\| "Caucasian" \| 80 \| White \| synonym \(US OMB race and ethnicity categories\) \|/);
    assert.match(hover, /\| "2054-5" \| 20 \| Black or African American \| code or subgroup, rolled up \(CDC Race and Ethnicity Code Set \(HL7 US Core\)\) \|/);
    assert.match(hover, /\| "HISPANIC\/LATINO - CUBAN" \| 7 \| Hispanic or Latino \| code or subgroup, rolled up \(EHR category - subgroup labels/);
    assert.match(hover, /\| "Klingon" \| 2 \| — \| \*\*not mapped\*\*: counted in no group \|/);
    assert.match(hover, /\| "Unknown" \| 3 \| — \| missing \(not a group\) \|/);
  });
});

describe('origins and spellings of real files', () => {
  // The LSAC bar-passage study (law_data.csv): "Mexican" and "Puertorican" are Hispanic
  // origins (SPD 15), "Amerindian" a spelling of American Indian.
  const law = lint(groupsCsv('race', { White: 900, Black: 60, Hispanic: 25, Mexican: 20, Puertorican: 6, Amerindian: 5 }));
  const race = law.ancestry.find((x) => x.column === 'race')!;
  const count = (g: string) => race.groups.find((x) => x.group === g)?.count;

  test('Mexican and Puertorican count as Hispanic or Latino, Amerindian as American Indian or Alaska Native', () => {
    assert.equal(count(OMB.hispanic), 51);
    assert.equal(count(OMB.aian), 5);
    assert.equal(byCode(law.findings, 'ancestry-labels-unmapped').length, 0);
  });

  test('an origin is a subgroup, not a misspelling: no relabelling is proposed for it; a spelling gets one', () => {
    const nonstandard = byCode(law.findings, 'ancestry-label-nonstandard').map((f) => f.data.value);
    assert.ok(!nonstandard.includes('Mexican') && !nonstandard.includes('Puertorican'), nonstandard.join(', '));
    assert.ok(nonstandard.includes('Amerindian'), nonstandard.join(', '));
  });

  test('MIMIC-III: AMERICAN INDIAN/ALASKA NATIVE FEDERALLY RECOGNIZED TRIBE is American Indian or Alaska Native', () => {
    const a = lint(groupsCsv('ethnicity', { WHITE: 70, 'BLACK/AFRICAN AMERICAN': 7, 'AMERICAN INDIAN/ALASKA NATIVE FEDERALLY RECOGNIZED TRIBE': 2, 'HISPANIC OR LATINO': 3 }));
    const e = a.ancestry.find((x) => x.column === 'ethnicity')!;
    assert.equal(e.groups.find((g) => g.group === OMB.aian)?.count, 2);
    assert.equal(byCode(a.findings, 'ancestry-labels-unmapped').length, 0);
  });
});

describe('unmapped labels counted per participant', () => {
  // MIMIC-III ADMISSIONS: subject_id repeats, so counts are of subjects, and the verdict says so.
  const rows = ['subject_id,ethnicity'];
  for (let i = 1; i <= 60; i++) rows.push(`${i},WHITE`, `${i},WHITE`);
  for (let i = 61; i <= 64; i++) rows.push(`${i},CARIBBEAN ISLAND`);
  const a = lint(rows.join('\n') + '\n');

  test('"4 subjects of 64", not "4 rows of 64"', () => {
    const [f] = byCode(a.findings, 'ancestry-labels-unmapped');
    assert.match(f.message, /^4 subjects of 64 in "ethnicity" \(6\.25%\) carry labels mapped to no group/);
  });
});
