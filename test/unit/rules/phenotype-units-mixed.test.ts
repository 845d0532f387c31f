import { lines, ruleTester } from './harness';

const heights = (values: number[]) => lines('id,height', ...values.map((v, i) => `${i + 1},${v.toFixed(1)}`));
const CM = Array.from({ length: 60 }, (_, i) => 165 + (i % 10));
const INCHES = Array.from({ length: 60 }, (_, i) => 65 + (i % 4));

ruleTester('phenotype-units-mixed', {
  valid: [
    { name: 'heights in cm only', text: heights(CM) },
  ],
  invalid: [
    {
      name: 'heights in cm and in inches: two clusters 2.54 apart, each plausible in its unit',
      text: heights([...CM, ...INCHES]),
      findings: [{ messageId: 'clusters', range: [0, 3, 0, 9], data: { column: 'height', quantity: 'height', kind: 'clusters', minAshmanD: 2, maxCentreRatio: 1.15, expectedUnit: null } }],
    },
  ],
});
