import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../helpers';
import { lines, ruleTester } from './harness';

/** GA4GH DUO's duo.csv, cut down: id, shorthand, label, description. */
const DUO = lines(
  'id,shorthand,label,description',
  'DUO:0000021,IRB,ethics approval required,Requestor must provide documentation of local IRB/ERB approval.',
  'DUO:0000006,HMB,health or medical or biomedical research,Use is allowed for health/medical/biomedical purposes.',
  'DUO:0000007,DS,disease specific research,Use is allowed provided it is related to the specified disease.',
  'DUO:0000042,GRU,general research use,Use is allowed for general research use for any research purpose.',
  'DUO:0000004,NRES,no restriction,No restriction on use.',
  'DUO:0000011,POA,population origins or ancestry research only,Use is limited to the study of population origins or ancestry.',
);

/** OMOP vocabulary tables as OHDSI Eunomia ships them (upper-case headers) and as Athena does (tab-delimited). */
const CONCEPT = lines(
  'CONCEPT_ID,CONCEPT_NAME,DOMAIN_ID,VOCABULARY_ID,CONCEPT_CLASS_ID,STANDARD_CONCEPT,CONCEPT_CODE,VALID_START_DATE,VALID_END_DATE,INVALID_REASON',
  '8507,MALE,Gender,Gender,Gender,S,M,1970-01-01,2099-12-31,',
  '8532,FEMALE,Gender,Gender,Gender,S,F,1970-01-01,2099-12-31,',
  '192671,Gastrointestinal hemorrhage,Condition,SNOMED,Clinical Finding,S,74474003,1970-01-01,2099-12-31,',
  '44923712,celecoxib 200 MG Oral Capsule [Celebrex],Drug,NDC,11-digit NDC,,00025152531,2000-01-01,2099-12-31,',
  '3013682,Urea nitrogen [Mass/volume] in Serum or Plasma,Measurement,LOINC,Lab Test,S,3094-0,1970-01-01,2099-12-31,',
);
const ANCESTOR = lines(
  'ancestor_concept_id\tdescendant_concept_id\tmin_levels_of_separation\tmax_levels_of_separation',
  '192671\t192671\t0\t0', '4180790\t192671\t1\t1', '441542\t192671\t2\t3', '4302537\t192671\t3\t4', '4274025\t192671\t4\t5',
);

ruleTester('table-of-terms', {
  valid: [
    // Rows of people carrying term ids (a diagnosis per participant) are people.
    {
      name: 'a participant table with a column of MONDO ids and a label column',
      text: lines('participant_id,diagnosis,label', ...Array.from({ length: 8 }, (_, i) => `P${i},MONDO:000514${i},type 2 diabetes`)),
    },
    { name: 'a label column but ids that are not term ids', text: lines('code,label', ...Array.from({ length: 8 }, (_, i) => `A${i},thing ${i}`)) },
    // An OMOP person table carries concept ids too; its person_id and year_of_birth say the rows are people.
    {
      name: 'an OMOP PERSON table with concept ids is people',
      text: lines('person_id,gender_concept_id,year_of_birth,race_concept_id,concept_id,concept_name,domain_id,vocabulary_id,concept_class_id,concept_code', '1,8507,1950,8527,1,a,b,c,d,e'),
    },
    { name: 'a table with some vocabulary fields but not a whole signature', text: lines('concept_id,concept_name,value', '8507,MALE,3', '8532,FEMALE,4') },
  ],
  invalid: [
    {
      name: 'an OMOP CONCEPT table (integer concept ids, upper-case header): one information finding on its first field',
      text: CONCEPT,
      findings: [{ messageId: 'omopVocabulary', range: [0, 0, 0, 10], severity: 'information', data: { table: 'concept', idColumn: 'CONCEPT_ID', fields: 6 } }],
    },
    {
      name: 'an Athena CONCEPT_ANCESTOR table, no label column at all',
      text: ANCESTOR,
      findings: [{ messageId: 'omopVocabulary', range: [0, 0, 0, 19], data: { table: 'concept_ancestor', idColumn: 'ancestor_concept_id', fields: 4 } }],
    },
    {
      name: 'DUO terms: one information finding, and none of the rules about people',
      text: DUO,
      findings: [{ messageId: 'terms', range: [0, 0, 0, 2], severity: 'information', data: { idColumn: 'id', labelColumn: 'label', values: 6, termIds: 6, example: 'DUO:0000021' } }],
    },
  ],
});

describe('an OMOP vocabulary table gets none of the rules about people', () => {
  // OHDSI Eunomia's CONCEPT.csv drew "No column for sex/age/diagnosis", "No consent column",
  // "CONCEPT_CODE mixes code systems" and "INVALID_REASON missing in 100% of rows".
  for (const [name, text, path] of [['CONCEPT', CONCEPT, '/virtual/project/CONCEPT.csv'], ['CONCEPT_ANCESTOR', ANCESTOR, '/virtual/project/CONCEPT_ANCESTOR.tsv']] as const) {
    test(name, () => {
      const codes = lint(text, { path }).findings.map((f) => f.code);
      assert.deepEqual(codes, ['table-of-terms']);
    });
  }
});

describe('an OMOP table about the health system gets the privacy rules, not those about participants', () => {
  // OHDSI Eunomia's CARE_SITE, PROVIDER, LOCATION, CDM_SOURCE, COST, ... drew "No ancestry,
  // race or ethnicity column" and "No consent column": their rows are not participants.
  const CARE_SITE = lines(
    'CARE_SITE_ID,CARE_SITE_NAME,PLACE_OF_SERVICE_CONCEPT_ID,LOCATION_ID,CARE_SITE_SOURCE_VALUE,PLACE_OF_SERVICE_SOURCE_VALUE',
    '1,General Hospital,8717,1,GH,Inpatient', '2,North Clinic,8756,2,NC,Outpatient',
  );
  const PROVIDER = lines(
    'provider_id,provider_name,npi,dea,specialty_concept_id,care_site_id,year_of_birth,gender_concept_id,provider_source_value,specialty_source_value,specialty_source_concept_id,gender_source_value,gender_source_concept_id',
    ...Array.from({ length: 30 }, (_, i) => `${i + 1},Dr ${i},${1234567890 + i},,38004446,1,${1950 + (i % 20)},${i % 2 ? 8507 : 8532},P${i},Cardiology,0,${i % 2 ? 'M' : 'F'},0`),
  );
  test('CARE_SITE: one information finding naming what its rows are', () => {
    const findings = lint(CARE_SITE, { path: '/virtual/project/CARE_SITE.csv' }).findings;
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.data?.table]), [['table-of-terms', 'information', 'care_site']]);
    assert.match(findings[0].message, /^An OMOP CARE_SITE table: its rows are care sites, not participants/);
  });
  test('PROVIDER: no ancestry or consent finding, but its privacy findings stay', () => {
    const codes = lint(PROVIDER, { path: '/virtual/project/PROVIDER.csv' }).findings.map((f) => f.code);
    assert.ok(codes.includes('table-of-terms'), codes.join());
    assert.ok(!codes.some((c) => /^(ancestry|consent|phenotype|outcome)-/.test(c)), codes.join());
    assert.ok(codes.some((c) => c.startsWith('privacy-')), codes.join());
  });
  test('a table with person_id is never one, whatever else it holds', () => {
    const text = lines('person_id,care_site_id,care_site_name,place_of_service_concept_id,race', '1,1,GH,8717,White', '2,1,GH,8717,Asian');
    assert.ok(!lint(text, { path: '/virtual/project/visits.csv' }).findings.some((f) => f.code === 'table-of-terms'));
  });
});
