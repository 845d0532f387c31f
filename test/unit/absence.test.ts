// "Absent" only when seeing no one is improbable: (1 − π)^N < 0.05. Expected values from
// python3: (1 - pi) ** n.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chanceOfNone } from '../../server/src/engine/ancestry/absence';
import { OMB } from '../../server/src/engine/ancestry/vocabularies';
import { hoverAt } from '../../server/src/engine';
import { byCode, fullText, groupsCsv, lint } from './helpers';

function relClose(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-10 * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

describe('chanceOfNone', () => {
  test('matches (1 - pi) ** n computed in python', () => {
    relClose(chanceOfNone(0.011, 115), 0.28026801244138355, 'AIAN, N = 115');
    relClose(chanceOfNone(0.002, 115), 0.7943506368216744, 'NHPI, N = 115');
    relClose(chanceOfNone(0.084, 115), 4.149344290830616e-05, 'Some Other Race, N = 115');
    relClose(chanceOfNone(0.002, 543), 0.33719716843523234, 'NHPI, N = 543');
    relClose(chanceOfNone(0.011, 543), 0.002463691568746196, 'AIAN, N = 543');
  });

  test('edge shares', () => {
    assert.equal(chanceOfNone(0, 1000), 1);
    assert.equal(chanceOfNone(1, 3), 0);
    assert.equal(chanceOfNone(0.5, 0), 1);
  });
});

describe('absent vs too small to tell', () => {
  // Synthea's RACE shape: 97 white, 11 black, 7 asian (race alone, N = 115).
  const a = lint(groupsCsv('race', { White: 97, 'Black or African American': 11, Asian: 7 }));

  test('Two or more races (10.2%): (1 - π)^N = 4.23e-6 < 0.05, reported absent with the chance', () => {
    const absent = byCode(a.findings, 'ancestry-group-absent').find((f) => f.data.group === OMB.multiple)!;
    assert.ok(absent, 'Two or more races is absent');
    assert.match(fullText(absent), /N · π = 11\.7 expected, and the chance of none at this size is \(1 − π\)\^N = 4\.23e-6 < 0\.05/);
    relClose(absent.data.chanceOfNone as number, 4.234271649700975e-06, 'data.chanceOfNone');
  });

  // Census 2020: the 8.4% of Some Other Race alone are mostly Hispanic respondents writing a
  // Latino origin as their race; a residual category's size is the form's, not a population's.
  test('Some Other Race (8.4%, (1 - π)^N = 4.15e-5): a residual category, never called absent; the hover says why', () => {
    assert.ok(!byCode(a.findings, 'ancestry-group-absent').some((f) => f.data.group === OMB.other));
    assert.ok(!byCode(a.findings, 'ancestry-group-unobserved').some((f) => f.data.group === OMB.other));
    const md = hoverAt(a, { line: 0, character: 4 })!;
    assert.match(md, /Some Other Race is a residual category: its census share \(8\.4% alone, 0\.51% not Hispanic\) depends on how the form asks Hispanic origin/);
  });

  test('Some Other Race far below 8.4% (UCI Adult: 0.832%): not called under-represented', () => {
    const adult = lint(groupsCsv('race', { White: 27816, Black: 3124, 'Asian-Pac-Islander': 1039, 'Amer-Indian-Eskimo': 311, Other: 271 }));
    const under = byCode(adult.findings, 'ancestry-underrepresented').map((f) => f.data.group);
    assert.ok(!under.includes(OMB.other), under.join(', '));
    assert.ok(under.includes(OMB.black), 'the other groups are still compared');
  });

  test('AIAN (1.1%) and NHPI (0.2%): not absent, an information that the sample is too small', () => {
    const absentGroups = byCode(a.findings, 'ancestry-group-absent').map((f) => f.data.group);
    assert.ok(!absentGroups.includes(OMB.aian) && !absentGroups.includes(OMB.nhpi), absentGroups.join(', '));
    const unobserved = byCode(a.findings, 'ancestry-group-unobserved');
    assert.deepEqual(unobserved.map((f) => f.data.group).sort(), [OMB.aian, OMB.nhpi].sort());
    assert.ok(unobserved.every((f) => f.severity === 'information'));
    const aian = unobserved.find((f) => f.data.group === OMB.aian)!;
    assert.match(fullText(aian), /too small to tell/);
    assert.match(fullText(aian), /0 of 115 rows with a value/);
    assert.match(fullText(aian), /N · π = 1\.26 expected and the chance of none at this size is \(1 − π\)\^N = 0\.28 ≥ 0\.05/);
  });

  test('the same groups at N = 543: AIAN becomes absent (0.00246), NHPI stays unobserved (0.337)', () => {
    const b = lint(groupsCsv('race', { White: 543 }));
    assert.ok(byCode(b.findings, 'ancestry-group-absent').some((f) => f.data.group === OMB.aian));
    assert.deepEqual(byCode(b.findings, 'ancestry-group-unobserved').map((f) => f.data.group), [OMB.nhpi]);
  });
});
