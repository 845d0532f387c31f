import { lines, ruleTester } from './harness';

const column = (name: string, values: string[]) => lines(`id,${name}`, ...values.map((v, i) => `${i + 1},${v}`));
const repeat = (values: string[], n: number) => Array.from({ length: n }, (_, i) => values[i % values.length]);
const ISO = repeat(['2019-04-03', '2019-06-05'], 10);

ruleTester('phenotype-format-mixed', {
  valid: [
    { name: 'one date format', text: column('visit_date', ISO) },
    { name: 'consistent categories: Female / Male', text: column('sex', repeat(['Female', 'Male'], 20)) },
  ],
  invalid: [
    {
      name: 'ISO dates with two month-first dates: the fix writes the dominant format',
      text: column('visit_date', [...ISO, '04/03/2019', '06/15/2019']),
      findings: [{
        messageId: 'date',
        range: [0, 3, 0, 13],
        data: { kind: 'date', column: 'visit_date', formats: { 'YYYY-MM-DD': 10, 'MM/DD/YYYY': 2 }, dates: 12, target: 'YYYY-MM-DD' },
        fixes: [{ title: 'Write the dates in column "visit_date" as YYYY-MM-DD (2 cells)', output: column('visit_date', [...ISO, '2019-04-03', '2019-06-15']) }],
      }],
    },
    {
      name: 'sex as M/F and one "male": the fix writes the common spelling',
      text: column('sex', [...repeat(['M', 'F'], 20), 'male']),
      findings: [{
        messageId: 'category',
        range: [0, 3, 0, 6],
        data: { kind: 'category', family: 'sex', styles: ['letter', 'word'], spellings: { M: 10, male: 1, F: 10 }, rewrites: { male: 'M' } },
        fixes: [{ output: column('sex', [...repeat(['M', 'F'], 20), 'M']) }],
      }],
    },
  ],
});
