import { columnCsv, lines, ruleTester } from './harness';

ruleTester('ancestry-group-absent', {
  valid: [
    { name: 'labels no vocabulary knows: no reference, so no group is absent', text: columnCsv('ancestry', { alpha: 60 }) },
    // (1 - 0.02) ** 10 = 0.817 >= 0.05: no AFR row is what such a sample often shows.
    { name: 'too few rows to tell: unobserved, not absent', text: columnCsv('super_pop', { EUR: 10 }), policy: lines('ancestry:', '  reference:', '    EUR: 0.98', '    AFR: 0.02') },
  ],
  invalid: [
    {
      name: 'SAS (28.6% of the global reference) has none of 280 rows; the fix creates a policy file acknowledging it',
      text: columnCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, AMR: 60 }),
      findings: [{
        messageId: 'absent',
        range: [0, 3, 0, 12],
        data: { group: 'SAS', column: 'super_pop', count: 0, total: 280, reference: 'global', referenceShare: 0.28569142125480157 },
        fixes: [{
          title: 'Acknowledge SAS in "super_pop" in the policy file',
          files: { 'cohortlint.yaml': lines('# Cohort Lint policy. Acknowledged findings are shown as hints that quote their reason.', 'acknowledged:', '  - rule: ancestry-group-absent', '    column: "super_pop"', '    group: "SAS"', '    reason: "TODO: say why this is acceptable for the intended use"') },
        }],
      }],
    },
  ],
});
