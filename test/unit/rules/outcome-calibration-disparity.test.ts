import { lines, ruleTester } from './harness';

const POLICY = lines('outcome:', '  label: y', '  score: prob', '  groups: [race]');

/** Scores 0.1, 0.3, 0.5, 100 rows each per group; group B's observed rate is `lift` above its score. */
function scored(lift: number): string {
  const rows = ['id,race,y,prob'];
  let id = 0;
  for (const [race, add] of [['A', 0], ['B', lift]] as const) {
    for (const score of [0.1, 0.3, 0.5]) {
      const positives = Math.round(100 * (score + add));
      for (let i = 0; i < 100; i++) rows.push(`${id++},${race},${i < positives ? 1 : 0},${score}`);
    }
  }
  return lines(...rows);
}

ruleTester('outcome-calibration-disparity', {
  valid: [
    { name: 'both groups calibrated', text: scored(0), policy: POLICY },
  ],
  invalid: [
    {
      name: 'at the same score group B\'s observed rate is 0.3 higher',
      text: scored(0.3),
      policy: POLICY,
      findings: [{ messageId: 'disparity', range: [0, 10, 0, 14], data: { label: 'y', score: 'prob', calibrationGap: 0.3, low: 'A', high: 'B', df: 3, tests: 1 } }],
    },
  ],
});
