import { columnCsv, lines, ruleTester } from './harness';

const CUSTOM = lines('ancestry:', '  reference:', '    EUR: 0.5', '    AFR: 0.3', '    EAS: 0.2');

ruleTester('ancestry-group-small', {
  valid: [
    { name: 'every group at the default minimum of 50', text: columnCsv('super_pop', { EUR: 50, AFR: 50, EAS: 50 }), policy: CUSTOM },
    { name: 'labels no vocabulary knows are profiled in the hover, not reported one by one', text: columnCsv('ancestry', { alpha: 60, beta: 3 }) },
    {
      // Synthea's OMOP ethnicity_source_value: national origins, of which a few ("african",
      // "italian") match a population panel's names. Representation is unchecked there.
      name: 'a column whose labels are mostly outside every vocabulary: the few that match make no small groups',
      text: columnCsv('ethnicity_source_value', { irish: 60, german: 30, scottish: 20, swedish: 15, african: 12, italian: 10 }),
    },
  ],
  invalid: [
    {
      name: 'the default minCount 50',
      text: columnCsv('super_pop', { EUR: 75, AFR: 20, EAS: 5 }),
      policy: CUSTOM,
      findings: [
        { messageId: 'small', range: [0, 3, 0, 12], severity: 'information', data: { group: 'AFR', count: 20, minCount: 50 } },
        { messageId: 'small', range: [0, 3, 0, 12], data: { group: 'EAS', count: 5, minCount: 50 } },
      ],
    },
    {
      name: 'minCount from the policy',
      text: columnCsv('super_pop', { EUR: 75, AFR: 20, EAS: 5 }),
      policy: CUSTOM + '  minCount: 10\n',
      findings: [{ messageId: 'small', range: [0, 3, 0, 12], data: { group: 'EAS', column: 'super_pop', count: 5, total: 100, share: 0.05, minCount: 10 } }],
    },
    {
      name: 'without a reference, groups of a known vocabulary (UK census codes)',
      text: columnCsv('ethnicity', { 1001: 60, 4002: 3 }),
      findings: [{ messageId: 'small', range: [0, 3, 0, 12], data: { group: 'Black or Black British', count: 3 } }],
    },
  ],
});
