// The fixture's cross-tabulations were counted independently in Python (see privacyFixtures.ts).
import { SMALL_EXPECTED, kFixture } from '../privacyFixtures';
import { recodedSex } from './documents';
import { lines, ruleTester } from './harness';

ruleTester('privacy-small-cell', {
  valid: [
    { name: 'k = 2: no cell of a single person', text: kFixture(), policy: lines('privacy:', '  k: 2') },
    { name: 'a table not about people has no people to count', text: lines('code,label,race', 'H1,x,White', 'H2,y,Asian') },
  ],
  invalid: [
    {
      // race × sex: White F 12, White M 12, Black F 3, Black M 3: two small cells, once.
      name: 'a column recoding the sex column one to one: its table is the same cells, counted once',
      text: recodedSex(),
      findings: [{
        messageId: 'smallCell',
        range: [0, 62, 0, 66],
        data: { column: 'race', smallCells: 2, tables: [{ column: 'gender_concept_id', cells: 4, smallCells: 2 }], sameAttribute: { gender_source_value: 'gender_concept_id' } },
      }],
    },
    {
      // One 8532 row says M: White F 11 / M 13 in gender_source_value, still Black F 3 / M 3.
      name: 'not one to one on every row: both tables counted',
      text: recodedSex(true),
      findings: [{
        messageId: 'smallCell',
        range: [0, 62, 0, 66],
        data: { column: 'race', smallCells: 4, tables: [{ column: 'gender_concept_id', cells: 4, smallCells: 2 }, { column: 'gender_source_value', cells: 4, smallCells: 2 }] },
      }],
    },
    {
      name: 'race × diabetes and race × sex have cells of 1 to 10 people',
      text: kFixture(),
      findings: [{
        messageId: 'smallCell',
        range: [0, 34, 0, 38],
        data: { column: 'race', k: 11, smallCells: 5, tables: [{ column: 'diabetes', ...SMALL_EXPECTED.diabetes }, { column: 'sex', ...SMALL_EXPECTED.sex }] },
      }],
    },
  ],
});
