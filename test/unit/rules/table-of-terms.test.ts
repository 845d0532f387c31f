import { lines, ruleTester } from './harness';

/** GA4GH DUO's duo.csv, cut down: id, shorthand, label, description. */
const DUO = lines(
  'id,shorthand,label,description',
  'DUO:0000021,IRB,ethics approval required,Requestor must provide documentation of local IRB/ERB approval.',
  'DUO:0000006,HMB,health or medical or biomedical research,Use is allowed for health/medical/biomedical purposes.',
  'DUO:0000007,DS,disease specific research,Use is allowed provided it is related to the specified disease.',
  'DUO:0000042,GRU,general research use,Use is allowed for general research use for any research purpose.',
  'DUO:0000004,NRES,no restriction,No restriction on use.',
  'DUO:0000011,POA,population origins or ancestry research only,Use is limited to the study of population origins or ancestry.',
);

ruleTester('table-of-terms', {
  valid: [
    // Rows of people carrying term ids (a diagnosis per participant) are people.
    {
      name: 'a participant table with a column of MONDO ids and a label column',
      text: lines('participant_id,diagnosis,label', ...Array.from({ length: 8 }, (_, i) => `P${i},MONDO:000514${i},type 2 diabetes`)),
    },
    { name: 'a label column but ids that are not term ids', text: lines('code,label', ...Array.from({ length: 8 }, (_, i) => `A${i},thing ${i}`)) },
  ],
  invalid: [
    {
      name: 'DUO terms: one information finding, and none of the rules about people',
      text: DUO,
      findings: [{ messageId: 'terms', range: [0, 0, 0, 2], severity: 'information', data: { idColumn: 'id', labelColumn: 'label', values: 6, termIds: 6, example: 'DUO:0000021' } }],
    },
  ],
});
