import { schemaText } from './documents';
import { lines, ruleTester } from './harness';

ruleTester('schema-ancestry-field-missing', {
  valid: [
    { name: 'a race field', path: 'cohort.schema.json', text: schemaText([{ name: 'id' }, { name: 'race' }]) },
    { name: 'per-race yes/no fields are one ancestry variable', path: 'cohort.schema.json', text: schemaText(['white', 'black', 'asian'].map((g) => ({ name: `race_${g}`, type: 'boolean' }))) },
    { name: 'the field the policy names', path: 'cohort.schema.json', text: schemaText([{ name: 'id' }, { name: 'genetic_group' }]), policy: lines('ancestry:', '  column: genetic_group') },
  ],
  invalid: [
    {
      name: 'no ancestry field: a warning on the fields key with the field count',
      path: 'cohort.schema.json',
      text: schemaText([{ name: 'id' }, { name: 'age' }]),
      findings: [{ messageId: 'missing', range: [1, 2, 1, 10], data: { fields: 2, policyColumns: [], pointer: [] } }],
    },
  ],
});
