import { confusionCsv } from '../outcomeFixtures';
import { lines, ruleTester } from './harness';

const POLICY = lines('outcome:', '  label: outcome', '  prediction: model_call', '  groups: [race]');

ruleTester('outcome-selection-disparity', {
  valid: [
    { name: 'equal selection rates (0.5 each), though the errors differ', text: confusionCsv({ A: { tp: 40, fp: 10, tn: 40, fn: 10 }, B: { tp: 20, fp: 30, tn: 20, fn: 30 } }), policy: POLICY },
  ],
  invalid: [
    {
      name: 'selection rates 0.7 vs 0.2: a demographic parity ratio of 0.286',
      text: confusionCsv({ A: { tp: 40, fp: 30, tn: 20, fn: 10 }, B: { tp: 10, fp: 10, tn: 40, fn: 40 } }),
      policy: POLICY,
      findings: [{ messageId: 'disparity', range: [0, 28, 0, 38], data: { columns: ['race'], low: 'B', high: 'A', df: 1, tests: 1, maxRatioGap: 0.8 } }],
    },
  ],
});
