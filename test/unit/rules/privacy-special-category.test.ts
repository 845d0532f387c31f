import { lines, ruleTester } from './harness';

ruleTester('privacy-special-category', {
  valid: [
    { name: 'not on a vocabulary table (ancestry terms, no people)', text: lines('id,label,ethnicity', 'H1,x,White') },
  ],
  invalid: [
    {
      name: 'genetic, health and racial columns, named once per file',
      text: lines('participant_id,sex,race,diag_1,genotype', 'P1,F,White,250.8,AA'),
      findings: [{ messageId: 'special', range: [0, 31, 0, 39], severity: 'information', data: { categories: { genetic: ['genotype'], health: ['diag_1'], 'racial or ethnic origin': ['race'] } } }],
    },
  ],
});
