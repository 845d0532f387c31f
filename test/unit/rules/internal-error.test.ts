// Cohort Lint's own failures, isolated: a part that throws costs its findings only.
import { lines, ruleTester } from './harness';

const DATASET = lines('id,consent', '1,GRU', '2,');

ruleTester('internal-error', {
  valid: [
    { name: 'nothing fails', text: DATASET },
  ],
  invalid: [
    {
      name: 'reading the dataset\'s Table Schema throws: the dataset is linted without one, and that is said',
      text: DATASET,
      files: { 'data.schema.json': new RangeError('unforeseen') },
      findings: [{ messageId: 'failed', range: [0, 0, 0, 0], severity: 'error' }],
    },
    {
      name: 'its severity comes from the policy',
      text: DATASET,
      policy: lines('rules:', '  internal-error: warning'),
      files: { 'data.schema.json': new RangeError('unforeseen') },
      findings: [{ messageId: 'failed', range: [0, 0, 0, 0], severity: 'warning' }],
    },
  ],
});
