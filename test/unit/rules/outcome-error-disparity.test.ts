import { confusionCsv } from '../outcomeFixtures';
import { lines, ruleTester } from './harness';

const POLICY = lines('outcome:', '  label: outcome', '  prediction: model_call', '  groups: [race]');
const SAME = { tp: 40, fp: 10, tn: 40, fn: 10 };

ruleTester('outcome-error-disparity', {
  valid: [
    { name: 'the same confusion matrix in both groups', text: confusionCsv({ A: SAME, B: SAME }), policy: POLICY },
    { name: 'without an outcome key no outcome rule runs', text: confusionCsv({ A: SAME, B: { tp: 20, fp: 30, tn: 20, fn: 30 } }) },
  ],
  invalid: [
    {
      name: 'TPR 0.8 vs 0.4 and FPR 0.2 vs 0.6: three rates reported, Bonferroni over three tests',
      text: confusionCsv({ A: SAME, B: { tp: 20, fp: 30, tn: 20, fn: 30 } }),
      policy: POLICY,
      findings: [{
        messageId: 'disparity',
        range: [0, 28, 0, 38],
        data: { columns: ['race'], label: 'outcome', prediction: 'model_call', minGroupSize: 30, equalizedOddsDifference: 0.4, tprDifference: 0.4, accuracyDifference: 0.4, tests: 3 },
      }],
    },
  ],
});
