import { lines, ruleTester } from './harness';

const schema = (fields: unknown[]) => JSON.stringify({ fields }, null, 2) + '\n';
const ID = { name: 'id', type: 'integer' };

ruleTester('schema-data-mismatch', {
  valid: [
    { name: 'no schema: nothing to compare', text: lines('id,age', '1,x') },
    { name: 'every column declared and every value fits', text: lines('id,age', '1,30', '2,'), files: { 'data.schema.json': schema([ID, { name: 'age', type: 'integer' }]) } },
  ],
  invalid: [
    {
      name: 'a declared field absent from the header, and a value of the wrong type',
      text: lines('id,race,age', '1,White,abc', '2,Asian,40'),
      files: { 'data.schema.json': schema([ID, { name: 'race', type: 'string' }, { name: 'age', type: 'integer' }, { name: 'sex', type: 'string' }]) },
      findings: [
        { messageId: 'absent-fields', range: [0, 0, 0, 11], data: { kind: 'absent-fields', fields: ['sex'], required: [], declared: 4 } },
        { messageId: 'values', range: [0, 8, 0, 11], data: { kind: 'values', column: 'age', field: 'age', rows: 2, cells: 1, counts: { type: 1 }, lines: [2] } },
      ],
    },
    {
      name: 'a value outside the enum; an undeclared column, declared in the schema by its fix',
      text: lines('id,race,age', '1,White,30', '2,Asian,40'),
      files: { 'data.schema.json': schema([ID, { name: 'race', type: 'string', constraints: { enum: ['White'] } }]) },
      findings: [
        { messageId: 'values', range: [0, 3, 0, 7], data: { kind: 'values', column: 'race', counts: { enum: 1 }, lines: [3], outOfEnum: { Asian: 1 } } },
        {
          messageId: 'undeclared',
          range: [0, 8, 0, 11],
          data: { kind: 'undeclared', column: 'age', columnIndex: 2 },
          fixes: [{
            title: 'Declare "age" (integer) in data.schema.json',
            files: { 'data.schema.json': schema([ID, { name: 'race', type: 'string', constraints: { enum: ['White'] } }, { name: 'age', type: 'integer' }]) },
          }],
        },
      ],
    },
  ],
});
