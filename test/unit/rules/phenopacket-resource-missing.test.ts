import { phenopacketText } from './documents';
import { ruleTester } from './harness';

ruleTester('phenopacket-resource-missing', {
  valid: [
    { name: 'every prefix has a resource', path: 'patient.json', text: phenopacketText() },
  ],
  invalid: [
    {
      name: 'OMIM used by a disease, with no OMIM resource',
      path: 'patient.json',
      text: phenopacketText((p) => { p.metaData.resources.pop(); }),
      findings: [{ messageId: 'missing', range: [32, 14, 32, 27], data: { prefix: 'OMIM', uses: 1, first: 'OMIM:240300', declared: ['HP'] } }],
    },
  ],
});
