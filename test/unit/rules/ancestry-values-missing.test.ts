import { columnCsv, lines, ruleTester } from './harness';

ruleTester('ancestry-values-missing', {
  valid: [
    { name: 'at the threshold (20 of 100)', text: columnCsv('race', { White: 80, '?': 20 }) },
  ],
  invalid: [
    {
      name: '25 of 95 rows missing, with the markers and their counts',
      text: columnCsv('race', { White: 60, Asian: 10, '?': 20, Declined: 5 }),
      findings: [{ messageId: 'missing', range: [0, 3, 0, 7], data: { column: 'race', missing: 25, rows: 95, maxMissing: 0.2, markers: { '?': 20, Declined: 5 } } }],
    },
    {
      name: 'a stricter maxMissing from the policy',
      text: columnCsv('race', { White: 80, '?': 20 }),
      policy: lines('ancestry:', '  maxMissing: 0.1'),
      findings: [{ messageId: 'missing', range: [0, 3, 0, 7], data: { missing: 20, rows: 100, maxMissing: 0.1 } }],
    },
  ],
});
