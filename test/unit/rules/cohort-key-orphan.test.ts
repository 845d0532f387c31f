import { cohortTable } from './cohort';
import { ruleTester } from './harness';

ruleTester('cohort-key-orphan', {
  valid: [
    { ...cohortTable('participants.csv', 'the participants table defines the keys') },
  ],
  invalid: [
    {
      ...cohortTable('phenotypes.csv', 'two rows of one unknown participant (several rows per person are normal)'),
      findings: [
        { messageId: 'summary', range: [0, 0, 0, 14], data: { rows: 2, totalRows: 13, keys: 1, participants: 10, participantsTable: 'participants.csv' } },
        { messageId: 'row', range: [12, 0, 12, 3], data: { line: 13 } },
        { messageId: 'row', range: [13, 0, 13, 3], data: { line: 14 } },
      ],
    },
  ],
});
