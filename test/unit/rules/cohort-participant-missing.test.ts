import { cohortTable } from './cohort';
import { ruleTester } from './harness';

ruleTester('cohort-participant-missing', {
  valid: [
    { ...cohortTable('phenotypes.csv', 'an event table: a participant with no phenotype rows is not missing') },
  ],
  invalid: [
    {
      ...cohortTable('consent.csv', 'a participant with no consent row'),
      findings: [{ messageId: 'table', range: [0, 0, 0, 14], data: { missing: 1, participants: 10, participantsTable: 'participants.csv' } }],
    },
  ],
});
