import { lines, ruleTester } from './harness';

const MOVE = { title: 'Move 2 rows without usable consent to data.quarantine.csv', output: lines('id,consent', '1,GRU', '4,HMB'), files: { 'data.quarantine.csv': lines('id,consent', '2,', '3,NA') } };

ruleTester('consent-value-missing', {
  valid: [
    { name: 'every row has consent', text: lines('id,consent', '1,GRU', '2,HMB') },
    { name: 'an empty modifiers column beside a permission is not missing consent', text: lines('id,consent,duo_modifiers', '1,GRU,', '2,HMB,NPU') },
  ],
  invalid: [
    {
      name: 'an empty cell and NA: a summary on the header and each cell, all offering the quarantine move',
      text: lines('id,consent', '1,GRU', '2,', '3,NA', '4,HMB'),
      findings: [
        { messageId: 'summary', range: [0, 3, 0, 10], severity: 'error', data: { kind: 'summary', column: 'consent', rows: 2, totalRows: 4, marked: 2, unusableRows: 2 }, fixes: [MOVE] },
        { messageId: 'cell', range: [2, 2, 2, 2], data: { kind: 'cell', line: 3 }, fixes: [MOVE] },
        { messageId: 'cell', range: [3, 2, 3, 4], data: { kind: 'cell', line: 4 }, fixes: [MOVE] },
      ],
    },
    {
      name: 'an existing quarantine file with the same header: rows appended after it',
      text: lines('id,consent', '1,GRU', '2,'),
      files: { 'data.quarantine.csv': 'id,consent\r\n9,\r\n' },
      findings: [
        { messageId: 'summary', range: [0, 3, 0, 10], data: { kind: 'summary' }, fixes: [{ output: lines('id,consent', '1,GRU'), files: { 'data.quarantine.csv': 'id,consent\r\n9,\r\n2,\r\n' } }] },
        { messageId: 'cell', range: [2, 2, 2, 2], data: { kind: 'cell' } },
      ],
    },
  ],
});
