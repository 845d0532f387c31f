// The fixture's classes were counted independently in Python (see privacyFixtures.ts).
import { K_EXPECTED, kFixture } from '../privacyFixtures';
import { lines, ruleTester } from './harness';

ruleTester('privacy-quasi-identifier', {
  valid: [
    { name: 'only sex as a quasi-identifier: classes of 36 and 39', text: kFixture(), policy: lines('privacy:', '  quasiIdentifiers: [sex]') },
  ],
  invalid: [
    {
      name: 'classes below k = 11 over ZIP-3, birth year, sex and race',
      text: kFixture(),
      findings: [{
        messageId: 'unique',
        range: [0, 15, 0, 18],
        data: { quasiIdentifiers: ['zip', 'birth_date', 'sex', 'race'], k: 11, rows: K_EXPECTED.rows, classes: K_EXPECTED.classes, kMin: K_EXPECTED.kMin, rowsBelowK: K_EXPECTED.rowsBelowK, classesBelowK: K_EXPECTED.classesBelowK, mostContributing: K_EXPECTED.mostContributing, without: K_EXPECTED.without },
      }],
    },
  ],
});
