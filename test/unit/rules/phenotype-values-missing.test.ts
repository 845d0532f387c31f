import { recidivism } from './documents';
import { lines, ruleTester } from './harness';

const bmi = (...values: string[]) => lines('id,bmi', ...values.map((v, i) => `${i + 1},${v}`));
const SEVEN = Array(7).fill('24.1');

ruleTester('phenotype-values-missing', {
  valid: [
    { name: '2 of 10 missing: at the 20% maximum, not above it', text: bmi(...SEVEN, '24.1', 'NA', '') },
    { name: 'a looser maxMissing from the policy', text: bmi(...SEVEN, 'NA', '', '?'), policy: lines('phenotype:', '  maxMissing: 0.3') },
    { name: 'identifier columns are never reported, however empty', text: lines('participant_id,bmi', ',24', ',25', '3,26') },
    {
      // 8 of 10 empty, but the NHANES DEMO codebook records RIDAGEMN (age in months) only
      // for ages 24 months or younger and RIDEXAGM (months at exam) for ages 0-19: not missing.
      name: 'NHANES variables recorded for a subgroup only',
      text: lines('SEQN,RIDAGEYR,RIDAGEMN,RIDEXAGM,BMXBMI', '1,1,14,15,17.2', '2,0,7,8,16.0', ...Array.from({ length: 8 }, (_, i) => `${3 + i},${30 + i},,,25.${i}`)),
    },
  ],
  invalid: [
    {
      // r_charge_desc is empty in 62 of 120 rows, but 60 of them are is_recid = 0 rows where
      // there is no new charge: 2 of the 60 recidivists' rows (3.3%) are missing, not reported.
      // r_jail_in is empty in 20 of the 60 (33%).
      name: 'partly not applicable: the share among the rows where the column applies',
      text: recidivism(),
      findings: [{ messageId: 'missingWhereApplies', range: [0, 49, 0, 58], data: { column: 'r_jail_in', columnIndex: 7, missing: 20, total: 60, share: 1 / 3, maxMissing: 0.2, markers: { '(empty)': 80 }, condition: 'is_recid', values: ['0'], notApplicableRows: 60 } }],
    },
    {
      name: '3 of 10 missing, three markers counted',
      text: bmi(...SEVEN, 'NA', '', '?'),
      findings: [{ messageId: 'missing', range: [0, 3, 0, 6], data: { column: 'bmi', columnIndex: 1, missing: 3, total: 10, share: 0.3, maxMissing: 0.2, markers: { NA: 1, '(empty)': 1, '?': 1 } } }],
    },
  ],
});
