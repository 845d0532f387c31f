// The dataset rule (no consent column) and the Table Schema rule of the same id (no
// consent field) share this file: one rule id, one tester.
import { lines, ruleTester } from './harness';

const schema = (fields: unknown[]) => JSON.stringify({ fields }, null, 2) + '\n';
const ID = { name: 'id', type: 'integer' };

ruleTester('consent-field-missing', {
  valid: [
    { name: 'a consent column', text: lines('id,consent', '1,GRU') },
    { name: 'a column the policy names', text: lines('id,dul', '1,GRU'), policy: lines('consent:', '  column: dul') },
    { name: 'a Table Schema with a consent field', path: 'cohort.schema.json', text: schema([ID, { name: 'consent', type: 'string' }]) },
  ],
  invalid: [
    {
      name: 'no consent column: the fix adds one, an empty cell in every row',
      text: lines('id,race', '1,White', '2,Asian'),
      findings: [{
        messageId: 'no-column',
        range: [0, 0, 0, 7],
        data: { kind: 'no-column', columns: 2 },
        fixes: [{ title: 'Add a "consent" column (header and an empty cell in each of 2 rows) to fill in with DUO codes', output: lines('id,race,consent', '1,White,', '2,Asian,') }],
      }],
    },
    {
      name: 'a column the policy names but the header lacks: reported by name, and added under that name',
      text: lines('id,consent', '1,GRU'),
      policy: lines('consent:', '  column: dul'),
      findings: [{
        messageId: 'policy-column',
        range: [0, 0, 0, 10],
        severity: 'warning',
        data: { kind: 'policy-column', policyKey: 'consent.column', column: 'dul', columns: 2 },
        fixes: [{ title: 'Add a "dul" column (header and an empty cell in each of 1 rows) to fill in with DUO codes', output: lines('id,consent,dul', '1,GRU,') }],
      }],
    },
    {
      name: 'a ragged header gets the column after its empty fields, so rows keep their cells under the same names',
      path: 'data.tsv',
      text: 'id\trace\t\t\n1\tWhite\t\t\n',
      findings: [{ messageId: 'no-column', range: [0, 0, 0, 9], fixes: [{ output: 'id\trace\t\t\tconsent\n1\tWhite\t\t\t\n' }] }],
    },
    {
      name: 'a Table Schema without a consent field: the fix adds a required field of DUO permissions',
      path: 'cohort.schema.json',
      text: schema([ID]),
      findings: [{
        messageId: 'schema',
        range: [1, 2, 1, 10],
        data: { kind: 'schema', fields: 1, column: 'consent' },
        fixes: [{
          title: 'Add a required "consent" field of DUO permissions to the schema',
          output: schema([ID, {
            name: 'consent',
            type: 'string',
            description: 'Data use permission the participant consented to: one DUO term (GRU, HMB, DS, POA, NRES). Modifiers such as NPU or IRB and the disease of DS (a MONDO id) go in their own fields.',
            constraints: { required: true, enum: ['GRU', 'HMB', 'DS', 'POA', 'NRES'] },
          }]),
        }],
      }],
    },
  ],
});
