import { lines, ruleTester } from './harness';

const POLICY = lines('outcome:', '  label: diagnosis', '  groups: [race]');

function cohort(whitePositive: number, asianPositive: number): string {
  const rows = ['id,race,diagnosis'];
  let id = 0;
  const add = (race: string, n: number, y: string) => { for (let i = 0; i < n; i++) rows.push(`${id++},${race},${y}`); };
  add('White', whitePositive, 'yes'); add('White', 600 - whitePositive, 'no'); add('Asian', asianPositive, 'yes'); add('Asian', 200 - asianPositive, 'no');
  return lines(...rows);
}

ruleTester('outcome-label-imbalance', {
  valid: [
    { name: 'the same base rate in both groups', text: cohort(300, 100), policy: POLICY },
  ],
  invalid: [
    {
      name: 'base rates 10% vs 50% (ratio 0.2 below four fifths), and too few Asian positives',
      text: cohort(300, 20),
      policy: POLICY,
      findings: [
        { messageId: 'base-rate', range: [0, 8, 0, 17], severity: 'information', data: { kind: 'base-rate', label: 'diagnosis', ratio: 0.2, low: 'Asian', high: 'White', df: 1, tests: 1 } },
        { messageId: 'few-positives', range: [0, 8, 0, 17], data: { kind: 'few-positives', fewPositives: ['Asian'] } },
      ],
    },
  ],
});
