import { lines, ruleTester } from './harness';

ruleTester('phenotype-term-invalid', {
  valid: [
    { name: 'well-formed ids; labels and free-text columns are not term columns', text: lines('id,hpo_terms,phenotype,notes', '1,HP:0001250,MONDO:0005148,fine', '2,HP:0004322,OMIM:240300,see HP:1 later', '3,Seizure,MONDO:0005148,x') },
  ],
  invalid: [
    {
      name: 'each malformed id at its cell, with a suggestion and the file\'s total',
      text: lines('id,hpo_terms', '1,HP:0001250', '2,HP:123', '3,"hp:0001250;HP:0004322"'),
      findings: [
        { messageId: 'invalid', range: [2, 2, 2, 8], data: { column: 'hpo_terms', line: 3, token: 'HP:123', system: 'HPO', suggestion: 'HP:0000123', total: 2, marked: 2 } },
        { messageId: 'invalid', range: [3, 2, 3, 25], data: { line: 4, token: 'hp:0001250', suggestion: 'HP:0001250' } },
      ],
    },
  ],
});
