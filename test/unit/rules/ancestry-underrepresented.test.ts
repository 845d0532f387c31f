// 100 rows: EUR 75, AFR 20, EAS 5 against custom shares EUR 0.5, AFR 0.3, EAS 0.2.
// Wilson intervals (scipy binomtest(k, 100).proportion_ci(method='wilson')):
//   20/100 -> 0.13337-0.28883: upper bound >= 0.8 x 0.3 = 0.24, so uncertain
//    5/100 -> 0.02154-0.11175: upper bound <  0.8 x 0.2 = 0.16, so clear
import { columnCsv, lines, ruleTester } from './harness';

const CUSTOM = lines('ancestry:', '  reference:', '    EUR: 0.5', '    AFR: 0.3', '    EAS: 0.2');
const TEXT = columnCsv('super_pop', { EUR: 75, AFR: 20, EAS: 5 });
const acknowledged = (group: string) => CUSTOM + lines(
  'acknowledged:', '  - rule: ancestry-underrepresented', '    column: "super_pop"', `    group: "${group}"`, '    reason: "TODO: say why this is acceptable for the intended use"',
);

ruleTester('ancestry-underrepresented', {
  valid: [
    { name: 'shares at the reference', text: columnCsv('super_pop', { EUR: 50, AFR: 30, EAS: 20 }), policy: CUSTOM },
    { name: 'a lower minRatio lets AFR (ratio 0.667) pass', text: columnCsv('super_pop', { EUR: 75, AFR: 25 }), policy: CUSTOM.replace('    EAS: 0.2\n', '  minRatio: 0.5\n').replace('EUR: 0.5', 'EUR: 0.7') },
  ],
  invalid: [
    {
      name: 'AFR uncertain and EAS clearly under-represented, each with an acknowledge fix',
      text: TEXT,
      policy: CUSTOM,
      findings: [
        {
          messageId: 'underrepresented',
          range: [0, 3, 0, 12],
          severity: 'warning',
          data: { group: 'AFR', column: 'super_pop', count: 20, total: 100, share: 0.2, reference: 'custom', referenceShare: 0.3, minRatio: 0.8, clear: false },
          fixes: [{ title: 'Acknowledge AFR in "super_pop" in the policy file', files: { 'cohortlint.yaml': acknowledged('AFR') } }],
        },
        {
          messageId: 'underrepresented',
          range: [0, 3, 0, 12],
          data: { group: 'EAS', count: 5, share: 0.05, ratio: 0.25, clear: true },
          fixes: [{ title: /Acknowledge EAS/, files: { 'cohortlint.yaml': acknowledged('EAS') } }],
        },
      ],
    },
    {
      name: 'minRatio 0.5 keeps only EAS (ratio 0.25)',
      text: TEXT,
      policy: CUSTOM + '  minRatio: 0.5\n',
      findings: [{ messageId: 'underrepresented', range: [0, 3, 0, 12], data: { group: 'EAS', minRatio: 0.5 } }],
    },
  ],
});
