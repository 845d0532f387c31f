// A coding with fewer labels than the reference counts the groups it cannot name in its
// "Other" (UCI Diabetes 130-US hospitals: Caucasian, AfricanAmerican, Hispanic, Asian,
// Other). A group with no rows there is not absent; it is reported only when it would stay
// under-represented even if every "Other" row were it. Expected figures from python3:
// Wilson upper bound of 20/1000 = 0.030690; 0.8 × 13,548,983 / 331,449,281 = 0.032702
// (census 2020 table P2, Two or more races).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OMB } from '../../server/src/engine/ancestry/vocabularies';
import { hoverAt } from '../../server/src/engine';
import { buildReport } from '../../server/src/engine/report/model';
import { byCode, fullText, groupsCsv, lint } from './helpers';

const absentGroups = (findings: ReturnType<typeof lint>['findings']) => byCode(findings, 'ancestry-group-absent').map((f) => `${f.messageId}:${f.data.group}`).sort();

describe('groups a column may count in "Other"', () => {
  const coded = { Caucasian: 700, AfricanAmerican: 180, Hispanic: 60, Asian: 40 };

  test('with 20 of 1,000 rows "Other": AIAN and NHPI are not called absent; Two or more races stays under-represented however "Other" is read', () => {
    const a = lint(groupsCsv('race', { ...coded, Other: 20 }));
    assert.deepEqual(absentGroups(a.findings), [`no-label:${OMB.multiple}`]);
    const f = byCode(a.findings, 'ancestry-group-absent')[0];
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^Two or more races has no label in "race": at most 2% \(all "Other" rows\) vs 4\.09% in the reference$/);
    assert.match(fullText(f), /Even if every one of them were Two or more races, its share would be 20 of 1,000 rows with a value = 2% \(95% Wilson upper bound 3\.07%\), below 0\.8 × 4\.09% = 3\.27%/);
    assert.equal(f.data.atMost, 20);
    assert.ok(Math.abs((f.data.ciHigh as number) - 0.030690005229717782) < 1e-9);
    assert.equal(byCode(a.findings, 'ancestry-underrepresented').some((u) => u.data.group === OMB.multiple), false);
  });

  test('the hover names the groups that may be in "Other"', () => {
    const a = lint(groupsCsv('race', { ...coded, Other: 20 }));
    const md = hoverAt(a, { line: 0, character: 4 })!;
    assert.match(md, /No label for American Indian or Alaska Native, Native Hawaiian or Other Pacific Islander, Two or more races: they may be counted in Some Other Race \(20 rows\), so none is called absent\./);
  });

  test('the report shows such a group as under-represented, not absent', () => {
    const a = lint(groupsCsv('race', { ...coded, Other: 20 }));
    const group = buildReport(a).representation[0].groups.find((g) => g.group === OMB.multiple)!;
    assert.deepEqual({ under: group.under, absent: group.absent, unobserved: group.unobserved }, { under: true, absent: false, unobserved: false });
  });

  test('with 60 of 1,000 rows "Other" (6%), nothing is said of Two or more races (4.09%)', () => {
    const a = lint(groupsCsv('race', { ...coded, Other: 60 }));
    assert.deepEqual(absentGroups(a.findings), []);
  });

  test('without an "Other", the groups with no rows are absent as before', () => {
    const a = lint(groupsCsv('race', { ...coded, Asian: 60 }));
    assert.deepEqual(absentGroups(a.findings), [`absent:${OMB.aian}`, `absent:${OMB.multiple}`]);
  });
});
