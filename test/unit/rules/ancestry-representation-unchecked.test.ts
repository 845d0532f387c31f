import { columnCsv, lines, ruleTester } from './harness';

const GROUPS = ['White', 'Black or African American', 'Asian', 'American Indian or Alaska Native', 'Native Hawaiian or Other Pacific Islander', 'Middle Eastern or North African', 'Two or more races', 'Some Other Race'];
const mapped = (group: string) => lines('# Cohort Lint policy.', 'ancestry:', '  labels:', `    "1": "${group}"`);

ruleTester('ancestry-representation-unchecked', {
  valid: [
    { name: 'census labels: a reference applies', text: columnCsv('race', { White: 60, 'Black or African American': 60, Asian: 60 }) },
    { name: 'codes the policy maps onto groups', text: columnCsv('race', { '1': 50, '2': 50 }), policy: lines('ancestry:', '  labels:', '    "1": White', '    "2": Asian') },
  ],
  invalid: [
    {
      name: 'numeric survey codes with no codebook: not checked, the labels counted, a mapping offered per group',
      text: columnCsv('race', { '1': 50, '2': 50, '3': 40 }),
      findings: [{
        messageId: 'unchecked',
        range: [0, 3, 0, 7],
        data: { kind: 'no-vocabulary', column: 'race', total: 140, vocabulary: null, labels: { '1': 50, '2': 50, '3': 40 }, groups: GROUPS },
        fixes: GROUPS.map((group) => ({ title: `Count "1" as ${group} (ancestry.labels in the policy file)`, files: { 'cohortlint.yaml': mapped(group) } })),
      }],
    },
  ],
});
