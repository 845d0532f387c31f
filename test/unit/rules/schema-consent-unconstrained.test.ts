import { ruleTester } from './harness';

const schema = (consent: Record<string, unknown>) => JSON.stringify({ fields: [{ name: 'id', type: 'integer' }, { name: 'consent', type: 'string', ...consent }] }, null, 2) + '\n';

ruleTester('schema-consent-unconstrained', {
  valid: [
    { name: 'an enum of DUO terms', path: 'cohort.schema.json', text: schema({ constraints: { required: true, enum: ['GRU', 'HMB'] } }) },
    { name: 'a pattern', path: 'cohort.schema.json', text: schema({ constraints: { required: true, pattern: '^(GRU|HMB)$' } }) },
  ],
  invalid: [
    {
      name: 'any string accepted: the fix adds the DUO permissions as an enum',
      path: 'cohort.schema.json',
      text: schema({ constraints: { required: true } }),
      findings: [{
        messageId: 'unconstrained',
        range: [7, 14, 7, 23],
        data: { field: 'consent', fieldPath: ['fields', 1], type: 'string' },
        fixes: [{ title: 'Constrain "consent" to the DUO permissions (GRU, HMB, DS, POA, NRES)', output: schema({ constraints: { required: true, enum: ['GRU', 'HMB', 'DS', 'POA', 'NRES'] } }) }],
      }],
    },
  ],
});
