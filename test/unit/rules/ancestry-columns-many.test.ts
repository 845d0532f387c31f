import { lines, ruleTester } from './harness';

const header = (n: number) => ['id', ...Array.from({ length: n }, () => 'race')].join(',');
const row = (n: number) => ['1', ...Array.from({ length: n }, () => 'White')].join(',');

ruleTester('ancestry-columns-many', {
  valid: [
    { name: 'six ancestry columns, the most assessed', text: lines(header(6), row(6)) },
  ],
  invalid: [
    {
      name: 'eight ancestry columns: the last two are not assessed, said on the first of them',
      text: lines(header(8), row(8)),
      findings: [{ messageId: 'tooMany', range: [0, 33, 0, 37], data: { detected: 8, assessed: Array(6).fill('race'), maxAssessed: 6, notAssessed: 2 } }],
    },
  ],
});
