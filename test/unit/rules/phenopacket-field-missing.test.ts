import { phenopacketText } from './documents';
import { ruleTester } from './harness';

ruleTester('phenopacket-field-missing', {
  valid: [
    { name: 'every required field present', path: 'patient.json', text: phenopacketText() },
  ],
  invalid: [
    {
      name: 'no id (at the document start) and no metaData.createdBy (on metaData)',
      path: 'patient.json',
      text: phenopacketText((p) => { delete p.id; delete p.metaData.createdBy; }),
      findings: [
        { messageId: 'missing', range: [0, 0, 0, 1], data: { field: 'id', path: [] } },
        { messageId: 'missing', range: [36, 2, 36, 12], data: { field: 'metaData.createdBy', path: ['metaData'] } },
      ],
    },
    {
      name: 'snake_case keys (the proto field names) are read too',
      path: 'patient.json',
      text: phenopacketText((p) => {
        p.meta_data = p.metaData;
        delete p.metaData;
        delete p.meta_data.created;
      }),
      findings: [{ messageId: 'missing', range: [37, 2, 37, 13], data: { field: 'meta_data.created' } }],
    },
  ],
});
