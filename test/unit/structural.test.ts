// Structural missingness (a column empty where it does not apply), one finding per
// missingness pattern, on fixtures built here; the same findings from a streamed file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { hoverAt, lintDatasetFile } from '../../server/src/engine';
import { byCode, fullText, lint, noPolicy, policyFrom } from './helpers';
import { recidivism } from './rules/documents';

/** Deterministic pseudo-random numbers in [0, 1) (a fixed LCG), so fixtures never change. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
}

const RACES = ['White', 'Black or African American', 'Asian'];

/** 300 rows: relapsed 0/1 (relapse far more frequent among Asian rows), relapse_date empty exactly when relapsed = 0. */
function relapseCsv(): string {
  const rnd = lcg(7);
  const lines = ['id,race,sex,age,diagnosis,relapsed,relapse_date,bmi'];
  for (let i = 0; i < 300; i++) {
    const race = RACES[i % 3];
    const relapsed = rnd() < (race === 'Asian' ? 0.7 : 0.2) ? 1 : 0;
    const date = relapsed ? `2021-0${1 + (i % 9)}-1${i % 10}` : '';
    lines.push(`${i + 1},${race},${i % 2 ? 'F' : 'M'},${40 + (i % 30)},C50.9,${relapsed},${date},${(20 + rnd() * 10).toFixed(1)}`);
  }
  return lines.join('\n') + '\n';
}

describe('phenotype-not-applicable: empty when another column takes a value', () => {
  const text = relapseCsv();
  const a = lint(text);
  const header = text.slice(0, text.indexOf('\n'));

  test('relapse_date is not applicable when relapsed = 0, reported once with the counts', () => {
    const found = byCode(a.findings, 'phenotype-not-applicable');
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'information');
    assert.equal(f.data.column, 'relapse_date');
    assert.equal(f.data.condition, 'relapsed');
    assert.deepEqual(f.data.values, ['0']);
    const zeros = text.split('\n').slice(1).filter((l) => l.split(',')[5] === '0').length;
    assert.equal(f.data.rowsWhen, zeros);
    assert.equal(f.data.emptyWhen, zeros);
    assert.equal(f.data.empty, zeros);
    assert.match(f.detail ?? '', new RegExp(`^Column "relapse_date" is not applicable when "relapsed" is "0": empty in ${zeros} of the ${zeros} rows where it is \\(100%\\)`));
  });

  test('it is left out of phenotype-values-missing and of the disparity test, though relapse differs by group', () => {
    assert.ok(!byCode(a.findings, 'phenotype-values-missing').some((f) => f.data.column === 'relapse_date'));
    assert.ok(!byCode(a.findings, 'phenotype-missingness-disparity').some((f) => f.data.column === 'relapse_date'));
    // Without the check it would be both: listed in phenotype.columns, it is a missingness column again.
    const listed = lint(text, { policy: policyFrom('phenotype:\n  columns: [relapse_date, bmi]\n') });
    assert.ok(byCode(listed.findings, 'phenotype-values-missing').some((f) => f.data.column === 'relapse_date'));
    assert.ok(byCode(listed.findings, 'phenotype-missingness-disparity').some((f) => f.data.column === 'relapse_date'));
    assert.equal(byCode(listed.findings, 'phenotype-not-applicable').length, 0);
  });

  test('the hover on its header gives the condition', () => {
    const md = hoverAt(a, { line: 0, character: header.indexOf('relapse_date') + 2 })!;
    assert.match(md, /not applicable where it is empty/);
    assert.match(md, /Empty when "relapsed" is "0"/);
  });

  test('a column missing at random is not structural', () => {
    const rnd = lcg(11);
    const lines = ['id,race,smoker,hba1c'];
    for (let i = 0; i < 300; i++) lines.push(`${i},${RACES[i % 3]},${rnd() < 0.5 ? 'yes' : 'no'},${rnd() < 0.4 ? '' : '6.1'}`);
    const b = lint(lines.join('\n') + '\n');
    assert.equal(byCode(b.findings, 'phenotype-not-applicable').length, 0);
    assert.ok(byCode(b.findings, 'phenotype-values-missing').some((f) => f.data.column === 'hba1c'));
  });
});

describe('phenotype-not-applicable: several columns under one condition, and complementary dates', () => {
  const rnd = lcg(3);
  const lines = ['encounter_id,race,admission_type,ed_arrival_time,ed_triage_time,ed_departure_time,date_of_death,last_contact_date'];
  for (let i = 0; i < 240; i++) {
    const elective = rnd() < 0.4;
    const ed = elective ? ',,' : '08:10,08:25,11:40';
    const died = rnd() < 0.3;
    lines.push(`${i},${RACES[i % 3]},${elective ? 'elective' : i % 2 ? 'emergency' : 'urgent'},${ed},${died ? '2022-03-04' : ''},${died ? '' : '2023-01-02'}`);
  }
  const text = lines.join('\n') + '\n';
  const a = lint(text);
  const found = byCode(a.findings, 'phenotype-not-applicable');

  test('three ED columns empty for elective admissions: one finding naming all three', () => {
    const ed = found.filter((f) => f.data.kind === 'condition');
    assert.equal(ed.length, 1);
    assert.deepEqual(ed[0].data.columns, ['ed_arrival_time', 'ed_triage_time', 'ed_departure_time']);
    assert.match(ed[0].detail ?? '', /^Columns "ed_arrival_time", "ed_triage_time", "ed_departure_time" \(empty on the same rows\) are not applicable when "admission_type" is "elective"/);
  });

  test('date_of_death and last_contact_date, exactly one filled: one finding for the pair', () => {
    const dates = found.filter((f) => f.data.kind === 'complementary');
    assert.equal(dates.length, 1);
    // date_of_death is already no missingness column (an empty death date is a living patient),
    // so the finding sits on last_contact_date and names its partner.
    assert.equal(dates[0].data.column, 'last_contact_date');
    assert.equal(dates[0].data.other, 'date_of_death');
    assert.equal(dates[0].data.exactlyOne, 240);
    assert.equal(dates[0].data.bothEmpty, 0);
    assert.match(fullText(dates[0]), /exactly one of them is filled in 240 of 240 rows \(100%; both empty 0, both filled 0\)/);
    assert.equal(byCode(a.findings, 'phenotype-values-missing').length, 0);
  });

  test('the same findings from the file streamed from disk', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cohort-lint-structural-'));
    try {
      const file = path.join(dir, 'admissions.csv');
      writeFileSync(file, text);
      const streamed = await lintDatasetFile(file, undefined, noPolicy());
      const pick = (fs: typeof a.findings) => fs.filter((f) => f.code.startsWith('phenotype-')).map((f) => [f.code, fullText(f)]);
      assert.deepEqual(pick(streamed.findings), pick(a.findings));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('one missingness pattern, one finding', () => {
  // lab_a, lab_b, lab_c missing together on about half the rows, more often for Asian rows; bmi missing on its own.
  const rnd = lcg(5);
  const lines = ['id,race,lab_a,lab_b,lab_c,bmi'];
  for (let i = 0; i < 600; i++) {
    const race = RACES[i % 3];
    const noLabs = rnd() < (race === 'Asian' ? 0.8 : 0.3);
    lines.push(`${i},${race},${noLabs ? ',,' : '1.2,3.4,5.6'},${rnd() < 0.3 ? '' : '25.0'}`);
  }
  const text = lines.join('\n') + '\n';
  const a = lint(text);

  test('phenotype-values-missing: one finding lists the three lab columns; bmi has its own', () => {
    const found = byCode(a.findings, 'phenotype-values-missing');
    assert.deepEqual(found.map((f) => f.data.column), ['lab_a', 'bmi']);
    assert.deepEqual(found[0].data.columns, ['lab_a', 'lab_b', 'lab_c']);
    assert.match(fullText(found[0]), /in each of 3 columns missing on the same rows \("lab_a", "lab_b", "lab_c"\)/);
  });

  test('phenotype-missingness-disparity: tested once for the pattern, so the Bonferroni divisor counts it once', () => {
    const found = byCode(a.findings, 'phenotype-missingness-disparity');
    assert.deepEqual(found.map((f) => f.data.column), ['lab_a']);
    assert.deepEqual(found[0].data.columns, ['lab_a', 'lab_b', 'lab_c']);
    assert.equal(found[0].data.columnsTested, 2);
    assert.match(found[0].message, /^"lab_a" \(and 2 more\) missing more often/);
    assert.match(found[0].detail ?? '', /^Missing share of "lab_a" \(and "lab_b", "lab_c", missing on the same rows\) differs/);
  });

  test('the hover on any of them lists all three', () => {
    const header = text.slice(0, text.indexOf('\n'));
    const md = hoverAt(a, { line: 0, character: header.indexOf('lab_c') + 1 })!;
    assert.match(md, /Missing on exactly the same rows: "lab_a", "lab_b", "lab_c"/);
    assert.match(md, /By \*\*race\*\*/);
  });
});

describe('codebook variables recorded for a subgroup only', () => {
  // An NHANES DEMO extract: RIDAGEMN (age in months, recorded only for ages 0-24 months,
  // DEMO_J codebook) is filled for the 12 rows aged 0 or 1, empty for the other 108; the
  // race codes differ in how many infants they hold, which would read as a disparity.
  const rows = ['SEQN,RIAGENDR,RIDAGEYR,RIDAGEMN,RIDRETH3'];
  for (let i = 0; i < 120; i++) {
    const age = i < 12 ? i % 2 : 20 + (i % 60);
    rows.push(`${93703 + i},${1 + (i % 2)}.0,${age}.0,${age < 2 ? `${age * 12 + 3}.0` : ''},${i < 12 ? '1.0' : ['3.0', '4.0', '6.0'][i % 3]}`);
  }
  const text = rows.join('\n') + '\n';

  test('not mostly missing, no missingness disparity; one information finding and a hover that cites the codebook', () => {
    const a = lint(text);
    assert.deepEqual(byCode(a.findings, 'phenotype-values-missing').filter((f) => f.data.column === 'RIDAGEMN'), []);
    assert.deepEqual(byCode(a.findings, 'phenotype-missingness-disparity').filter((f) => f.data.column === 'RIDAGEMN'), []);
    const [finding] = byCode(a.findings, 'phenotype-not-applicable');
    assert.equal(finding.data.kind, 'codebook');
    assert.equal(finding.data.empty, 108);
    assert.match(finding.detail ?? '', /DEMO_J/);
    const md = hoverAt(a, { line: 0, character: rows[0].indexOf('RIDAGEMN') + 2 })!;
    assert.match(md, /records RIDAGEMN \(age in months at screening\) only for ages 24 months or younger/);
  });

  test('listed in phenotype.columns, it is a missingness column again', () => {
    const a = lint(text, { policy: policyFrom('phenotype:\n  columns: [RIDAGEMN]\n') });
    assert.equal(byCode(a.findings, 'phenotype-values-missing').filter((f) => f.data.column === 'RIDAGEMN').length, 1);
  });
});

describe('phenotype-not-applicable, partly: empty on every row without the event and on some with it', () => {
  const text = recidivism();
  const a = lint(text);
  const header = text.slice(0, text.indexOf('\n'));

  test('the verdict gives both shares, the detail the counts and why no disparity test runs', () => {
    const f = byCode(a.findings, 'phenotype-not-applicable').find((x) => x.data.column === 'r_jail_in')!;
    assert.equal(f.message, '"r_jail_in" not applicable when "is_recid" is "0" (empty in 100% of those rows, 33.3% elsewhere)');
    assert.match(f.detail ?? '', /The other 20 empty cells are among the 60 rows where it applies \(33\.3%\)/);
    assert.match(f.detail ?? '', /not tested for a missingness disparity/);
  });

  test('the hover on its header gives the share where it applies', () => {
    const md = hoverAt(a, { line: 0, character: header.indexOf('r_jail_in') + 2 })!;
    assert.match(md, /Where it applies, 20 of 60 rows are empty \(33\.3%; phenotype\.maxMissing 20%\)/);
    assert.match(md, /counted among the rows where it applies/);
  });
});
