import { lines, ruleTester } from './harness';

const TEXT = lines('id,consent', '1,GRU', '2,DUO:42', '3,YES');
const CORRECT = { title: 'Replace "DUO:42" with "DUO:0000042" in column "consent" (1 cells)', output: lines('id,consent', '1,GRU', '2,DUO:0000042', '3,YES') };
const MOVE = { title: 'Move 2 rows without usable consent to data.quarantine.csv', output: lines('id,consent', '1,GRU'), files: { 'data.quarantine.csv': lines('id,consent', '2,DUO:42', '3,YES') } };

ruleTester('consent-value-invalid', {
  valid: [
    { name: 'DUO shorthands and ids, with modifiers and separators', text: lines('id,consent', '1,GRU', '2,DUO:0000042', '3,HMB;NPU', '4,DS-MONDO:0005148') },
    { name: 'a value the policy allows', text: lines('id,consent', '1,YES'), policy: lines('consent:', '  allowed: ["YES"]') },
  ],
  invalid: [
    {
      name: 'a near miss (corrected by its fix) and an unknown value: a summary per value, then each cell',
      text: TEXT,
      findings: [
        { messageId: 'summary', range: [0, 3, 0, 10], data: { kind: 'summary', value: 'DUO:42', reason: 'unknown', suggestion: 'DUO:0000042', rows: 1, unusableRows: 2 }, fixes: [CORRECT, MOVE] },
        { messageId: 'summary', range: [0, 3, 0, 10], data: { kind: 'summary', value: 'YES', reason: 'unknown', rows: 1 }, fixes: [MOVE] },
        { messageId: 'cell', range: [2, 2, 2, 8], data: { kind: 'cell', line: 3, value: 'DUO:42', suggestion: 'DUO:0000042' }, fixes: [CORRECT, MOVE] },
        { messageId: 'cell', range: [3, 2, 3, 5], data: { kind: 'cell', line: 4, value: 'YES' }, fixes: [MOVE] },
      ],
    },
  ],
});
