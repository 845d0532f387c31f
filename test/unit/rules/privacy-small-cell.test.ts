// The fixture's cross-tabulations were counted independently in Python (see privacyFixtures.ts).
import { SMALL_EXPECTED, kFixture } from '../privacyFixtures';
import { lines, ruleTester } from './harness';

ruleTester('privacy-small-cell', {
  valid: [
    { name: 'k = 2: no cell of a single person', text: kFixture(), policy: lines('privacy:', '  k: 2') },
    { name: 'a table not about people has no people to count', text: lines('code,label,race', 'H1,x,White', 'H2,y,Asian') },
  ],
  invalid: [
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
