import { schemaText } from './documents';
import { ruleTester } from './harness';

ruleTester('schema-invalid', {
  valid: [
    { name: 'every Frictionless type', path: 'cohort.schema.json', text: schemaText(['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'].map((type, i) => ({ name: `f${i}`, type }))) },
    { name: 'a Data Package whose resource has a name and data', path: 'datapackage.json', text: JSON.stringify({ resources: [{ name: 'cohort', path: 'data.csv' }] }, null, 2) + '\n', files: { 'data.csv': 'id\n1\n' } },
  ],
  invalid: [
    {
      name: 'an unknown type (with the name other tools use) and a duplicate name, each on its value',
      path: 'cohort.schema.json',
      text: schemaText([{ name: 'id', type: 'int' }, { name: 'id', type: 'string' }]),
      findings: [
        { messageId: 'invalid', range: [4, 14, 4, 19], data: { kind: 'unknown-type', path: ['fields', 0, 'type'], type: 'int', suggestion: 'integer' } },
        { messageId: 'invalid', range: [7, 14, 7, 18], data: { kind: 'duplicate-name', path: ['fields', 1, 'name'], name: 'id', first: 1, second: 2 } },
      ],
    },
    {
      name: 'a schema that does not parse: exactly one finding',
      path: 'cohort.schema.json',
      text: '{"fields": [\n',
      findings: [{ messageId: 'parse', range: [1, 0, 1, 0], data: { kind: 'parse', errors: 2 } }],
    },
    {
      name: 'a Data Package resource without a name',
      path: 'datapackage.json',
      text: JSON.stringify({ resources: [{ path: 'data.csv' }] }, null, 2) + '\n',
      findings: [{ messageId: 'invalid', range: [2, 4, 2, 5], data: { kind: 'resource-unnamed', path: ['resources', 0] } }],
    },
  ],
});
