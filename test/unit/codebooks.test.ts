// Codebook variables and header names (NHANES DEMO, UK Biobank fields, FHIR US Core,
// sample sheets), 1000 Genomes population descriptions, and the England and Wales Census
// 2021 reference for UK codings. Fixtures under test/fixtures/realformats are built in the
// published layouts: nhanes_demo_j.csv (DEMO_J variables, codes written as SAS floats),
// ukb_extract.csv (showcase field ids with instance suffixes).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { detectAncestryColumns, isAncestryHeader } from '../../server/src/engine/ancestry/detectColumns';
import { OMB } from '../../server/src/engine/ancestry/vocabularies';
import { codebookConcept } from '../../server/src/engine/codebooks/variables';
import { AGE, SEX } from '../../server/src/engine/phenotype/concepts';
import { byCode, fullText, groupsCsv, lint, policyFrom, repoRoot } from './helpers';

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'realformats', name), 'utf8');

describe('codebook variable names', () => {
  const cases: [string, string | undefined][] = [
    ['RIDRETH3', 'ancestry'], ['RIDRETH1', 'ancestry'], ['RIAGENDR', 'sex'], ['RIDAGEYR', 'age'],
    ['21000-0.0', 'ancestry'], ['21000-2.0', 'ancestry'], ['Ethnic background-0.0', 'ancestry'], ['31-0.0', 'sex'], ['34-0.0', 'age'], ['21022-0.0', 'age'],
    ['us-core-race', 'ancestry'], ['Patient.extension.us-core-ethnicity.ombCategory', 'ancestry'], ['us-core-birthsex', 'sex'], ['Population_ID', 'ancestry'],
    ['RAC1P', 'ancestry'], ['AGEP', 'age'],
    // A bare number is not a field id, and a field with no codebook concept is not read as one.
    ['21000', undefined], ['31', undefined], ['4080-0.0', undefined], ['SEQN', undefined],
    // ukbconv's R tab file, ukbtools' names, the Research Analysis Platform's table exporter.
    ['f.21000.0.0', 'ancestry'], ['f.31.0.0', 'sex'], ['f.21003.1.0', 'age'], ['f.eid', undefined], ['f.4080.0.0', undefined],
    ['ethnic_background_f21000_0_0', 'ancestry'], ['sex_f31_0_0', 'sex'],
    ['participant.p21000_i0', 'ancestry'], ['p21000_i0', 'ancestry'], ['participant.p31', 'sex'], ['p21022_i0', 'age'],
    // A bare `p31` or `f31` is not a field.
    ['p31', undefined], ['f31', undefined],
  ];
  for (const [header, concept] of cases) test(`${header} → ${concept ?? 'nothing'}`, () => assert.equal(codebookConcept(header), concept));

  test('ancestry, sex and age columns are found by these names', () => {
    for (const h of ['RIDRETH3', '21000-0.0', 'us-core-race', 'Population_ID', 'Superpopulation code']) assert.ok(isAncestryHeader(h), h);
    assert.ok(SEX.matches('RIAGENDR') && SEX.matches('31-0.0') && SEX.matches('Sex-0.0') && SEX.matches('us-core-birthsex'));
    assert.ok(AGE.matches('RIDAGEYR') && AGE.matches('21022-0.0') && AGE.matches('Year of birth-0.0'));
    assert.ok(!SEX.matches('RIDAGEYR'));
  });

  test('three instances of UK Biobank field 21000 are one variable, assessed from its first instance', () => {
    assert.deepEqual(detectAncestryColumns(['eid', '21000-2.0', '21000-0.0', '21000-1.0', '31-0.0'], undefined), [2]);
    assert.deepEqual(detectAncestryColumns(['f.eid', 'f.21000.2.0', 'f.21000.0.0', 'f.21000.1.0'], undefined), [2]);
  });
});

describe('UK Biobank tab file written by ukbconv for R (f.<field>.<instance>.<array>)', () => {
  // The layout of ukbtools' inst/extdata/ukbxxxx.tab: f.eid, sex, assessment centre at three
  // visits, a multiple-answer field (6142) with 7 array slots per visit, ethnic background
  // and age at three visits; NA for empty; only the first visit attended.
  const header = ['f.eid', 'f.31.0.0', 'f.54.0.0', 'f.54.1.0', 'f.54.2.0',
    ...[0, 1, 2].flatMap((i) => [0, 1, 2, 3, 4, 5, 6].map((a) => `f.6142.${i}.${a}`)),
    'f.21000.0.0', 'f.21000.1.0', 'f.21000.2.0', 'f.21003.0.0', 'f.21003.1.0', 'f.21003.2.0'];
  const codes = ['1001', '1002', '3001', '4001', '2001', '-3'];
  const rows = Array.from({ length: 120 }, (_, i) => {
    const row = header.map(() => 'NA');
    row[0] = String(i + 1); row[1] = String(i % 2); row[2] = '11007'; row[header.indexOf('f.6142.0.0')] = '1';
    row[header.indexOf('f.21000.0.0')] = codes[i % codes.length]; row[header.indexOf('f.21003.0.0')] = String(40 + (i % 30));
    return row.join('\t');
  });
  const a = lint([header.join('\t'), ...rows].join('\n') + '\n', { path: '/virtual/project/ukb12345.tab' });

  test('sex, age and ethnic background are found by their field ids', () => {
    assert.deepEqual(byCode(a.findings, 'phenotype-field-missing').map((f) => f.data.requirement), ['diagnosis']);
    assert.deepEqual(byCode(a.findings, 'ancestry-column-missing'), []);
    assert.equal(a.ancestry.length, 1);
    assert.equal(a.ancestry[0].column, 'f.21000.0.0');
    assert.equal(a.ancestry[0].reference?.id, 'ons-2021');
  });

  test('repeat visits and second and later array slots, empty by design, are not missing phenotypes', () => {
    assert.deepEqual(byCode(a.findings, 'phenotype-values-missing'), []);
  });
});

describe('NHANES DEMO: RIDRETH3 codes decoded from the codebook', () => {
  const a = lint(fixture('nhanes_demo_j.csv'));
  const col = a.ancestry.find((x) => x.column === 'RIDRETH3')!;

  test('codes 1-7 (written 1.0-7.0) are read as OMB groups and compared with census table P2', () => {
    assert.equal(col.vocabulary?.id, 'omb');
    assert.equal(col.reference?.id, 'us-census-2020');
    assert.equal(col.reference?.design, 'combined');
    assert.equal(col.groups.find((g) => g.group === OMB.hispanic)!.count, 190);
    assert.equal(col.groups.find((g) => g.group === OMB.asian)!.count, 120);
    assert.deepEqual(byCode(a.findings, 'ancestry-representation-unchecked'), []);
    assert.deepEqual(byCode(a.findings, 'ancestry-label-nonstandard'), [], 'codes are not nonstandard labels');
  });

  test('7 "Other Race - Including Multi-Racial" is compared with the sum of the groups it covers, none of which is called absent', () => {
    const other = col.groups.find((g) => g.group.startsWith('Other Race - Including Multi-Racial'))!;
    assert.equal(other.count, 45);
    assert.ok(Math.abs(other.referenceShare! - (2_251_699 + 622_018 + 1_689_833 + 13_548_983) / 331_449_281) < 1e-9);
    const absent = byCode(a.findings, 'ancestry-group-absent').map((f) => f.data.group);
    for (const part of [OMB.aian, OMB.nhpi, OMB.other, OMB.multiple]) assert.ok(!absent.includes(part), part);
  });

  test('RIAGENDR and RIDAGEYR answer the sex and age requirements', () => {
    const missing = byCode(a.findings, 'phenotype-field-missing').map((f) => f.data.requirement);
    assert.deepEqual(missing, ['diagnosis']);
  });

  test('the same digits under another header are not decoded', () => {
    const b = lint(groupsCsv('race', { '3.0': 100, '4.0': 80 }));
    assert.equal(b.ancestry[0].vocabulary, undefined);
  });

  test('the policy mapping wins over the codebook', () => {
    const b = lint(fixture('nhanes_demo_j.csv'), { policy: policyFrom('ancestry:\n  labels:\n    "6.0": Other\n') });
    const c = b.ancestry.find((x) => x.column === 'RIDRETH3')!;
    assert.equal(c.groups.find((g) => g.group === OMB.asian)?.count ?? 0, 0);
  });
});

describe('ACS PUMS (Folktables ACSIncome): RAC1P codes decoded from the data dictionary', () => {
  // ACSIncome's features as Folktables writes them from pandas (floats), label PINCP > 50,000.
  const RAC1P = [1, 1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 9];
  const lines = ['AGEP,COW,SCHL,MAR,OCCP,POBP,RELP,WKHP,SEX,RAC1P,PINCP'];
  for (let i = 0; i < 1600; i++) lines.push(`${18 + (i % 60)}.0,1.0,${16 + (i % 8)}.0,${1 + (i % 5)}.0,4720.0,6.0,0.0,40.0,${1 + (i % 2)}.0,${RAC1P[i % RAC1P.length]}.0,${i % 3 === 0}`);
  const a = lint(lines.join('\n') + '\n');
  const col = a.ancestry.find((x) => x.column === 'RAC1P')!;

  test('RAC1P is the ancestry column and AGEP answers age: neither is reported missing', () => {
    assert.deepEqual(byCode(a.findings, 'ancestry-column-missing'), []);
    assert.deepEqual(byCode(a.findings, 'phenotype-field-missing').map((f) => f.data.requirement), ['diagnosis']);
  });

  test('codes 1-9 are OMB groups, 3, 4 and 5 all American Indian or Alaska Native, compared with census race alone', () => {
    assert.equal(col.vocabulary?.id, 'omb');
    assert.equal(col.reference?.design, 'race-alone');
    const count = (group: string) => col.groups.find((g) => g.group === group)?.count;
    assert.deepEqual([count(OMB.white), count(OMB.black), count(OMB.aian), count(OMB.asian), count(OMB.multiple)], [600, 200, 300, 100, 200]);
    assert.deepEqual(byCode(a.findings, 'ancestry-label-nonstandard'), [], 'codes are not nonstandard labels');
    assert.deepEqual(byCode(a.findings, 'ancestry-representation-unchecked'), []);
  });

  test('the same codes under another header are not decoded', () => {
    assert.equal(lint(groupsCsv('race_code', { '1.0': 100, '2.0': 80 })).ancestry[0]?.vocabulary, undefined);
  });
});

describe('UK Biobank extract and the England and Wales Census 2021 (ons-2021)', () => {
  const a = lint(fixture('ukb_extract.csv'));
  const col = a.ancestry[0];

  test('field 21000 is compared with ons-2021, chosen for the UK coding, never with the US census', () => {
    assert.equal(a.ancestry.length, 1);
    assert.equal(col.column, '21000-0.0');
    assert.equal(col.reference?.id, 'ons-2021');
    assert.equal(col.referenceSource, 'vocabulary');
    for (const f of byCode(a.findings, 'ancestry-underrepresented')) assert.doesNotMatch(fullText(f), /us-census/);
  });

  test('ONS 2021 shares as published; Chinese counted inside Asian or Asian British', () => {
    const share = (g: string) => col.groups.find((x) => x.group === g)!.referenceShare;
    assert.ok(Math.abs(share('White')! - 0.817) < 1e-9);
    assert.ok(Math.abs(share('Asian or Asian British')! - 0.093) < 1e-9);
    assert.ok(Math.abs(share('Black or Black British')! - 0.04) < 1e-9);
    assert.ok(Math.abs(share('Mixed')! - 0.029) < 1e-9);
    assert.ok(Math.abs(share('Other ethnic group')! - 0.021) < 1e-9);
    assert.equal(col.groups.find((g) => g.group === 'Chinese'), undefined);
    // 3001 20 + 3002 10 + 3004 6 + Chinese (5) 5.
    assert.equal(col.groups.find((g) => g.group === 'Asian or Asian British')!.count, 41);
    assert.deepEqual(Object.fromEntries(col.missingByMarker), { '-1': 2, '-3': 3 });
  });

  test('repeat-visit instances, empty for those who did not attend, are not reported as missing phenotypes', () => {
    const columns = byCode(a.findings, 'phenotype-values-missing').map((f) => f.data.column);
    assert.ok(!columns.includes('21000-1.0') && !columns.includes('21000-2.0'), String(columns));
  });

  test('ONS 2021 category labels are read as the same groups', () => {
    const b = lint(groupsCsv('ethnic_group', { '"White: English, Welsh, Scottish, Northern Irish or British"': 300, '"Asian, Asian British or Asian Welsh"': 60, '"Black, Black British, Black Welsh, Caribbean or African"': 30 }));
    assert.equal(b.ancestry[0].reference?.id, 'ons-2021');
  });

  test('a UK coding against the US census named in the policy: said once, no group verdicts', () => {
    const b = lint(fixture('ukb_extract.csv'), { policy: policyFrom('ancestry:\n  reference: us-census-2020\n') });
    const absent = byCode(b.findings, 'ancestry-group-absent');
    assert.deepEqual(absent.map((f) => f.data.kind), ['labels-outside-reference']);
    assert.deepEqual(byCode(b.findings, 'ancestry-underrepresented'), []);
  });

  test('a policy naming ons-2021 is valid', () => {
    const b = lint(groupsCsv('ethnicity', { 1001: 200, 3001: 20 }), { policy: policyFrom('ancestry:\n  reference: ons-2021\n') });
    assert.equal(b.ancestry[0].reference?.id, 'ons-2021');
    assert.equal(b.ancestry[0].referenceSource, 'policy');
  });
});

describe('1000 Genomes population descriptions roll up to their super-population', () => {
  test('"Yoruba in Ibadan, Nigeria" and the other descriptions are read as AFR, EUR, ...', () => {
    const a = lint(groupsCsv('population', {
      '"Yoruba in Ibadan, Nigeria"': 108, '"Luhya in Webuye, Kenya"': 99, 'Finnish in Finland': 99, '"British in England and Scotland"': 91, '"Japanese in Tokyo, Japan"': 104, '"Punjabi from Lahore, Pakistan"': 96, '"Peruvian in Lima, Peru"': 85,
    }));
    const col = a.ancestry[0];
    assert.equal(col.vocabulary?.id, 'continental');
    assert.equal(col.groups.find((g) => g.group === 'AFR')!.count, 207);
    assert.equal(col.groups.find((g) => g.group === 'EUR')!.count, 190);
    assert.deepEqual(byCode(a.findings, 'ancestry-label-nonstandard'), []);
    assert.deepEqual(byCode(a.findings, 'ancestry-representation-unchecked'), []);
  });
});
