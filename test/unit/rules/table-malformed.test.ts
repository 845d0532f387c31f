import { lines, ruleTester } from './harness';

ruleTester('table-malformed', {
  valid: [
    { name: 'empty header fields followed by a column, as the add-column fixes leave a ragged header', path: 'data.tsv', text: 'id\trace\t\t\tconsent\n1\tWhite\t\t\t\n' },
    { name: 'a header and rows of the same width, quoted delimiters and breaks included', text: lines('id,note', '1,"a, b"', '2,"two', 'lines"') },
  ],
  invalid: [
    {
      name: 'a row wider than the header, then an unclosed quote',
      text: lines('id,race', '1,White', '2,Asian,extra', '3,"unclosed'),
      findings: [
        { messageId: 'field-count', range: [2, 0, 2, 13], data: { kind: 'field-count', line: 3, expected: 2, actual: 3 }, fixes: [] },
        { messageId: 'unclosed-quote', range: [3, 0, 3, 11], data: { kind: 'unclosed-quote', line: 4 } },
      ],
    },
    { name: 'an empty file', text: '', findings: [{ messageId: 'empty', range: [0, 0, 0, 0], data: { kind: 'empty', line: 1 } }] },
    // A CDM instance ships every table and leaves empty those its source has no data for
    // (OHDSI Eunomia: DEATH, DEVICE_EXPOSURE, NOTE, CARE_SITE, ... drew 19 errors).
    {
      name: 'an empty OMOP DEATH table: information, not an error',
      path: 'cdm/DEATH.csv',
      text: 'PERSON_ID,DEATH_DATE,DEATH_DATETIME,DEATH_TYPE_CONCEPT_ID,CAUSE_CONCEPT_ID,CAUSE_SOURCE_VALUE,CAUSE_SOURCE_CONCEPT_ID\n',
      findings: [{ messageId: 'no-rows', severity: 'information', range: [0, 0, 0, 117], data: { kind: 'no-rows', line: 1 } }],
    },
    {
      name: 'an empty OMOP CARE_SITE table (recognised by its fields): information',
      text: 'care_site_id,care_site_name,place_of_service_concept_id,location_id\n',
      findings: [{ messageId: 'no-rows', severity: 'information', range: [0, 0, 0, 67], data: { kind: 'no-rows', line: 1 } }],
    },
    {
      name: 'an empty OMOP PERSON table is a fault: every person needs a row',
      path: 'cdm/PERSON.csv',
      text: 'person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id\n',
      findings: [{ messageId: 'no-rows', severity: 'error', range: [0, 0, 0, 78], data: { kind: 'no-rows', line: 1 } }],
    },
    {
      name: 'any other header with no rows is an error',
      path: 'cohort.csv',
      text: 'participant_id,race,sex\n',
      findings: [{ messageId: 'no-rows', severity: 'error', range: [0, 0, 0, 23], data: { kind: 'no-rows', line: 1 } }],
    },
  ],
});
