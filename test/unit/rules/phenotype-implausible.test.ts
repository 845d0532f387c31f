import { lines, ruleTester } from './harness';

const ages = (...values: string[]) => lines('id,age', ...values.map((v, i) => `${i + 1},${v}`));

ruleTester('phenotype-implausible', {
  valid: [
    { name: 'ages within 0-120', text: ages('0', '30', '120') },
    { name: 'age bands like [70-80) are bands, not values', text: ages('[70-80)', '[80-90)', '[60-70)') },
  ],
  invalid: [
    {
      name: 'one age below 0 and one above 120, counted with the range and its source',
      text: ages('30', '40', '150', '-2', '50'),
      findings: [{ messageId: 'implausible', range: [0, 3, 0, 6], data: { column: 'age', quantity: 'age', implausible: 2, below: 1, above: 1, values: 5, ranges: [{ unit: 'years', low: 0, high: 120 }], lines: [4, 5] } }],
    },
  ],
});
