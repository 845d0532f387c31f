// The new verdicts on ../shared/realdata, against numbers computed independently in
// python 3 with scipy 1.17 (each expected value says how), to 4 significant figures or
// better. Skips visibly when the files are absent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintDataset, type DatasetAnalysis } from '../../server/src/engine';
import { byCode, noPolicy, realdataDir } from './helpers';

type Ctx = { skip(message?: string): void };
const cache = new Map<string, DatasetAnalysis>();
function load(t: Ctx, name: string): DatasetAnalysis | undefined {
  const file = path.join(realdataDir, name);
  if (!existsSync(file)) { t.skip(`realdata file absent: ${file}`); return undefined; }
  if (!cache.has(name)) cache.set(name, lintDataset(file, readFileSync(file, 'utf8'), undefined, noPolicy()));
  return cache.get(name);
}

function sig4(actual: unknown, expected: number, what: string): void {
  assert.equal(typeof actual, 'number', what);
  assert.ok(Math.abs((actual as number) - expected) <= 5e-5 * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

const byGroup = (a: DatasetAnalysis, code: string) => Object.fromEntries(byCode(a.findings, code).map((f) => [f.data.group as string, f.data]));

describe('Synthea (synthea_patients.csv, 115 patients, race alone)', () => {
  test('(1 − π)^N: python (1 - pi) ** 115', (t) => {
    const a = load(t, 'synthea_patients.csv'); if (!a) return;
    const absent = byGroup(a, 'ancestry-group-absent');
    const unobserved = byGroup(a, 'ancestry-group-unobserved');
    // Some Other Race (π = 0.084, (1 − π)^115 = 4.15e-5) is a residual category: never called absent.
    assert.equal(absent['Some Other Race'], undefined);
    sig4(absent['Two or more races'].chanceOfNone, 4.234271649700975e-06, 'Two or more races, π = 0.102');
    sig4(unobserved['American Indian or Alaska Native'].chanceOfNone, 0.28026801244138355, 'AIAN, π = 0.011');
    sig4(unobserved['Native Hawaiian or Other Pacific Islander'].chanceOfNone, 0.7943506368216744, 'NHPI, π = 0.002');
    assert.deepEqual(Object.keys(unobserved).sort(), ['American Indian or Alaska Native', 'Native Hawaiian or Other Pacific Islander']);
    assert.equal(a.ancestry.find((x) => x.column === 'RACE')!.reference!.design, 'race-alone');
    assert.equal(a.ancestry.find((x) => x.column === 'ETHNICITY')!.reference!.design, 'ethnicity-alone');
    assert.equal(a.profile.participants, undefined, 'Id is unique: rows are patients');
  });

  test('synthea_uk_patients.csv (543, all white, STATE "UnitedKingdom"): against ONS 2021, python (1 - s / 100.0) ** 543', (t) => {
    const a = load(t, 'synthea_uk_patients.csv'); if (!a) return;
    const absent = byGroup(a, 'ancestry-group-absent');
    sig4(absent['Black or Black British'].chanceOfNone, 2.361998081269598e-10, 'Black or Black British, s = 4.0');
    sig4(absent.Mixed.chanceOfNone, 1.1482642402525389e-07, 'Mixed, s = 2.9');
    sig4(absent['Other ethnic group'].chanceOfNone, 9.885568483997616e-06, 'Other ethnic group, s = 2.1');
    sig4(absent['Asian or Asian British'].expected, 50.499, 'Asian or Asian British: 543 * 9.3 / 100');
    assert.deepEqual(Object.keys(absent).sort(), ['Asian or Asian British', 'Black or Black British', 'Mixed', 'Other ethnic group']);
    assert.equal(a.ancestry.find((x) => x.column === 'RACE')!.reference!.id, 'ons-2021');
    assert.equal(byCode(a.findings, 'ancestry-group-unobserved').length, 0, 'NHPI has no UK counterpart');
  });
});

describe('UCI diabetes (diabetic_data.csv), per patient, table P2', () => {
  // P2 counts c (domain.md G), t = sum(c); N = 69,668 patients with a race (csv module, first row with a race).
  // race is coded Caucasian, AfricanAmerican, Hispanic, Asian, Other: AIAN and NHPI patients
  // can only be among the 1,178 "Other" patients, so neither is called absent.
  test('Two or more races has no label: at most 1,178 of 69,668 ("Other"); scipy binomtest(1178, 69668).proportion_ci(method="wilson").high', (t) => {
    const a = load(t, 'diabetic_data.csv'); if (!a) return;
    const absent = byGroup(a, 'ancestry-group-absent');
    assert.deepEqual(Object.keys(absent), ['Two or more races']);
    assert.equal(absent['Two or more races'].kind, 'no-label');
    assert.equal(absent['Two or more races'].atMost, 1178);
    sig4(absent['Two or more races'].ciHigh, 0.017893127209560197, 'Wilson high of "Other"');
    // 0.8 × the P2 share of Two or more races, 13,548,983 / 331,449,281 = 0.0327: still above the bound.
    assert.ok((absent['Two or more races'].ciHigh as number) < 0.8 * 13548983 / 331449281);
    assert.equal(byCode(a.findings, 'ancestry-group-unobserved').length, 0);
  });

  test('Wilson intervals per patient: scipy binomtest(k, 69668).proportion_ci(method="wilson")', (t) => {
    const a = load(t, 'diabetic_data.csv'); if (!a) return;
    const under = byGroup(a, 'ancestry-underrepresented');
    sig4(under.Asian.ciLow, 0.006535496346743313, 'Asian low');
    sig4(under.Asian.ciHigh, 0.0077865229644652895, 'Asian high');
    sig4(under['Hispanic or Latino'].ciLow, 0.020759047192944646, 'Hispanic low');
    sig4(under['Hispanic or Latino'].ciHigh, 0.022929211866775292, 'Hispanic high');
    assert.deepEqual(Object.keys(under).sort(), ['Asian', 'Hispanic or Latino']);
  });
});

describe('1000 Genomes panel: nothing of the new verdicts applies', () => {
  test('unique sample ids (rows are people), no structural missingness, no unobserved group', (t) => {
    const a = load(t, 'integrated_call_samples_v3.20130502.ALL.panel'); if (!a) return;
    assert.equal(a.profile.participants, undefined);
    for (const code of ['phenotype-not-applicable', 'ancestry-group-unobserved', 'ancestry-participant-inconsistent']) assert.equal(byCode(a.findings, code).length, 0, code);
  });
});
