import { lines, ruleTester } from './harness';

const ICD9 = ['250.83', '428.0', '414.01', 'E932', '38', '276'];
const ICD10 = ['J45.909', 'E11.9', 'I10', 'N18.3', 'C4A.0'];
const repeat = (values: string[], n: number) => Array.from({ length: n }, (_, i) => values[i % values.length]);
const column = (values: string[]) => lines('id,diagnosis', ...values.map((v, i) => `${i + 1},${v}`));

ruleTester('phenotype-coding-mixed', {
  valid: [
    { name: 'ICD-10 only', text: column(repeat(ICD10, 60)) },
    { name: 'a few ICD-10 codes (below 5 values) are not called a mix', text: column([...repeat(ICD9, 600), ...repeat(ICD10, 4)]) },
  ],
  invalid: [
    {
      name: 'ICD-9-CM and ICD-10 half and half',
      text: column([...repeat(ICD9, 30), ...repeat(ICD10, 30)]),
      findings: [{ messageId: 'mixed', range: [0, 3, 0, 12], data: { column: 'diagnosis', primary: 'ICD-9-CM', declared: null, others: ['ICD-10'], coded: 60, minOtherValues: 5 } }],
    },
    {
      name: 'a declared system makes any other one a finding, even one code',
      text: column([...repeat(ICD10, 50), '250.83']),
      policy: lines('phenotype:', '  codeSystem:', '    diagnosis: ICD-10-CM'),
      findings: [{ messageId: 'mixed', range: [0, 3, 0, 12], data: { declared: 'ICD-10', others: ['ICD-9-CM'] } }],
    },
  ],
});
