// Dates far from any clock: 2020-01-31 is past and 2999-01-01 future whatever "today" is.
import { lines, ruleTester } from './harness';

const HEADER = 'id,consent,consent_status,withdrawal_date';
const MOVE = { title: 'Move 2 rows without usable consent to data.quarantine.csv', output: lines(HEADER, '1,GRU,active,'), files: { 'data.quarantine.csv': lines(HEADER, '2,GRU,withdrawn,', '3,GRU,active,2020-01-31') } };

ruleTester('consent-withdrawn', {
  valid: [
    { name: 'active statuses and a withdrawal date in the future', text: lines(HEADER, '1,GRU,active,', '2,GRU,Active,2999-01-01') },
  ],
  invalid: [
    {
      name: 'a withdrawn status and a past withdrawal date: summaries per column, then each cell',
      text: lines(HEADER, '1,GRU,active,', '2,GRU,withdrawn,', '3,GRU,active,2020-01-31'),
      findings: [
        { messageId: 'summary', range: [0, 11, 0, 25], data: { kind: 'summary', column: 'consent_status', reason: 'withdrawn', rows: 1, totalRows: 3, unusableRows: 2 }, fixes: [MOVE] },
        { messageId: 'summary', range: [0, 26, 0, 41], data: { kind: 'summary', column: 'withdrawal_date', reason: 'withdrawal-date', rows: 1 }, fixes: [MOVE] },
        { messageId: 'cell', range: [2, 6, 2, 15], data: { kind: 'cell', line: 3, reason: 'withdrawn' }, fixes: [MOVE] },
        { messageId: 'cell', range: [3, 13, 3, 23], data: { kind: 'cell', line: 4, reason: 'withdrawal-date', date: '2020-01-31' }, fixes: [MOVE] },
      ],
    },
    {
      name: 'a value the policy lists as withdrawn',
      text: lines('id,consent,consent_status', '1,GRU,opted out'),
      policy: lines('consent:', '  withdrawnValues: [opted out]'),
      findings: [{ messageId: 'summary', range: [0, 11, 0, 25], data: { kind: 'summary', reason: 'withdrawn' } }, { messageId: 'cell', range: [1, 6, 1, 15], data: { kind: 'cell' } }],
    },
  ],
});
