// The fixture's classes were counted independently in Python (see privacyFixtures.ts).
import { K_EXPECTED, kFixture } from '../privacyFixtures';
import { lines, people, ruleTester } from './harness';

/** 48 people, birth dates as a spreadsheet re-saves MIMIC-III's DOB (3/5/94 0:00): two birth years, each sex 12 times per year. */
const twoDigitYears = people('dob', Array.from({ length: 48 }, (_, i) => `${1 + (i % 12)}/${1 + (i % 28)}/${i < 24 ? '94' : '87'} 0:00`));

ruleTester('privacy-quasi-identifier', {
  valid: [
    { name: 'only sex as a quasi-identifier: classes of 36 and 39', text: kFixture(), policy: lines('privacy:', '  quasiIdentifiers: [sex]') },
    { name: 'birth dates with two-digit years are generalised to the year: sex × year classes of 12', text: twoDigitYears },
  ],
  invalid: [
    {
      // Cleveland heart data: 303 rows, age and sex only; Safe Harbor keeps both.
      name: 'age and sex only, no geography or date: information',
      text: people('age', Array.from({ length: 30 }, (_, i) => String(30 + i))),
      findings: [{ messageId: 'unique', range: [0, 15, 0, 18], severity: 'information', data: { quasiIdentifiers: ['sex', 'age'], rowsBelowK: 30 } }],
    },
    {
      name: 'classes below k = 11 over ZIP-3, birth year, sex and race',
      text: kFixture(),
      findings: [{
        messageId: 'unique',
        range: [0, 15, 0, 18],
        severity: 'warning',
        data: { quasiIdentifiers: ['zip', 'birth_date', 'sex', 'race'], k: 11, rows: K_EXPECTED.rows, classes: K_EXPECTED.classes, kMin: K_EXPECTED.kMin, rowsBelowK: K_EXPECTED.rowsBelowK, classesBelowK: K_EXPECTED.classesBelowK, mostContributing: K_EXPECTED.mostContributing, without: K_EXPECTED.without },
      }],
    },
  ],
});
