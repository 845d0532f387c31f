import { phenopacketText } from './documents';
import { ruleTester } from './harness';

ruleTester('phenopacket-recommended-missing', {
  valid: [
    { name: 'subject with sex, age and vital status; features', path: 'patient.json', text: phenopacketText() },
  ],
  invalid: [
    {
      name: 'no features (at the document start) and no subject.sex (on subject)',
      path: 'patient.json',
      text: phenopacketText((p) => { delete p.subject.sex; delete p.phenotypicFeatures; }),
      findings: [
        { messageId: 'missing', range: [0, 0, 0, 1], severity: 'information', data: { missing: ['phenotypicFeatures'] } },
        { messageId: 'missing', range: [2, 2, 2, 11], severity: 'information', data: { missing: ['subject.sex'] } },
      ],
    },
  ],
});
