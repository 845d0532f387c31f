// The policy file's own rule, and the outcome key's columns checked against a dataset
// (reported on the dataset, under the same id).
import { confusionCsv } from '../outcomeFixtures';
import { lines, ruleTester } from './harness';

ruleTester('config-invalid', {
  valid: [
    { name: 'a valid policy', path: 'cohortlint.yaml', text: lines('ancestry:', '  minRatio: 0.8', 'rules:', '  ancestry-group-small: off') },
    {
      name: 'an outcome key naming columns a dataset has none of: that table is not judged',
      text: lines('id,race,age', '1,White,40'),
      policy: lines('outcome:', '  label: diagnosis', '  prediction: model_call', '  groups: [race]'),
    },
  ],
  invalid: [
    {
      name: 'a value of the wrong type and an unknown key, each positioned, in document order',
      path: 'cohortlint.yaml',
      text: lines('ancestry:', '  minRatio: high', 'unknownKey: 1'),
      findings: [
        { messageId: 'key', range: [1, 12, 1, 16], severity: 'error', data: { path: 'ancestry.minRatio' } },
        { messageId: 'key', range: [2, 0, 2, 10], data: { path: 'unknownKey' } },
      ],
    },
    {
      name: 'YAML that does not parse: defaults apply',
      path: 'cohortlint.yaml',
      text: lines('ancestry: ['),
      findings: [{ messageId: 'parse', range: [1, 0, 1, 0] }],
    },
    {
      name: 'outcome.label names a column this dataset lacks: said on the dataset\'s header',
      text: confusionCsv({ A: { tp: 1, fp: 1, tn: 1, fn: 1 } }),
      policy: lines('outcome:', '  label: diagnosis', '  prediction: model_call', '  groups: [race]'),
      findings: [{ messageId: 'outcome-config', range: [0, 0, 0, 14], data: { path: 'outcome.label' } }],
    },
  ],
});
