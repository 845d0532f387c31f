import { lines, ruleTester } from './harness';

const POLICY = lines('outcome:', '  label: outcome', '  prediction: model_call', '  predictions: predictions.csv', '  join: participant_id', '  minGroupSize: 10');
const COHORT = lines('participant_id,race,outcome', ...Array.from({ length: 100 }, (_, i) => `P${i},${i < 50 ? 'White' : 'Black'},${i % 2}`));
/** Predictions for P0..P(n-1), in reverse order, and `orphans` keys that match no cohort row. */
const predictions = (n: number, ...orphans: string[]) => lines('participant_id,model_call', ...Array.from({ length: n }, (_, i) => `P${n - 1 - i},${(n - 1 - i) % 2}`), ...orphans.map((k) => `${k},1`));

ruleTester('outcome-predictions-unmatched', {
  valid: [
    { name: 'a prediction for every labelled row', path: 'cohort.csv', text: COHORT, policy: POLICY, files: { 'predictions.csv': predictions(100) } },
  ],
  invalid: [
    {
      name: '10 labelled rows without a prediction and 1 prediction matching no row',
      path: 'cohort.csv',
      text: COHORT,
      policy: POLICY,
      files: { 'predictions.csv': predictions(90, 'Q1') },
      findings: [{ messageId: 'unmatched', range: [0, 0, 0, 14], data: { predictions: 'predictions.csv', join: 'participant_id', labelledRows: 100, unmatchedRows: 10, predictionRows: 91, unmatchedPredictionKeys: 1, duplicateKeys: 0, emptyKeys: 0 } }],
    },
  ],
});
