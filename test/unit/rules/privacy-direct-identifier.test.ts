import { lines, people, ruleTester } from './harness';

const PSEUDONYM = lines('privacy:', '  pseudonym: participant_id');
const series = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => cell(i));

ruleTester('privacy-direct-identifier', {
  valid: [
    { name: 'a name column of drug names is not a name column', text: people('name', series(60, (i) => ['metformin', 'insulin', 'glipizide', 'Metformin'][i % 4])) },
    { name: 'never-issued 9xx SSNs without a telling header are not enough', text: people('code', series(40, (i) => `999-${10 + i}-${2000 + i}`)) },
    { name: 'bare digit runs (record numbers) are not identifiers by shape', text: people('patient_nbr', series(200, (i) => String(100000000 + i * 7919))) },
    { name: 'the policy pseudonym is never reported, whatever its name', text: people('mrn', series(30, (i) => `MRN${1000 + i}`)), policy: lines('privacy:', '  pseudonym: MRN') },
  ],
  invalid: [
    {
      name: 'an SSN column named and shaped so; the fix moves it to an identifiers file keyed by the pseudonym',
      text: people('ssn', ['123-45-6701', '123-45-6702', '123-45-6703']),
      policy: PSEUDONYM,
      findings: [{
        messageId: 'identifier',
        range: [0, 19, 0, 22],
        severity: 'error',
        data: { category: 'ssn', item: 'G', column: 'ssn', by: 'header', matched: 3, sampled: 3, identifiersFile: 'data.identifiers.csv' },
        fixes: [{
          title: 'Move 1 identifier column (ssn) to data.identifiers.csv, keyed by the pseudonym participant_id',
          output: lines('participant_id,sex', 'P0,M', 'P1,F', 'P2,M'),
          files: { 'data.identifiers.csv': lines('participant_id,ssn', 'P0,123-45-6701', 'P1,123-45-6702', 'P2,123-45-6703') },
        }],
      }],
    },
    {
      name: 'issued SSNs by value shape alone',
      text: people('code', series(40, (i) => `123-${10 + i}-${2000 + i}`)),
      findings: [{ messageId: 'identifier', range: [0, 19, 0, 23], data: { category: 'ssn', by: 'values' } }],
    },
  ],
});
