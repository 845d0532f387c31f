import { lines, ruleTester } from './harness';

const TEXT = lines('id,consent', '1,HMB', '2,GRU', '3,POA');
const MOVE = { title: 'Move 1 row without usable consent to data.quarantine.csv', output: lines('id,consent', '2,GRU', '3,POA'), files: { 'data.quarantine.csv': lines('id,consent', '1,HMB') } };

ruleTester('consent-scope-mismatch', {
  valid: [
    { name: 'no intendedUse, no scope check', text: TEXT },
    { name: 'health research is within HMB and GRU', text: lines('id,consent', '1,HMB', '2,GRU'), policy: lines('intendedUse: health-research') },
  ],
  invalid: [
    {
      name: 'HMB excludes ancestry research (DUO:0000006)',
      text: TEXT,
      policy: lines('intendedUse: ancestry-research'),
      findings: [
        { messageId: 'summary', range: [0, 3, 0, 10], data: { kind: 'summary', terms: 'HMB', purpose: 'ancestry-research', forbiddenBy: ['HMB'], rows: 1, unusableRows: 1 }, fixes: [MOVE] },
        { messageId: 'cell', range: [1, 2, 1, 5], data: { kind: 'cell', line: 2, terms: 'HMB', purpose: 'ancestry-research' }, fixes: [MOVE] },
      ],
    },
  ],
});
