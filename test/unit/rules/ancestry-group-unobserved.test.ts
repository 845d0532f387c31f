// Synthea's RACE shape: 97 white, 11 black, 7 asian (race alone, N = 115). python3:
// (1 - 0.011) ** 115 = 0.280 and (1 - 0.002) ** 115 = 0.794, both >= 0.05: too small to tell.
import { columnCsv, ruleTester } from './harness';

ruleTester('ancestry-group-unobserved', {
  valid: [
    { name: 'every reference group has rows', text: columnCsv('super_pop', { EUR: 60, AFR: 60, EAS: 60, SAS: 60, AMR: 60 }) },
    { name: 'a group improbable to miss at this size is absent instead', text: columnCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, AMR: 60 }) },
  ],
  invalid: [
    {
      name: 'AIAN and NHPI unseen in 115 rows',
      text: columnCsv('race', { White: 97, 'Black or African American': 11, Asian: 7 }),
      findings: [
        { messageId: 'unobserved', range: [0, 3, 0, 7], severity: 'information', data: { group: 'American Indian or Alaska Native', count: 0, total: 115 } },
        { messageId: 'unobserved', range: [0, 3, 0, 7], severity: 'information', data: { group: 'Native Hawaiian or Other Pacific Islander', count: 0, total: 115 } },
      ],
    },
  ],
});
