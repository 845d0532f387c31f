import { SYNPUF_PERSON } from '../delimiterFixtures';
import { lines, ruleTester } from './harness';

ruleTester('table-header-trailing-fields', {
  valid: [
    { name: 'every header field named', text: lines('id,race', '1,White') },
    { name: 'an empty value at the end of a data row is a value, not a header field', text: lines('id,race', '1,') },
    { name: 'a first row of data (SynPUF PERSON, no header): its empty cells are values, not unnamed columns', path: 'person.tsv', text: SYNPUF_PERSON },
    { name: 'the same table named .csv, read on its tabs', path: 'person.csv', text: SYNPUF_PERSON },
  ],
  invalid: [
    {
      name: 'two trailing delimiters on the header',
      text: lines('id,race,,', '1,White,,'),
      findings: [{ messageId: 'trailing', range: [0, 0, 0, 9], severity: 'information', data: { kind: 'ragged-header', named: 2, fields: 4 } }],
    },
  ],
});
