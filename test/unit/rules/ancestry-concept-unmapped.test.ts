import { lines, ruleTester } from './harness';

const PERSON = 'person_id,race_concept_id,ethnicity_concept_id,race_source_value,ethnicity_source_value';

ruleTester('ancestry-concept-unmapped', {
  valid: [
    { name: 'every concept id mapped', text: lines('person_id,race_concept_id,race_source_value', '1,8527,White', '2,8516,Black') },
    { name: 'concept 0 with an empty source value: missing, nothing was lost', text: lines('person_id,race_concept_id,race_source_value', '1,8527,White', '2,0,') },
    {
      // OMOP CDM PERSON: Hispanic is an ethnicity (Ethnicity domain), so race 0 loses nothing
      // when ethnicity_concept_id holds Hispanic (38003563).
      name: 'race 0 with race source "hispanic" while ethnicity_concept_id holds Hispanic',
      text: lines(PERSON, '1,8527,0,white,irish', '2,0,38003563,hispanic,puerto_rican', '3,0,38003563,hispanic,mexican'),
    },
    {
      name: 'ethnicity 0 with an ethnicity source value naming a race: the Ethnicity domain cannot hold it',
      text: lines(PERSON, '1,8527,0,white,irish', '2,8657,0,american_indian,american_indian'),
    },
  ],
  invalid: [
    {
      name: 'concept 0 where the source value names a group',
      text: lines('person_id,race_concept_id,race_source_value', '1,8527,White', '2,0,White', '3,0,Asian', '4,8516,Black'),
      findings: [{ messageId: 'unmapped', range: [0, 10, 0, 25], data: { column: 'race_concept_id', sourceColumn: 'race_source_value', rows: 2, lost: { White: 1, Asian: 1 } } }],
    },
    {
      name: 'Synthea\'s race word "native" (American Indian or Alaska Native) beside race 0 is lost',
      text: lines(PERSON, '1,8527,0,white,irish', '2,0,0,native,american_indian', '3,0,38003563,hispanic,mexican'),
      findings: [{ messageId: 'unmapped', range: [0, 10, 0, 25], data: { column: 'race_concept_id', rows: 1, lost: { native: 1 } } }],
    },
    {
      name: 'race source "hispanic" with race 0 and ethnicity 0: lost from ethnicity_concept_id, not from race',
      text: lines(PERSON, '1,8527,38003564,white,nonhispanic', '2,0,0,hispanic,'),
      findings: [{
        messageId: 'unmapped', range: [0, 26, 0, 46],
        data: { column: 'ethnicity_concept_id', sourceColumn: 'ethnicity_source_value', rows: 1, lost: {}, lostFromOther: { column: 'race_source_value', values: { hispanic: 1 } } },
      }],
    },
    {
      name: 'ethnicity source "hispanic" beside ethnicity 0 is lost',
      text: lines(PERSON, '1,8527,38003564,white,nonhispanic', '2,8527,0,white,hispanic'),
      findings: [{ messageId: 'unmapped', range: [0, 26, 0, 46], data: { column: 'ethnicity_concept_id', rows: 1, lost: { hispanic: 1 } } }],
    },
  ],
});
