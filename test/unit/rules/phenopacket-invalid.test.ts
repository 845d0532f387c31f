import { phenopacketText } from './documents';
import { ruleTester } from './harness';

ruleTester('phenopacket-invalid', {
  valid: [
    { name: 'a phenopacket that parses', path: 'patient.json', text: phenopacketText() },
  ],
  invalid: [
    {
      name: 'a syntax error: one finding at the first error, counting the others',
      path: 'patient.json',
      text: phenopacketText().replace('"createdBy": "test",', '"createdBy": "test",,'),
      findings: [{ messageId: 'parse', range: [39, 24, 39, 25], severity: 'error', data: { kind: 'parse', errors: 2 } }],
    },
  ],
});
