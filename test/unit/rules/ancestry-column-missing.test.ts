import { GERMAN_SEMICOLON, OMOP_PERSON_TABS } from '../delimiterFixtures';
import { lines, ruleTester } from './harness';

ruleTester('ancestry-column-missing', {
  valid: [
    { name: 'a race column', text: lines('id,race', '1,White') },
    { name: 'an OMOP PERSON table exported with tabs and named .csv: race_concept_id is a column', path: 'person.csv', text: OMOP_PERSON_TABS },
    { name: 'the column the policy names', text: lines('id,genetic_group', '1,EUR'), policy: lines('ancestry:', '  column: genetic_group') },
  ],
  invalid: [
    {
      name: 'no ancestry-like header: one finding on the header line',
      text: lines('id,age,sex', '1,30,F'),
      findings: [{ messageId: 'noColumn', range: [0, 0, 0, 10], data: { columns: 3, policyColumns: [] }, fixes: [] }],
    },
    {
      name: 'German credit named .csv but semicolon-separated: counted among its 11 columns, not 1',
      path: 'german_credit_data.csv',
      text: GERMAN_SEMICOLON,
      findings: [{ messageId: 'noColumn', range: [0, 0, 0, 89], data: { columns: 11 } }],
    },
    {
      name: 'the policy names a column the header lacks',
      text: lines('id,race', '1,White'),
      policy: lines('ancestry:', '  column: genetic_group'),
      findings: [{ messageId: 'noColumn', range: [0, 0, 0, 7], data: { policyColumns: ['genetic_group'] } }],
    },
  ],
});
