import { lines, ruleTester } from './harness';

const SCHEMA = JSON.stringify({ fields: [{ name: 'participant_id' }, { name: 'ssn' }, { name: 'contact', format: 'email' }, { name: 'name', constraints: { enum: ['a', 'b'] } }, { name: 'zip_code' }] });

ruleTester('privacy-schema-identifier', {
  valid: [
    { name: 'no identifier field; an enum-constrained "name" is a category', path: 'data.schema.json', text: JSON.stringify({ fields: [{ name: 'participant_id' }, { name: 'name', constraints: { enum: ['a', 'b'] } }] }) },
    { name: 'the policy pseudonym', path: 'data.schema.json', text: JSON.stringify({ fields: [{ name: 'ssn' }] }), policy: lines('privacy:', '  pseudonym: ssn') },
  ],
  invalid: [
    {
      name: 'fields by name and by format, each with its Safe Harbor item',
      path: 'data.schema.json',
      text: SCHEMA,
      findings: [
        { messageId: 'identifier', range: [0, 45, 0, 50], data: { field: 'name', name: 'ssn', fieldPath: ['fields', 1], category: 'ssn', item: 'G' } },
        { messageId: 'identifier', range: [0, 79, 0, 86], data: { field: 'format', name: 'contact', category: 'email', item: 'F' } },
        { messageId: 'identifier', range: [0, 145, 0, 155], data: { field: 'name', name: 'zip_code', category: 'zip', item: 'B' } },
      ],
    },
  ],
});
