// Each coding read as the OMB categories, one test per code, against expectations written
// from the published code sets (not from the engine's tables): CDC Race and Ethnicity Code
// Set / HL7 US Core, OMB Directive 15 (1977), OMOP concepts, All of Us answers, EHR
// "CATEGORY - SUBGROUP" labels, UK Biobank coding 1001, and "not recorded" in any spelling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OMB, OMB_VOCABULARY, VOCABULARIES } from '../../server/src/engine/ancestry/vocabularies';
import { UKB_1001 } from '../../server/src/engine/ancestry/ukBiobank';
import { AncestryMissingMarkers } from '../../server/src/engine/ancestry/missingAncestry';
import { byCode, groupsCsv, lint } from './helpers';

function expectCodes(coding: string, cases: [string, string][]): void {
  describe(coding, () => {
    for (const [code, group] of cases) {
      test(`${code} → ${group}`, () => {
        const m = OMB_VOCABULARY.match(code);
        assert.ok(m, `${code} is read`);
        assert.equal(m.canonical, group);
        assert.notEqual(m.kind, 'synonym', 'a code is never "nonstandard"');
      });
    }
  });
}

// CDC Race and Ethnicity Code Set v1.0 (HL7 v3 value sets RaceAsian, RaceBlackOrAfricanAmerican,
// RaceWhite, RaceHawaiianOrPacificIsland, EthnicityHispanic; US Core ombCategory).
expectCodes('CDC Race and Ethnicity Code Set / HL7 US Core', [
  ['2106-3', OMB.white], ['2054-5', OMB.black], ['2028-9', OMB.asian], ['1002-5', OMB.aian], ['2076-8', OMB.nhpi],
  ['2135-2', OMB.hispanic], ['2186-5', OMB.notHispanic], ['2131-1', OMB.other],
  ['2029-7', OMB.asian], ['2034-7', OMB.asian], ['2036-2', OMB.asian], ['2039-6', OMB.asian], ['2040-4', OMB.asian], ['2047-9', OMB.asian],
  ['2058-6', OMB.black], ['2060-2', OMB.black], ['2071-9', OMB.black], ['2072-7', OMB.black],
  ['2079-2', OMB.nhpi], ['2080-0', OMB.nhpi], ['2086-7', OMB.nhpi], ['2500-7', OMB.nhpi],
  ['2108-9', OMB.white], ['2113-9', OMB.white], ['2118-8', OMB.white], ['2129-5', OMB.white],
  ['2148-5', OMB.hispanic], ['2180-8', OMB.hispanic], ['2182-4', OMB.hispanic], ['2184-0', OMB.hispanic], ['2165-9', OMB.hispanic],
]);

expectCodes('OMOP CDM v5.4 race and ethnicity concepts', [
  ['8527', OMB.white], ['8516', OMB.black], ['8515', OMB.asian], ['8657', OMB.aian], ['8557', OMB.nhpi],
  ['38003563', OMB.hispanic], ['38003564', OMB.notHispanic],
]);

expectCodes('OMB Directive 15 (1977)', [
  ['Asian or Pacific Islander', 'Asian or Pacific Islander'], ['API', 'Asian or Pacific Islander'], ['Asian/Pacific Islander', 'Asian or Pacific Islander'],
  ['American Indian or Alaskan Native', OMB.aian],
]);

expectCodes('All of Us survey answers (Race_WhatRaceEthnicity)', [
  ['WhatRaceEthnicity_White', OMB.white], ['WhatRaceEthnicity_Black', OMB.black], ['WhatRaceEthnicity_Asian', OMB.asian],
  ['WhatRaceEthnicity_AIAN', OMB.aian], ['WhatRaceEthnicity_NHPI', OMB.nhpi], ['WhatRaceEthnicity_MENA', OMB.mena],
  ['WhatRaceEthnicity_Hispanic', OMB.hispanic], ['More than one population', OMB.multiple],
]);

expectCodes('EHR "CATEGORY - SUBGROUP" labels (MIMIC-IV admissions.race)', [
  ['HISPANIC/LATINO - CUBAN', OMB.hispanic], ['HISPANIC/LATINO - CENTRAL AMERICAN (OTHER)', OMB.hispanic], ['ASIAN - KOREAN', OMB.asian],
  ['ASIAN - SOUTH EAST ASIAN', OMB.asian], ['WHITE - BRAZILIAN', OMB.white], ['WHITE - OTHER EUROPEAN', OMB.white],
  ['BLACK/CAPE VERDEAN', OMB.black], ['BLACK/CARIBBEAN ISLAND', OMB.black], ['BLACK/AFRICAN', OMB.black],
  ['MULTIPLE RACE/ETHNICITY', OMB.multiple], ['HISPANIC OR LATINO', OMB.hispanic], ['WHITE', OMB.white],
]);

expectCodes('NAACCR item 190 Spanish/Hispanic origin (cBioPortal GENIE ETHNICITY)', [
  ['Non-Spanish/non-Hispanic', OMB.notHispanic], ['Spanish/Hispanic', OMB.hispanic], ['Spanish NOS; Hispanic NOS, Latino NOS', OMB.hispanic],
  ['Mexican (includes Chicano)', OMB.hispanic], ['South or Central American (except Brazil)', OMB.hispanic], ['Dominican Republic', OMB.hispanic],
]);

describe('UK Biobank field 21000, coding 1001', () => {
  const cases: [string, string][] = [
    ['1001', 'White'], ['1002', 'White'], ['1003', 'White'], ['2001', 'Mixed'], ['2002', 'Mixed'], ['2003', 'Mixed'], ['2004', 'Mixed'],
    ['3001', 'Asian or Asian British'], ['3002', 'Asian or Asian British'], ['3003', 'Asian or Asian British'], ['3004', 'Asian or Asian British'],
    ['4001', 'Black or Black British'], ['4002', 'Black or Black British'], ['4003', 'Black or Black British'],
    ['1', 'White'], ['5', 'Chinese'], ['6', 'Other ethnic group'],
  ];
  for (const [code, group] of cases) test(`${code} → ${group}`, () => assert.equal(UKB_1001.match(code)?.canonical, group));

  test('-1 (do not know) and -3 (prefer not to answer) are missing, not groups', () => {
    const a = lint(groupsCsv('ethnicity', { 1001: 80, 3002: 60, '-1': 5, '-3': 4 }));
    assert.equal(a.ancestry[0].vocabulary?.id, 'ukb');
    assert.deepEqual(Object.fromEntries(a.ancestry[0].missingByMarker), { '-1': 5, '-3': 4 });
    assert.equal(a.ancestry[0].total, 140);
  });

  test('single-digit codes alone do not identify the coding (NHANES RIDRETH1 also uses 1-5)', () => {
    const a = lint(groupsCsv('race', { 1: 50, 3: 60, 4: 40 }));
    assert.equal(a.ancestry[0].vocabulary, undefined);
  });
});

describe('"not recorded" in any spelling is missing ancestry, counted by marker', () => {
  const markers = new AncestryMissingMarkers(['']);
  for (const value of [
    'Unknown', 'Not stated', 'Not obtained', 'Refused', 'Declined to answer', 'Not reported', 'Prefer not to say', 'ASKU', 'UNK', 'Other/Unknown',
    'UNABLE TO OBTAIN', 'PATIENT DECLINED TO ANSWER', 'UNKNOWN/NOT SPECIFIED', 'DECLINED_TO_ANSWER', 'PMI: Skip', 'PMI_PreferNotToAnswer',
    'I prefer not to answer', 'Unknown or Not Reported', ' not  reported ', 'Unknown whether Spanish or not', 'Not collected', 'Undisclosed',
  ]) {
    test(JSON.stringify(value), () => assert.equal(markers.match(value), value));
  }

  test('never a group: ancestry-values-missing counts them by marker', () => {
    const a = lint(groupsCsv('race', { White: 60, 'UNABLE TO OBTAIN': 30, 'Declined to Answer': 20, ASKU: 10 }));
    const race = a.ancestry[0];
    assert.ok(race.groups.every((g) => !['UNABLE TO OBTAIN', 'Declined to Answer', 'ASKU'].includes(g.group)));
    const [missing] = byCode(a.findings, 'ancestry-values-missing');
    assert.deepEqual(missing.data.markers, { 'UNABLE TO OBTAIN': 30, 'Declined to Answer': 20, ASKU: 10 });
  });

  test('a label that only contains such words is data ("Unknown tribe" is not a marker)', () => {
    assert.equal(markers.match('Unknown tribe'), undefined);
    assert.equal(markers.match('White'), undefined);
  });
});

describe('whitespace and case', () => {
  test('", White" and ", ?" are read after trimming: White is White, ? is missing, nothing nonstandard', () => {
    const a = lint('id, race\n1, White\n2, ?\n3, Asian\n4,white \n');
    const race = a.ancestry[0];
    assert.equal(race.column.trim(), 'race');
    assert.deepEqual(race.groups.filter((g) => g.count > 0).map((g) => [g.group, g.count]).sort(), [['Asian', 1], ['White', 2]]);
    assert.deepEqual(Object.fromEntries(race.missingByMarker), { ' ?': 1 });
    assert.equal(byCode(a.findings, 'ancestry-label-nonstandard').length, 0);
  });

  test('every vocabulary reads its canonical labels in any case', () => {
    for (const v of VOCABULARIES) for (const label of v.canonical) assert.equal(v.match(label.toUpperCase())?.kind, 'canonical', `${v.id}: ${label}`);
  });
});
