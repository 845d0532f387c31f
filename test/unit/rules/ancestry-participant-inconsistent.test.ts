import { lines, ruleTester } from './harness';

ruleTester('ancestry-participant-inconsistent', {
  valid: [
    { name: 'each participant keeps one group over their rows', text: lines('participant_id,visit,race', 'P1,1,White', 'P1,2,White', 'P2,1,Asian', 'P2,2,Asian') },
  ],
  invalid: [
    {
      name: 'P1 is White then Asian',
      text: lines('participant_id,visit,race', 'P1,1,White', 'P1,2,Asian', 'P2,1,White', 'P2,2,White'),
      findings: [{
        messageId: 'inconsistent',
        range: [0, 21, 0, 25],
        data: { column: 'race', participantColumn: 'participant_id', participants: 2, rows: 4, inconsistent: 1, pairs: [{ first: 'White', then: 'Asian', labels: ['White', 'Asian'], participants: 1 }] },
      }],
    },
  ],
});
