import { ruleTester } from './harness';

const schema = (consent: Record<string, unknown>) => JSON.stringify({ fields: [{ name: 'id', type: 'integer' }, { name: 'consent', type: 'string', ...consent }] }, null, 2) + '\n';
const DUO = { enum: ['GRU', 'HMB', 'DS', 'POA', 'NRES'] };

ruleTester('schema-consent-not-required', {
  valid: [
    { name: 'a required consent field', path: 'cohort.schema.json', text: schema({ constraints: { required: true, ...DUO } }) },
  ],
  invalid: [
    {
      name: 'an optional consent field (marked on its constraints): the fix sets constraints.required',
      path: 'cohort.schema.json',
      text: schema({ constraints: DUO }),
      findings: [{
        messageId: 'notRequired',
        range: [9, 6, 9, 19],
        data: { field: 'consent', fieldPath: ['fields', 1], role: 'codes' },
        fixes: [{ title: 'Make "consent" required (constraints.required: true)', output: schema({ constraints: { ...DUO, required: true } }) }],
      }],
    },
  ],
});
