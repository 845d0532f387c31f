// The fixture's classes were counted independently in Python (see privacyFixtures.ts).
import { K_EXPECTED, kFixture } from '../privacyFixtures';
import { recodedSex } from './documents';
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
      // Every row born in 1970 and White: classes F 5 and M 5. year_of_birth and race have one
      // value each, trivially one-to-one, but neither recodes the other: no sameAttribute.
      name: 'columns with one value on every row are not one attribute',
      text: lines('person_id,gender_concept_id,year_of_birth,race', ...Array.from({ length: 10 }, (_, i) => `${i + 1},${i % 2 ? 8507 : 8532},1970,White`)),
      findings: [{
        messageId: 'unique', range: [0, 10, 0, 27],
        data: { rows: 10, classes: 2, kMin: 5, sameAttribute: undefined, without: { gender_concept_id: { kMin: 10, rowsBelowK: 10 }, year_of_birth: { kMin: 5, rowsBelowK: 10 }, race: { kMin: 5, rowsBelowK: 10 } } },
      }],
    },
    {
      // Classes gender × race: 12, 12, 3, 3 (year_of_birth is 1970 throughout). Without the
      // sex attribute (both columns): White 24, Black 6; without race: F 15, M 15.
      name: 'a column recoding another one to one is the same attribute: left out together',
      text: recodedSex(),
      findings: [{
        messageId: 'unique',
        range: [0, 10, 0, 27],
        data: {
          k: 11, rows: 30, classes: 4, kMin: 3, rowsBelowK: 6, classesBelowK: 2, mostContributing: 'race',
          without: { gender_concept_id: { kMin: 6, rowsBelowK: 6 }, year_of_birth: { kMin: 3, rowsBelowK: 6 }, race: { kMin: 15, rowsBelowK: 0 } },
          sameAttribute: { gender_concept_id: ['gender_source_value'] },
        },
      }],
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
