// Labels of the fairness benchmark files people lint first. UCI Adult (1994 Current
// Population Survey, adult.names) writes race as White, Black, Asian-Pac-Islander,
// Amer-Indian-Eskimo, Other, after ", " delimiters: the 1977 OMB categories in the CPS's
// spelling, read as such (Asian or Pacific Islander = Asian + Native Hawaiian or Other
// Pacific Islander), not as unmapped labels.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byCode, lint } from './helpers';

const COUNTS: Record<string, number> = { White: 600, Black: 120, 'Asian-Pac-Islander': 40, 'Amer-Indian-Eskimo': 12, Other: 8 };

function adult(): string {
  const rows = ['age, workclass, race, sex, income'];
  let i = 0;
  for (const [race, n] of Object.entries(COUNTS)) for (let k = 0; k < n; k++, i++) rows.push(`${20 + (i % 60)}, Private, ${race}, ${i % 2 ? 'Male' : 'Female'}, ${i % 4 ? '<=50K' : '>50K'}`);
  return rows.join('\n') + '\n';
}

describe('UCI Adult race labels', () => {
  test('Asian-Pac-Islander and Amer-Indian-Eskimo are the 1977 OMB categories, not unmapped labels', () => {
    const a = lint(adult());
    assert.equal(byCode(a.findings, 'ancestry-labels-unmapped').length, 0);
    assert.equal(byCode(a.findings, 'ancestry-representation-unchecked').length, 0);
    const groups = Object.fromEntries(a.ancestry[0].groups.filter((g) => g.count > 0).map((g) => [g.group, g.count]));
    assert.deepEqual(groups, {
      White: 600, 'Black or African American': 120, 'Asian or Pacific Islander': 40, 'American Indian or Alaska Native': 12, 'Some Other Race': 8,
    });
  });
});
