import { lines, ruleTester } from './harness';

const ICD9 = ['250.83', '428.0', '414.01', 'E932', '38', '276'];
const ICD10 = ['J45.909', 'E11.9', 'I10', 'N18.3', 'C4A.0'];
const repeat = (values: string[], n: number) => Array.from({ length: n }, (_, i) => values[i % values.length]);
const column = (values: string[]) => lines('id,diagnosis', ...values.map((v, i) => `${i + 1},${v}`));
// ICD-9-CM as CMS files, claims and MIMIC-III write it: no dot (401.9 → 4019, 995.91 →
// 99591, V45.82 → V4582, E879.8 → E8798, E000.0 → E0000).
const ICD9_NO_DOT = ['4019', '99591', '42731', '5849', '2724', '038', 'V4582', 'V5861', 'V053', 'E8798', 'E9342', 'E0000'];
const named = (header: string, values: string[]) => lines(`id,${header}`, ...values.map((v, i) => `${i + 1},${v}`));

ruleTester('phenotype-coding-mixed', {
  valid: [
    { name: 'ICD-10 only', text: column(repeat(ICD10, 60)) },
    { name: 'a few ICD-10 codes (below 5 values) are not called a mix', text: column([...repeat(ICD9, 600), ...repeat(ICD10, 4)]) },
    { name: 'ICD-9-CM without dots (MIMIC-III ICD9_CODE): 4- and 5-digit, V and E codes are one system', text: named('ICD9_CODE', repeat(ICD9_NO_DOT, 240)) },
    { name: 'ICD-9-CM without dots under a header that names no system', text: column(repeat(ICD9_NO_DOT, 240)) },
    { name: 'ICD-9-CM with dots in some rows and without in others', text: column(repeat(['250.83', '25083', 'V45.81', 'V4581', 'E878.1', 'E8781', 'V05.3', 'V053'], 160)) },
    { name: 'V and E codes only, under a header naming ICD-9: ambiguous values are no evidence of a mix', text: named('icd9_code', repeat(['V4582', 'V053', 'E8798', 'E8781', 'V5861'], 100)) },
    { name: 'ICD-10 without dots and its V and E codes, under a header naming ICD-10', text: named('icd10', repeat(['I10', 'E119', 'J45909', 'E8798', 'V4582', 'N183'], 120)) },
    { name: 'OMOP concept ids are no ICD-9-CM codes, however many digits', text: named('condition_concept_id', repeat(['80180', '81902', '201826', '4329847', '75909'], 100)) },
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
    {
      name: 'ICD-9-CM without dots mixed with dotted ICD-10: the 4- and 5-digit codes count for ICD-9-CM',
      text: named('dx', [...repeat(['4019', '99591', '42731', 'V4582'], 40), ...repeat(ICD10, 20)]),
      findings: [{ messageId: 'mixed', range: [0, 3, 0, 5], data: { column: 'dx', primary: 'ICD-9-CM', others: ['ICD-10'], coded: 60 } }],
    },
  ],
});
