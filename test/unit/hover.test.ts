// The hover on an ancestry header: every group's numbers and the chi-square test.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine';
import { groupsCsv, lint, policyFrom } from './helpers';

describe('hoverAt', () => {
  // header "id,super_pop,age": super_pop spans characters 3-12 of line 0
  const text = groupsCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, AMR: 60 }).replace('id,super_pop', 'id,super_pop,age');
  const a = lint(text);

  test('on the ancestry header: a markdown table with every group and the chi-square test', () => {
    const md = hoverAt(a, { line: 0, character: 6 });
    assert.ok(md, 'hover expected');
    assert.match(md, /ancestry column "super_pop"/);
    assert.match(md, /\| group \| n \| share \| reference \| ratio \| 95% Wilson interval \|/);
    assert.match(md, /280 rows with a value, 0 missing/);
    assert.match(md, /Reference: global/);
    for (const [group, n] of [['EUR', 100], ['AFR', 60], ['EAS', 60], ['AMR', 60], ['SAS', 0]] as const) {
      assert.match(md, new RegExp(`^\\| ${group} \\| ${n} \\| `, 'm'), `row for ${group}`);
    }
    assert.match(md, /χ² = [\d.]+, df = 4, p /);
    // EAS 60/280 vs 31.3% is flagged in the table.
    assert.match(md, /^\| EAS \| 60 \| 21\.4% \| 31\.3% \| 0\.685 ⚠ \|/m);
  });

  test('at both ends of the header cell', () => {
    assert.ok(hoverAt(a, { line: 0, character: 3 }));
    assert.ok(hoverAt(a, { line: 0, character: 12 }));
  });

  test('undefined elsewhere: other header cells and data rows', () => {
    assert.equal(hoverAt(a, { line: 0, character: 1 }), undefined);
    // The age header may have a phenotype hover (its cells are empty), never the ancestry table.
    assert.doesNotMatch(hoverAt(a, { line: 0, character: 14 }) ?? '', /ancestry column/);
    assert.equal(hoverAt(a, { line: 3, character: 5 }), undefined);
  });

  test('missing markers are listed', () => {
    const b = lint(groupsCsv('race', { White: 60, '?': 3, Declined: 2 }));
    assert.match(hoverAt(b, { line: 0, character: 4 })!, /60 rows with a value, 5 missing \(\?: 3, Declined: 2\)/);
  });

  test('a combined race and ethnicity column names table P2 and needs no rescaling', () => {
    const b = lint(groupsCsv('race', { White: 100, 'Hispanic or Latino': 20, Asian: 10 }));
    const md = hoverAt(b, { line: 0, character: 4 })!;
    assert.match(md, /Reference: us-census-2020 \(US Census 2020, combined race and ethnicity column .*table P2/);
    assert.doesNotMatch(md, /rescaled/);
  });

  test('overlapping custom shares are said to be rescaled', () => {
    const b = lint(groupsCsv('race', { White: 100, 'Hispanic or Latino': 20, Asian: 10 }), { policy: policyFrom('ancestry:\n  reference:\n    White: 0.6\n    Asian: 0.3\n    Hispanic or Latino: 0.3\n') });
    assert.match(hoverAt(b, { line: 0, character: 4 })!, /rescaled/);
  });

  test('an absent group prints a plain 0% lower bound', () => {
    const md = hoverAt(a, { line: 0, character: 6 })!;
    assert.match(md, /^\| SAS \| 0 \| 0% \| 28\.6% \| 0 ⚠ \| 0%–/m);
  });
});
