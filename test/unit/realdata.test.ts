// The engine on real public files in ../shared/realdata (not copied into the project).
// Each test skips, saying so, when the folder or file is absent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, hoverAt, lintDataset, type DatasetAnalysis } from '../../server/src/engine';
import { applyEdits, byCode, noPolicy, realdataDir } from './helpers';

type Ctx = { skip(message?: string): void };

function loader(name: string) {
  const file = path.join(realdataDir, name);
  let cached: { text: string; analysis: DatasetAnalysis } | undefined;
  return (t: Ctx): { text: string; analysis: DatasetAnalysis } | undefined => {
    if (!existsSync(realdataDir)) { t.skip(`realdata folder absent: ${realdataDir}`); return undefined; }
    if (!existsSync(file)) { t.skip(`realdata file absent: ${file}`); return undefined; }
    if (!cached) {
      const text = readFileSync(file, 'utf8');
      cached = { text, analysis: lintDataset(file, text, undefined, noPolicy()) };
    }
    return cached;
  };
}

describe('1000 Genomes panel (integrated_call_samples_v3.20130502.ALL.panel)', () => {
  const load = loader('integrated_call_samples_v3.20130502.ALL.panel');

  test('tab-separated, super_pop detected, 2,535 rows', (t) => {
    const d = load(t); if (!d) return;
    const { analysis } = d;
    assert.equal(analysis.table.delimiter, '\t');
    assert.equal(analysis.table.rows.length, 2535);
    const superPop = analysis.ancestry.find((a) => a.column === 'super_pop');
    assert.ok(superPop, 'super_pop is an ancestry column');
    assert.equal(superPop.vocabulary?.id, 'continental');
    assert.equal(superPop.reference?.id, 'global');
    assert.deepEqual(Object.fromEntries(superPop.groups.map((g) => [g.group, g.count])), { AFR: 669, EAS: 515, EUR: 505, SAS: 494, AMR: 352 });
    // Same statistic as the scipy check in stats.test.ts.
    assert.ok(Math.abs(superPop.goodnessOfFit!.statistic - 569.1592523806222) < 1e-9);
  });

  test('EAS and SAS under-represented vs global: 515 and 494 of 2,535, clearly', (t) => {
    const d = load(t); if (!d) return;
    const under = byCode(d.analysis.findings, 'ancestry-underrepresented').filter((f) => f.data.column === 'super_pop');
    assert.deepEqual(under.map((f) => [f.data.group, f.data.count, f.data.total, f.data.reference, f.data.clear]).sort(), [
      ['EAS', 515, 2535, 'global', true],
      ['SAS', 494, 2535, 'global', true],
    ]);
    assert.match(under.find((f) => f.data.group === 'EAS')!.message, /515 of 2,535 rows with a value \(20\.3%\) vs 31\.3%/);
  });

  test('table-malformed exactly once (the ragged header); population codes are not flagged', (t) => {
    const d = load(t); if (!d) return;
    const malformed = byCode(d.analysis.findings, 'table-malformed');
    assert.equal(malformed.length, 1);
    assert.equal(malformed[0].data.kind, 'ragged-header');
    assert.equal(malformed[0].range.start.line, 0);
    assert.equal(byCode(d.analysis.findings, 'ancestry-label-nonstandard').length, 0);
  });
});

describe('UCI diabetes (diabetic_data.csv)', () => {
  const load = loader('diabetic_data.csv');

  // Per patient figures (python, test comment in phenotypeRealdata.test.ts): 71,518 patients in
  // 101,766 rows; 69,668 with a race in some row, 1,850 with "?" in every row.
  test('race detected; counted per patient (patient_nbr repeats): 1,850 patients without a race, 69,668 with one', (t) => {
    const d = load(t); if (!d) return;
    const race = d.analysis.ancestry.find((a) => a.column === 'race');
    assert.ok(race, 'race is an ancestry column');
    assert.equal(d.analysis.ancestry.length, 1);
    assert.equal(race.vocabulary?.id, 'omb');
    assert.equal(race.reference?.id, 'us-census-2020');
    assert.equal(race.missing, 1850);
    assert.deepEqual(Object.fromEntries(race.missingByMarker), { '?': 2273 });
    assert.equal(race.total, 69668);
    assert.deepEqual(race.unit, { column: 'patient_nbr', noun: 'patients', participants: 71518, rows: 101766 });
    assert.deepEqual(Object.fromEntries(race.groups.map((g) => [g.group, g.count])), {
      White: 53574, 'Black or African American': 12899, 'Hispanic or Latino': 1520, 'Some Other Race': 1178, Asian: 497,
      'American Indian or Alaska Native': 0, 'Native Hawaiian or Other Pacific Islander': 0, 'Two or more races': 0,
    });
    assert.match(hoverAt(d.analysis, d.analysis.headerCell(race.columnIndex).start)!, /69,668 patients with a value, 1,850 missing \(\?: 2,273 rows\)\. Counted once per participant: 71,518 patients in 101,766 rows \("patient_nbr" repeats\)\./);
    for (const f of d.analysis.findings.filter((x) => x.code.startsWith('ancestry-') && x.data.reference !== undefined)) {
      assert.match(f.message, /71,518 patients in 101,766 rows \("patient_nbr" repeats\)/, f.message);
    }
  });

  test('123 patients have different race groups in different rows (python: first value vs first different value)', (t) => {
    const d = load(t); if (!d) return;
    const [f] = byCode(d.analysis.findings, 'ancestry-participant-inconsistent');
    assert.equal(f.data.inconsistent, 123);
    assert.equal(f.data.participants, 71518);
    assert.match(f.message, /^123 of 71,518 patients \(0\.172%; "patient_nbr" repeats over 101,766 rows\) have different groups in column "race" in different rows: White then Black or African American \("Caucasian" \/ "AfricanAmerican": 23\)/);
  });

  test('Caucasian (76,099) and AfricanAmerican (19,210) flagged nonstandard', (t) => {
    const d = load(t); if (!d) return;
    const labels = Object.fromEntries(byCode(d.analysis.findings, 'ancestry-label-nonstandard').map((f) => [f.data.value, [f.data.canonical, f.data.count]]));
    assert.deepEqual(labels.Caucasian, ['White', 76099]);
    assert.deepEqual(labels.AfricanAmerican, ['Black or African American', 19210]);
  });

  test('race holds Hispanic beside the races: the combined design (table P2) is used and every ancestry message names it', (t) => {
    const d = load(t); if (!d) return;
    const race = d.analysis.ancestry.find((a) => a.column === 'race')!;
    assert.equal(race.reference?.design, 'combined');
    const ancestryFindings = d.analysis.findings.filter((f) => f.code.startsWith('ancestry-') && f.data.reference !== undefined);
    assert.ok(ancestryFindings.length >= 5);
    for (const f of ancestryFindings) assert.match(f.message, /combined race and ethnicity column \(Hispanic is one of its values\): table P2/, f.message);
    // "Other" is 1.5% of rows: three times the non-Hispanic Some Other Race share (0.51%), so not under-represented.
    assert.ok(!byCode(d.analysis.findings, 'ancestry-underrepresented').some((f) => f.data.group === 'Some Other Race'));
  });

  test('Hispanic and Asian under-represented vs us-census-2020 table P2', (t) => {
    const d = load(t); if (!d) return;
    const under = Object.fromEntries(byCode(d.analysis.findings, 'ancestry-underrepresented').map((f) => [f.data.group, f.data]));
    assert.equal(under['Hispanic or Latino'].reference, 'us-census-2020');
    // python: 62080044 / 331449281 and 19618719 / 331449281 (domain.md G)
    assert.ok(Math.abs((under['Hispanic or Latino'].referenceShare as number) - 0.1872987740769907) < 1e-12);
    assert.ok(Math.abs((under.Asian.referenceShare as number) - 0.05919071219828653) < 1e-12);
    assert.equal(under.Asian.clear, true);
    assert.equal(under.White, undefined);
  });

  test('the label fix replaces exactly the 76,099 Caucasian cells and nothing else', (t) => {
    const d = load(t); if (!d) return;
    const finding = byCode(d.analysis.findings, 'ancestry-label-nonstandard').find((f) => f.data.value === 'Caucasian')!;
    const [fix] = fixesFor(d.analysis, finding, noPolicy(), () => undefined);
    const edits = fix.changes[0].edits;
    // Beyond 1,000 cells the edits are merged into one (editors apply one large edit far faster).
    assert.equal(edits.length, 1);
    assert.match(fix.title, /\(76099 cells\)|\(76,099 cells\)/);
    const fixed = applyEdits(d.text, edits);
    const before = d.text.split('\n');
    const after = fixed.split('\n');
    assert.equal(after.length, before.length);
    const raceIndex = d.analysis.ancestry[0].columnIndex;
    let changed = 0;
    for (let i = 0; i < before.length; i++) {
      if (before[i] === after[i]) continue;
      const b = before[i].split(','), a = after[i].split(',');
      assert.equal(b[raceIndex], 'Caucasian', `line ${i + 1}`);
      assert.equal(a[raceIndex], 'White', `line ${i + 1}`);
      b[raceIndex] = 'White';
      assert.deepEqual(a, b, `line ${i + 1}: only the race cell changes`);
      changed++;
    }
    assert.equal(changed, 76099);
    const again = lintDataset(d.analysis.path, fixed, undefined, noPolicy());
    assert.ok(!byCode(again.findings, 'ancestry-label-nonstandard').some((f) => f.data.value === 'Caucasian'));
    assert.equal(again.profile.groups.get(raceIndex)!.get('White')!.rows, 76099);
  });
});
