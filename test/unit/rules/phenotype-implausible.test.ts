import { lines, ruleTester } from './harness';

const ages = (...values: string[]) => lines('id,age', ...values.map((v, i) => `${i + 1},${v}`));
const column = (header: string, ...values: string[]) => lines(`id,${header}`, ...values.map((v, i) => `${i + 1},${v}`));
// GDC clinical.tsv writes age_at_diagnosis in days: 24 adults of 26 to 90 years.
const gdcDays = Array.from({ length: 24 }, (_, i) => String(9500 + i * 1000));

ruleTester('phenotype-implausible', {
  valid: [
    { name: 'ages within 0-120', text: ages('0', '30', '120') },
    { name: 'age bands like [70-80) are bands, not values', text: ages('[70-80)', '[80-90)', '[60-70)') },
    { name: 'an age of 0 is plausible (a newborn), not a missing code', text: ages('0', '0', '30') },
    { name: 'a GWAS base-pair position (BP) is no blood pressure', text: column('BP', '752566', '0', '1005806') },
    { name: 'blood pressure under a generic header, within the systolic and diastolic ranges together', text: column('BloodPressure', '72', '66', '180', '40') },
    { name: 'GDC age_at_diagnosis in days (every value above 120, all within 120 years of days): the values show the unit', text: column('age_at_diagnosis', ...gdcDays) },
    { name: 'a header that says days (age_in_days) takes the days range', text: column('age_in_days', '30', '400', '12000') },
  ],
  invalid: [
    {
      name: 'a column in days keeps its entry errors: one value past 120 years of days is counted against the days range',
      text: column('age_at_diagnosis', ...gdcDays, '60000'),
      findings: [{ messageId: 'implausible', range: [0, 3, 0, 19], data: { column: 'age_at_diagnosis', implausible: 1, above: 1, values: 25, ranges: [{ unit: 'days', low: 0, high: 43830 }], lines: [26] } }],
    },
    {
      name: 'a few ages above 120 in a column of years are errors, not a column in days',
      text: ages(...Array.from({ length: 22 }, (_, i) => String(20 + i)), '150', '300', '999'),
      findings: [{ messageId: 'implausible', range: [0, 3, 0, 6], data: { column: 'age', implausible: 3, above: 3, values: 25, ranges: [{ unit: 'years', low: 0, high: 120 }] } }],
    },
    {
      name: 'one age below 0 and one above 120, counted with the range and its source',
      text: ages('30', '40', '150', '-2', '50'),
      findings: [{ messageId: 'implausible', range: [0, 3, 0, 6], data: { column: 'age', quantity: 'age', implausible: 2, below: 1, above: 1, values: 5, ranges: [{ unit: 'years', low: 0, high: 120 }], lines: [4, 5] } }],
    },
    {
      name: 'Pima-style zeros: every implausible glucose is exactly 0, which reads as a missing code',
      text: column('Glucose', '148', '85', '0', '183', '0'),
      findings: [{ messageId: 'zeroAsMissing', range: [0, 3, 0, 10], data: { column: 'Glucose', quantity: 'glucose', implausible: 2, zeros: 2, below: 2, above: 0, values: 5 } }],
    },
    {
      name: 'generic blood-pressure headers (BloodPressure, resting_BP, trestbps) read as blood pressure: 0 is a missing code there too',
      text: lines('id,BloodPressure,resting_BP,trestbps', '1,72,130,145', '2,0,0,0', '3,66,120,160'),
      findings: [
        { messageId: 'zeroAsMissing', range: [0, 3, 0, 16], data: { column: 'BloodPressure', quantity: 'blood pressure', zeros: 1, ranges: [{ unit: 'mmHg', low: 10, high: 250 }] } },
        { messageId: 'zeroAsMissing', range: [0, 17, 0, 27], data: { column: 'resting_BP', quantity: 'blood pressure', zeros: 1 } },
        { messageId: 'zeroAsMissing', range: [0, 28, 0, 36], data: { column: 'trestbps', quantity: 'blood pressure', zeros: 1 } },
      ],
    },
    {
      name: 'zeros among other implausible values are counted as implausible, not called a missing code',
      text: column('bmi', '24.1', '0', '0', '250', '31.0'),
      findings: [{ messageId: 'implausible', range: [0, 3, 0, 6], data: { column: 'bmi', implausible: 3, zeros: 2, below: 2, above: 1 } }],
    },
  ],
});
