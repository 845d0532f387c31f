import { lines, ruleTester } from './harness';

ruleTester('ancestry-concept-unmapped', {
  valid: [
    { name: 'every concept id mapped', text: lines('person_id,race_concept_id,race_source_value', '1,8527,White', '2,8516,Black') },
    { name: 'concept 0 with an empty source value: missing, nothing was lost', text: lines('person_id,race_concept_id,race_source_value', '1,8527,White', '2,0,') },
  ],
  invalid: [
    {
      name: 'concept 0 where the source value names a group',
      text: lines('person_id,race_concept_id,race_source_value', '1,8527,White', '2,0,White', '3,0,Asian', '4,8516,Black'),
      findings: [{ messageId: 'unmapped', range: [0, 10, 0, 25], data: { column: 'race_concept_id', sourceColumn: 'race_source_value', rows: 2, lost: { White: 1, Asian: 1 } } }],
    },
  ],
});
