// bmi missing in 60 of 200 Black or African American rows and 20 of 200 White rows:
// scipy.stats.chi2_contingency([[60, 140], [20, 180]], correction=False) gives χ² = 25,
// p = 5.73e-7; the ratio of shares is 0.3 / 0.1 = 3, the difference 20 percentage points.
// With 2,000 rows a group (`rows`), 60 and 20 missing: chi2_contingency([[60, 1940], [20, 1980]],
// correction=False) gives χ² = 20.4, p = 6.26e-6, ratio 3, but a difference of 3% − 1% = 2
// points, under the default minimum of 5 (phenotype.maxDisparityDifference).
import { recidivism } from './documents';
import { lines, ruleTester } from './harness';

function cohort(missingBlack: number, missingWhite: number, perGroup = 200): string {
  const rows = ['id,race,sex,age,diagnosis,bmi'];
  let id = 1;
  for (const [group, missing] of [['Black or African American', missingBlack], ['White', missingWhite]] as const) {
    for (let j = 0; j < perGroup; j++) rows.push(`${id++},${group},F,50,x,${j < missing ? '' : '24.1'}`);
  }
  return lines(...rows);
}

/**
 * An OMOP CDM PERSON table whose optional gender_source_value (isRequired "No" in
 * OMOP_CDMv5.4_Field_Level.csv) is empty in 60 of 200 Black and 20 of 200 White rows.
 */
function omopPerson(): string {
  const rows = ['person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id,gender_source_value'];
  let id = 1;
  for (const [concept, missing] of [['8516', 60], ['8527', 20]] as const) {
    for (let j = 0; j < 200; j++) rows.push(`${id++},8532,${1950 + (j % 40)},${concept},38003564,${j < missing ? '' : 'F'}`);
  }
  return lines(...rows);
}

ruleTester('phenotype-missingness-disparity', {
  valid: [
    { name: 'equal missing shares', text: cohort(20, 20) },
    { name: 'a ratio of 3 below a maxDisparityRatio of 3.5', text: cohort(60, 20), policy: lines('phenotype:', '  maxDisparityRatio: 3.5') },
    { name: 'no ancestry column: nothing to compare', text: lines('id,bmi', '1,', '2,3') },
    {
      // r_charge_desc is empty for 80% of White rows and 23% of Black rows, because re-offending
      // (is_recid = 1) is 20% vs 80%: a difference in the event, not in missing data.
      name: 'a column partly not applicable: its empty share follows the event rate, not tested',
      text: recidivism(),
    },
    { name: 'significant (p = 6.3e-6) and a ratio of 3, but 3% vs 1%: 2 points, under the 5-point minimum', text: cohort(60, 20, 2000) },
    { name: 'an optional field of an OMOP CDM PERSON table is not tested', text: omopPerson(), path: 'person.csv' },
  ],
  invalid: [
    {
      name: 'the same table under a name that is no OMOP table: tested',
      text: omopPerson(),
      path: 'people.csv',
      findings: [{ messageId: 'disparity', range: [0, 79, 0, 98], data: { column: 'gender_source_value', ancestryColumn: 'race_concept_id' } }],
    },
    {
      name: 'bmi missing three times as often in one group',
      text: cohort(60, 20),
      findings: [{
        messageId: 'disparity',
        range: [0, 26, 0, 29],
        data: {
          column: 'bmi', ancestryColumn: 'race', worst: { group: 'Black or African American', rows: 200, missing: 60, share: 0.3 }, best: { group: 'White', rows: 200, missing: 20, share: 0.1 },
          ratioInfinite: false, maxRatio: 1.25, statistic: 25, df: 1, test: 'chi-square', columnsTested: 1, threshold: 0.05,
          maxDifference: 0.05, rawCodes: false, unmappedLabels: false,
        },
      }],
    },
    {
      name: 'a 2-point difference is reported under a 1-point minimum from the policy',
      text: cohort(60, 20, 2000),
      policy: lines('phenotype:', '  maxDisparityDifference: 0.01'),
      findings: [{
        messageId: 'disparity',
        range: [0, 26, 0, 29],
        data: {
          column: 'bmi', worst: { group: 'Black or African American', rows: 2000, missing: 60, share: 0.03 }, best: { group: 'White', rows: 2000, missing: 20, share: 0.01 },
          maxDifference: 0.01, df: 1, test: 'chi-square',
        },
      }],
    },
  ],
});
