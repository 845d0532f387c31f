import { lines, ruleTester } from './harness';

const TEXT = lines('id,sex,age,diagnosis,bmi,smoking', '1,F,50,x,NA,never', '2,M,51,x,,', '3,F,40,x,N/A,former', '4,M,41,x,23.5,"NA"');

ruleTester('missing-marker-mixed', {
  valid: [
    { name: 'one marker per column', text: lines('id,bmi,smoking', '1,NA,', '2,NA,never', '3,22,') },
  ],
  invalid: [
    {
      name: 'bmi (NA, empty, N/A) and smoking (empty, quoted NA); the fix writes every marker of that column as an empty cell',
      text: TEXT,
      findings: [
        {
          messageId: 'mixed',
          range: [0, 21, 0, 24],
          severity: 'information',
          data: { column: 'bmi', columnIndex: 4, markers: { NA: 1, '(empty)': 1, 'N/A': 1 }, missing: 3, missingValue: '' },
          fixes: [{ title: 'Write every missing value in column "bmi" as an empty cell (2 cells)', output: lines('id,sex,age,diagnosis,bmi,smoking', '1,F,50,x,,never', '2,M,51,x,,', '3,F,40,x,,former', '4,M,41,x,23.5,"NA"') }],
        },
        { messageId: 'mixed', range: [0, 25, 0, 32], data: { column: 'smoking', markers: { '(empty)': 1, NA: 1 } } },
      ],
    },
    {
      name: 'phenotype.missingValue NA: the fix writes NA, leaving cells that already read NA',
      text: TEXT,
      policy: lines('phenotype:', '  missingValue: NA'),
      findings: [
        { messageId: 'mixed', range: [0, 21, 0, 24], data: { column: 'bmi', missingValue: 'NA' }, fixes: [{ output: lines('id,sex,age,diagnosis,bmi,smoking', '1,F,50,x,NA,never', '2,M,51,x,NA,', '3,F,40,x,NA,former', '4,M,41,x,23.5,"NA"') }] },
        { messageId: 'mixed', range: [0, 25, 0, 32], data: { column: 'smoking' }, fixes: [{ output: lines('id,sex,age,diagnosis,bmi,smoking', '1,F,50,x,NA,never', '2,M,51,x,,NA', '3,F,40,x,N/A,former', '4,M,41,x,23.5,"NA"') }] },
      ],
    },
  ],
});
