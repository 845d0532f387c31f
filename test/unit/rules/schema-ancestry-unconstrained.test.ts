import { schemaText } from './documents';
import { ruleTester } from './harness';

const OMB = ['White', 'Black or African American', 'Asian', 'American Indian or Alaska Native', 'Native Hawaiian or Other Pacific Islander', 'Middle Eastern or North African', 'Two or more races', 'Some Other Race'];

ruleTester('schema-ancestry-unconstrained', {
  valid: [
    { name: 'a canonical enum', path: 'cohort.schema.json', text: schemaText([{ name: 'super_pop', constraints: { enum: ['AFR', 'AMR', 'EAS', 'EUR', 'SAS'] } }]) },
  ],
  invalid: [
    {
      name: 'no enum: the fix adds the canonical labels of the vocabulary the field name suggests',
      path: 'cohort.schema.json',
      text: schemaText([{ name: 'race' }]),
      findings: [{
        messageId: 'no-enum',
        range: [3, 14, 3, 20],
        severity: 'information',
        data: { kind: 'no-enum', field: 'race', fieldPath: ['fields', 0], vocabulary: 'omb', labels: OMB, fixable: true },
        fixes: [{ title: 'Constrain "race" to the 8 canonical labels', output: schemaText([{ name: 'race', constraints: { enum: OMB } }]) }],
      }],
    },
    {
      name: 'synonyms in the enum: the fix writes their canonical labels, keeping the others',
      path: 'cohort.schema.json',
      text: schemaText([{ name: 'race', constraints: { enum: ['Caucasian', 'White', 'Black', 'Declined'] } }]),
      findings: [{
        messageId: 'nonstandard-enum',
        range: [5, 8, 5, 14],
        data: { kind: 'nonstandard-enum', replacements: [{ value: 'Caucasian', canonical: 'White' }, { value: 'Black', canonical: 'Black or African American' }], labels: ['White', 'Black or African American', 'Declined'], unknown: ['Declined'] },
        fixes: [{ title: 'Use the canonical labels in the enum of "race" (2 replaced)', output: schemaText([{ name: 'race', constraints: { enum: ['White', 'Black or African American', 'Declined'] } }]) }],
      }],
    },
  ],
});
