import { columnCsv, lines, ruleTester } from './harness';

const mapped = (group: string) => lines('# Cohort Lint policy.', 'ancestry:', '  labels:', `    "Martian": "${group}"`);

ruleTester('ancestry-labels-unmapped', {
  valid: [
    { name: 'every label read as a group', text: columnCsv('super_pop', { EUR: 60, AFR: 60, EAS: 60, SAS: 60, AMR: 60 }) },
    { name: 'a label the policy maps', text: columnCsv('super_pop', { EUR: 60, AFR: 60, EAS: 60, SAS: 60, AMR: 60, Martian: 30 }), policy: lines('ancestry:', '  labels:', '    Martian: EUR') },
  ],
  invalid: [
    {
      name: 'one unmapped label: one fix per group, each creating the policy mapping',
      text: columnCsv('super_pop', { EUR: 60, AFR: 60, EAS: 60, SAS: 60, AMR: 60, Martian: 30 }),
      findings: [{
        messageId: 'unmapped',
        range: [0, 3, 0, 12],
        data: { column: 'super_pop', rows: 30, total: 330, vocabulary: 'continental', labels: { Martian: 30 }, groups: ['AFR', 'AMR', 'EAS', 'EUR', 'SAS'] },
        fixes: ['AFR', 'AMR', 'EAS', 'EUR', 'SAS'].map((group) => ({ title: `Count "Martian" as ${group} (ancestry.labels in the policy file)`, files: { 'cohortlint.yaml': mapped(group) } })),
      }],
    },
  ],
});
