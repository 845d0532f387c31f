import { phenopacketText } from './documents';
import { lines, ruleTester } from './harness';

ruleTester('phenopacket-term-invalid', {
  valid: [
    { name: 'well-formed HPO and OMIM ids', path: 'patient.json', text: phenopacketText() },
  ],
  invalid: [
    {
      name: 'HP_0001596 in an excluded feature, with its suggestion',
      path: 'patient.json',
      text: phenopacketText((p) => { p.phenotypicFeatures[0].type.id = 'HP_0001596'; }),
      findings: [{ messageId: 'invalid', range: [17, 14, 17, 26], data: { id: 'HP_0001596', system: 'HPO', path: ['phenotypicFeatures', 0, 'type', 'id'], suggestion: 'HP:0001596', excluded: true } }],
    },
    {
      name: 'a YAML phenopacket: the id positioned on its value',
      path: 'patient.yaml',
      text: lines(
        'id: P1',
        'subject:',
        '  id: Patient 1',
        '  sex: FEMALE',
        '  vitalStatus: {status: ALIVE}',
        '  timeAtLastEncounter: {age: {iso8601duration: P4Y}}',
        'phenotypicFeatures:',
        '  - type: {id: "HP_0001596", label: Alopecia}',
        '    excluded: true',
        'metaData:',
        '  created: "2025-10-07T05:13:10Z"',
        '  createdBy: test',
        '  phenopacketSchemaVersion: 2.0.2',
        '  resources:',
        '    - {id: hp, namespacePrefix: HP, name: hpo, url: x, version: "1", iriPrefix: y}',
      ),
      findings: [{ messageId: 'invalid', range: [7, 15, 7, 27], data: { id: 'HP_0001596', suggestion: 'HP:0001596' } }],
    },
  ],
});
