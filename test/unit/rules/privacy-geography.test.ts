import { lines, people, ruleTester } from './harness';

ruleTester('privacy-geography', {
  valid: [
    { name: 'an unrestricted ZIP-3 may stay', text: people('zip3', ['024', '100', '606']) },
  ],
  invalid: [
    {
      name: 'ZIP-5 codes, one in a restricted area (036): generalised to ZIP-3 and 000, or moved out',
      text: people('zip', ['02451', '03601', '10001']),
      policy: lines('privacy:', '  pseudonym: participant_id'),
      findings: [{
        messageId: 'zip5',
        range: [0, 19, 0, 22],
        data: { category: 'zip', item: 'B', kind: 'zip5', zips: 3, restricted: 1, nonEmpty: 3 },
        fixes: [
          { title: 'Generalise 3 cells in "zip" to ZIP-3 (000 for restricted areas)', output: people('zip', ['024', '000', '100']) },
          {
            title: 'Move 1 identifier column (zip) to data.identifiers.csv, keyed by the pseudonym participant_id',
            output: lines('participant_id,sex', 'P0,M', 'P1,F', 'P2,M'),
            files: { 'data.identifiers.csv': lines('participant_id,zip', 'P0,02451', 'P1,03601', 'P2,10001') },
          },
        ],
      }],
    },
    {
      name: 'a restricted ZIP-3 area that must be 000',
      text: people('zip3', ['024', '890', '100']),
      findings: [{ messageId: 'zip3-restricted', range: [0, 19, 0, 23], data: { kind: 'zip3-restricted', restricted: 1 } }],
    },
  ],
});
