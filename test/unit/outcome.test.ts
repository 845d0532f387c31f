// Outcome metrics and rules: exact rates from known confusion matrices, Fairlearn's own
// expected values, and ProPublica's COMPAS data (rows rebuilt from aggregated counts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt, lintDocument, loadPolicy, type Finding } from '../../server/src/engine';
import { outcomeScan } from '../../server/src/engine/outcome/scan';
import { ratesOf } from '../../server/src/engine/outcome/metrics';
import { MAX_CELLS, ScoreHistograms } from '../../server/src/engine/outcome/scoreHistogram';
import { byCode, fullText, lint, policyFrom } from './helpers';
import { compasCsv, confusionCsv } from './outcomeFixtures';

type GroupData = { group: string; n: number; small: boolean; confusion: { tp: number; fp: number; tn: number; fn: number } } & Record<'baseRate' | 'selectionRate' | 'tpr' | 'fpr' | 'fnr' | 'ppv' | 'accuracy', { value: number | null; low: number | null; high: number | null; count: number; of: number }>;

function groups(f: Finding): Map<string, GroupData> {
  return new Map((f.data.groups as GroupData[]).map((g) => [g.group, g]));
}

const PREDICTION_POLICY = 'outcome:\n  label: outcome\n  prediction: model_call\n  groups: [race]\n';

test('known confusion matrices per group give exactly their rates, and the error that falls on each group', () => {
  const csv = confusionCsv({ A: { tp: 40, fp: 10, tn: 40, fn: 10 }, B: { tp: 20, fp: 30, tn: 20, fn: 30 } });
  const analysis = lint(csv, { policy: policyFrom(PREDICTION_POLICY) });
  const [finding] = byCode(analysis.findings, 'outcome-error-disparity');
  assert.ok(finding, 'an error-disparity finding');
  const a = groups(finding).get('A')!;
  const b = groups(finding).get('B')!;
  assert.deepEqual(a.confusion, { tp: 40, fp: 10, tn: 40, fn: 10 });
  assert.equal(a.n, 100);
  assert.equal(a.baseRate.value, 0.5);
  assert.equal(a.selectionRate.value, 0.5);
  assert.equal(a.tpr.value, 0.8);
  assert.equal(a.fpr.value, 0.2);
  assert.equal(a.fnr.value, 0.2);
  assert.equal(a.ppv.value, 0.8);
  assert.equal(a.accuracy.value, 0.8);
  assert.equal(b.tpr.value, 0.4);
  assert.equal(b.fpr.value, 0.6);
  assert.equal(b.accuracy.value, 0.4);
  assert.ok(Math.abs((finding.data.equalizedOddsDifference as number) - 0.4) < 1e-12);
  assert.ok(Math.abs((finding.data.accuracyDifference as number) - 0.4) < 1e-12);
  assert.match(fullText(finding), /false positives \(false positive rate\): group "B" \(unmapped code\) 60(\.0)?% \(30 of 50; 95% CI [\d.]+%–[\d.]+%\) vs group "A" \(unmapped code\) 20(\.0)?% \(10 of 50/);
  assert.match(fullText(finding), /true positives \(true positive rate\): group "A" \(unmapped code\) 80(\.0)?% \(40 of 50/);
  // Wilson interval of 10/50, computed offline with z = scipy.stats.norm.ppf(0.975).
  assert.ok(Math.abs(a.fpr.low! - 0.11243750015776112) < 1e-12 && Math.abs(a.fpr.high! - 0.3303710593222542) < 1e-12, `${a.fpr.low} ${a.fpr.high}`);
  // The selection rates are equal (0.5 each): no selection finding.
  assert.equal(byCode(analysis.findings, 'outcome-selection-disparity').length, 0);
});

test("Fairlearn's own expected values: true_positive_rate of test_some_correct is 0.25", () => {
  // fairlearn test/unit/metrics/test_base_metrics.py, TestTPR.test_some_correct:
  // y_true = [0,0,0,0,1,1,1,1], y_pred = [0,0,0,1,1,0,0,0] -> 0.25 (and 0.75 with pos_label=0).
  const r = ratesOf({ tp: 1, fn: 3, fp: 1, tn: 3 });
  assert.equal(r.tpr.value, 0.25);
  assert.equal(ratesOf({ tp: 3, fn: 1, fp: 3, tn: 1 }).tpr.value, 0.75);
  // A group with no positives has no TPR here (sklearn returns 0 with a warning).
  assert.equal(ratesOf({ tp: 0, fn: 0, fp: 2, tn: 3 }).tpr.value, undefined);
});

// Expected per-group figures for COMPAS, computed once offline with an independent
// numpy implementation of Fairlearn's MetricFrame metrics (selection_rate,
// true_positive_rate, false_positive_rate, false_negative_rate, sklearn precision_score
// and accuracy_score, mean of y_true) on compas-scores-two-years.csv from
// github.com/propublica/compas-analysis, y_true = two_year_recid, y_pred = decile_score >= 5,
// sensitive_features = race. ProPublica's notebook prints the same FPR/FNR for Black
// (44.85 / 27.99) and White (23.45 / 47.72) defendants.
const COMPAS_EXPECTED: Record<string, { count: number; base: number; selection: number; tpr: number; fpr: number; fnr: number; ppv: number; accuracy: number }> = {
  'Black or African American': { count: 3696, base: 0.5143398268398268, selection: 0.5882034632034632, tpr: 0.7201472908995266, fpr: 0.44846796657381616, fnr: 0.27985270910047344, ppv: 0.6297148114075437, accuracy: 0.6382575757575758 },
  White: { count: 2454, base: 0.39364303178484106, selection: 0.3480032599837001, tpr: 0.5227743271221532, fpr: 0.23454301075268819, fnr: 0.4772256728778468, ppv: 0.5913348946135831, accuracy: 0.6699266503667481 },
  'Hispanic or Latino': { count: 637, base: 0.3642072213500785, selection: 0.29827315541601257, tpr: 0.44396551724137934, fpr: 0.21481481481481482, fnr: 0.5560344827586207, ppv: 0.5421052631578948, accuracy: 0.6609105180533752 },
  'Some Other Race': { count: 377, base: 0.35278514588859416, selection: 0.20954907161803712, tpr: 0.3233082706766917, fpr: 0.14754098360655737, fnr: 0.6766917293233082, ppv: 0.5443037974683544, accuracy: 0.6657824933687002 },
  Asian: { count: 32, base: 0.28125, selection: 0.25, tpr: 0.6666666666666666, fpr: 0.08695652173913043, fnr: 0.3333333333333333, ppv: 0.75, accuracy: 0.84375 },
  'American Indian or Alaska Native': { count: 18, base: 0.5555555555555556, selection: 0.6666666666666666, tpr: 0.9, fpr: 0.375, fnr: 0.1, ppv: 0.75, accuracy: 0.7777777777777778 },
};

const COMPAS_POLICY = 'outcome:\n  label: two_year_recid\n  score: decile_score\n  threshold: 5\n';

test('COMPAS: per-group rates match Fairlearn MetricFrame figures computed offline, and ProPublica\'s published rates', () => {
  const analysis = lint(compasCsv(), { path: '/virtual/compas/compas.csv', policy: policyFrom(COMPAS_POLICY, '/virtual/compas/cohortlint.yaml') });
  const [finding] = byCode(analysis.findings, 'outcome-error-disparity');
  assert.ok(finding, 'COMPAS shows an error disparity');
  const byGroup = groups(finding);
  assert.deepEqual([...byGroup.keys()].sort(), Object.keys(COMPAS_EXPECTED).sort());
  const close = (actual: number | null, expected: number, what: string) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);
  for (const [name, e] of Object.entries(COMPAS_EXPECTED)) {
    const g = byGroup.get(name)!;
    assert.equal(g.n, e.count, name);
    close(g.baseRate.value, e.base, `${name} base rate`);
    close(g.selectionRate.value, e.selection, `${name} selection rate`);
    close(g.tpr.value, e.tpr, `${name} TPR`);
    close(g.fpr.value, e.fpr, `${name} FPR`);
    close(g.fnr.value, e.fnr, `${name} FNR`);
    close(g.ppv.value, e.ppv, `${name} PPV`);
    close(g.accuracy.value, e.accuracy, `${name} accuracy`);
  }
  assert.deepEqual(byGroup.get('Black or African American')!.confusion, { tp: 1369, fp: 805, tn: 990, fn: 532 });
  assert.deepEqual(byGroup.get('White')!.confusion, { tp: 505, fp: 349, tn: 1139, fn: 461 });
  // ProPublica, "Compas Analysis.ipynb": false positive rate 44.85 (Black), 23.45 (White).
  assert.equal((byGroup.get('Black or African American')!.fpr.value! * 100).toFixed(2), '44.85');
  assert.equal((byGroup.get('White')!.fpr.value! * 100).toFixed(2), '23.45');
  assert.equal((byGroup.get('White')!.fnr.value! * 100).toFixed(2), '47.72');
  // Wilson 95% intervals computed offline (scipy norm.ppf(0.975)): Black FPR 805/1795.
  close(byGroup.get('Black or African American')!.fpr.low, 0.42559496162893107, 'Black FPR low');
  close(byGroup.get('Black or African American')!.fpr.high, 0.4715610667176223, 'Black FPR high');
  // The 18 Native American defendants are reported as too small, not left out.
  assert.equal(byGroup.get('American Indian or Alaska Native')!.small, true);
  assert.match(fullText(finding), /Too small to judge \(fewer than 30 rows, outcome\.minGroupSize\): American Indian or Alaska Native \(18\)/);
  assert.match(fullText(finding), /false positives \(false positive rate\): Black or African American 44\.8%/);
  // Fairlearn's equalized_odds_difference over all six groups is 0.5766917293233083 (offline),
  // driven by 18 Native American rows (TPR 0.9) and Asian's 23 negatives (FPR 0.087). Over the
  // rates judged here (denominator >= minGroupSize) it is the TPR gap Black − Some Other Race.
  close(finding.data.equalizedOddsDifference as number, 0.7201472908995266 - 0.3233082706766917, 'EOD over judged rates');
  // Fairlearn's demographic_parity_ratio over the judged groups (Native American left out):
  // min/max selection rate = 0.20954907161803712 / 0.5882034632034632.
  const [selection] = byCode(analysis.findings, 'outcome-selection-disparity');
  close(selection.data.demographicParityRatio as number, 0.20954907161803712 / 0.5882034632034632, 'DP ratio');
  // Within score deciles the observed rates of the judged groups stay within 10 points
  // (COMPAS is close to calibrated by race: Flores, Bechtel & Lowenkamp 2016).
  assert.equal(byCode(analysis.findings, 'outcome-calibration-disparity').length, 0);
  const hover = hoverAt(analysis, { line: 0, character: 'id,race,decile_score,two_year_recid'.indexOf('two_year') + 2 });
  assert.ok(hover && hover.includes('| Black or African American | 3,696 |'), hover);
  // The score header has the same hover, with the calibration line (deciles; no ECE for 1-10 scores).
  const onScore = hoverAt(analysis, { line: 0, character: 'id,race,de'.length })!;
  assert.match(onScore, /Calibration: observed rate at the same score decile vs all groups: Black or African American \+1\.06%/);
  assert.doesNotMatch(onScore, /ECE/);
});

test('without an outcome key no outcome rule runs, even on a table with a label-like column', () => {
  const analysis = lint(compasCsv());
  assert.deepEqual(analysis.findings.filter((f) => f.code.startsWith('outcome-')), []);
});

test('a named column the dataset lacks is config-invalid on the dataset header; a table with none of the columns is not judged', () => {
  const policy = policyFrom('outcome:\n  label: diagnosis\n  prediction: model_call\n  groups: [race]\n');
  const withPrediction = lint(confusionCsv({ A: { tp: 1, fp: 1, tn: 1, fn: 1 } }), { policy });
  const [problem] = byCode(withPrediction.findings, 'config-invalid');
  assert.ok(problem);
  assert.match(fullText(problem), /outcome\.label names "diagnosis", but this dataset has no such column/);
  assert.equal(problem.data.path, 'outcome.label');
  const unrelated = lint('id,race,age\n1,White,40\n', { policy });
  assert.equal(byCode(unrelated.findings, 'config-invalid').length, 0);
});

test('a score column that is not numeric is config-invalid', () => {
  const rows = ['id,race,y,risk', ...Array.from({ length: 40 }, (_, i) => `${i},White,${i % 2},${i % 3 === 0 ? 'high' : 'low'}`)];
  const analysis = lint(rows.join('\n'), { policy: policyFrom('outcome:\n  label: y\n  score: risk\n  groups: race\n') });
  const [problem] = byCode(analysis.findings, 'config-invalid');
  assert.match(fullText(problem), /only 0 of its 40 non-missing values are numbers/);
  assert.deepEqual(problem.range, analysis.headerCell(3));
});

test('intersections of two group columns are judged when both groups reach minGroupSize; nested columns are not crossed', () => {
  const lines = ['id,race,sex,y,p'];
  let id = 0;
  const add = (race: string, sex: string, n: number, y: number, p: number) => { for (let i = 0; i < n; i++) lines.push(`${id++},${race},${sex},${y},${p}`); };
  // Within White, women get false positives far more than men; Asian has 10 rows (too small).
  add('White', 'F', 40, 0, 1); add('White', 'F', 40, 0, 0); add('White', 'M', 10, 0, 1); add('White', 'M', 70, 0, 0);
  add('White', 'F', 40, 1, 1); add('White', 'M', 40, 1, 1);
  add('Black', 'F', 60, 0, 0); add('Black', 'M', 60, 0, 0); add('Black', 'F', 20, 0, 1); add('Black', 'M', 20, 0, 1);
  add('Black', 'F', 40, 1, 1); add('Black', 'M', 40, 1, 1);
  add('Asian', 'F', 10, 0, 1);
  const analysis = lint(lines.join('\n'), { policy: policyFrom('outcome:\n  label: y\n  prediction: p\n  groups: [race, sex]\n') });
  const crossed = byCode(analysis.findings, 'outcome-error-disparity').find((f) => (f.data.columns as string[]).length === 2);
  assert.ok(crossed, 'the race × sex intersection is judged');
  const names = [...groups(crossed).keys()];
  assert.ok(names.includes('White × F') && names.includes('White × M'));
  assert.ok(!names.some((n) => n.startsWith('Asian')), 'Asian (10 rows) is not crossed');
  assert.match(fullText(crossed), /false positives \(false positive rate\): White × F 50(\.0)?% \(40 of 80/);
  // 1000 Genomes pop nests in super_pop: crossing them adds nothing.
  const panel = ['sample,pop,super_pop,y,p'];
  for (let i = 0; i < 200; i++) panel.push(`S${i},${['YRI', 'LWK', 'CEU', 'TSI'][i % 4]},${i % 4 < 2 ? 'AFR' : 'EUR'},${i % 2},${i % 3 === 0 ? 1 : 0}`);
  const nested = lint(panel.join('\n'), { policy: policyFrom('outcome:\n  label: y\n  prediction: p\n  groups: [pop, super_pop]\n') });
  const state = nested.scans.get(outcomeScan);
  assert.ok(state);
  const hover = hoverAt(nested, { line: 0, character: 'sample,pop,super_pop,'.length + 1 })!;
  assert.ok(hover.includes('By **pop**') && hover.includes('By **super_pop**') && !hover.includes('pop × super_pop'), hover);
});

test('label imbalance: a base-rate ratio below the four-fifths threshold, and too few positives', () => {
  const lines = ['id,race,diagnosis'];
  let id = 0;
  const add = (race: string, n: number, y: number) => { for (let i = 0; i < n; i++) lines.push(`${id++},${race},${y ? 'yes' : 'no'}`); };
  add('White', 300, 1); add('White', 300, 0); add('Asian', 20, 1); add('Asian', 180, 0);
  const analysis = lint(lines.join('\n'), { policy: policyFrom('outcome:\n  label: diagnosis\n  groups: [race]\n') });
  const found = byCode(analysis.findings, 'outcome-label-imbalance');
  const base = found.find((f) => f.data.kind === 'base-rate')!;
  assert.ok(Math.abs((base.data.ratio as number) - 0.2) < 1e-12);
  assert.match(fullText(base), /lowest Asian 10(\.0)?% \(20 of 200;.*highest White 50(\.0)?% \(300 of 600/);
  const few = found.find((f) => f.data.kind === 'few-positives')!;
  assert.deepEqual(few.data.fewPositives, ['Asian']);
  assert.equal(found[0].severity, 'information');
});

test('calibration disparity: the same probability score means a higher observed rate in one group', () => {
  const lines = ['id,race,y,prob'];
  let id = 0;
  // Group A is calibrated (rate = score); in group B the observed rate is 0.3 above the score.
  for (const [race, lift] of [['A', 0], ['B', 0.3]] as const) {
    for (const score of [0.1, 0.3, 0.5]) {
      const positives = Math.round(100 * (score + lift));
      for (let i = 0; i < 100; i++) lines.push(`${id++},${race},${i < positives ? 1 : 0},${score}`);
    }
  }
  const analysis = lint(lines.join('\n'), { policy: policyFrom('outcome:\n  label: y\n  score: prob\n  groups: [race]\n') });
  const [finding] = byCode(analysis.findings, 'outcome-calibration-disparity');
  assert.ok(finding, 'a calibration finding');
  assert.ok(Math.abs((finding.data.calibrationGap as number) - 0.3) < 1e-9, String(finding.data.calibrationGap));
  const a = groups(finding).get('A') as unknown as { calibration: { ece: number } };
  const b = groups(finding).get('B') as unknown as { calibration: { ece: number } };
  assert.ok(Math.abs(a.calibration.ece) < 1e-12);
  assert.ok(Math.abs(b.calibration.ece - 0.3) < 1e-9);
  assert.match(fullText(finding), /\+15(\.0)?% for group "B" \(unmapped code\) and −15(\.0)?% for group "A" \(unmapped code\)/);
});

test('predictions in a second file are joined on the key; unmatched rows are counted and the predictions table is not judged itself', () => {
  const root = '/virtual/join';
  // P200 has no label but a prediction: a matched key, not an orphan.
  const cohort = ['participant_id,race,outcome', ...Array.from({ length: 100 }, (_, i) => `P${i},${i < 50 ? 'White' : 'Black'},${i % 2}`), 'P200,White,'].join('\n');
  // Predictions for P0..P89 only, in another order; P90..P99 have none; Q1 matches no cohort row.
  const preds = ['participant_id,model_call', ...Array.from({ length: 90 }, (_, i) => `P${89 - i},${(89 - i) % 2}`), 'Q1,1', 'P200,1'].join('\n');
  const files: Record<string, string> = {
    [`${root}/cohortlint.yaml`]: 'outcome:\n  label: outcome\n  prediction: model_call\n  predictions: predictions.csv\n  join: participant_id\n  minGroupSize: 10\n',
    [`${root}/predictions.csv`]: preds,
    [`${root}/cohort.csv`]: cohort,
  };
  const read = (p: string) => files[p];
  const policy = policyFrom(files[`${root}/cohortlint.yaml`], `${root}/cohortlint.yaml`);
  const analysis = lintDocument(`${root}/cohort.csv`, cohort, 'csv', { policy, read, workspaceRoot: root })!;
  const [unmatched] = byCode(analysis.findings, 'outcome-predictions-unmatched');
  assert.ok(unmatched, 'unmatched rows are reported');
  assert.equal(unmatched.data.unmatchedRows, 10);
  assert.equal(unmatched.data.unmatchedPredictionKeys, 1);
  assert.doesNotMatch(fullText(unmatched), /P9\d|Q1/, 'no key values in the message');
  assert.equal(analysis.kind, 'dataset');
  const hover = hoverAt(analysis, { line: 0, character: 'participant_id,race,o'.length })!;
  // The predictions match the label exactly, so accuracy is 100% for every group.
  assert.ok(hover.includes('| White | 50 |') && hover.includes('| Black or African American | 40 |') && (hover.includes('100%') || hover.includes('100.0%')), hover);
  const self = lintDocument(`${root}/predictions.csv`, preds, 'csv', { policy, read, workspaceRoot: root })!;
  assert.deepEqual(self.findings.filter((f) => f.code.startsWith('outcome-') || f.code === 'config-invalid'), []);
  // A predictions path outside the workspace is never read.
  const outside = policyFrom('outcome:\n  label: outcome\n  prediction: model_call\n  predictions: ../elsewhere.csv\n  join: participant_id\n', `${root}/cohortlint.yaml`);
  const refused = lintDocument(`${root}/cohort.csv`, cohort, 'csv', { policy: outside, read: (p) => (p.endsWith('elsewhere.csv') ? assert.fail('read outside the workspace') : read(p)), workspaceRoot: root })!;
  assert.match(fullText(byCode(refused.findings, 'config-invalid')[0]), /outside the workspace/);
});

test('score histograms stay within their cell budget by rounding, keeping every row', () => {
  const histograms = new ScoreHistograms();
  const counts = histograms.create();
  const n = MAX_CELLS * 3;
  for (let i = 0; i < n; i++) histograms.add(counts, i / n, i % 2 === 0);
  assert.ok(counts.size <= MAX_CELLS, `${counts.size} cells`);
  assert.ok(histograms.precision !== undefined && histograms.precision >= 2);
  let rows = 0;
  let positives = 0;
  for (const [r, p] of counts.values()) { rows += r; positives += p; }
  assert.equal(rows, n);
  assert.equal(positives, n / 2);
});

test('with three groupings a p-value between 0.05/3 and 0.05 is not reported (Bonferroni)', () => {
  const lines = ['id,race,sex,y'];
  let id = 0;
  const add = (race: string, sex: string, n: number, pos: number) => { for (let i = 0; i < n; i++) lines.push(`${id++},${race},${sex},${i < pos ? 1 : 0}`); };
  // race alone: White 30 of 200 vs Asian 16 of 200, ratio 0.53; scipy chi2_contingency(correction=False) p = 0.028220572134657895.
  add('White', 'F', 100, 15); add('White', 'M', 100, 15); add('Asian', 'F', 100, 8); add('Asian', 'M', 100, 8);
  const single = lint(lines.map((l) => l.split(',').filter((_, i) => i !== 2).join(',')).join('\n'), { policy: policyFrom('outcome:\n  label: y\n  groups: [race]\n') });
  const crossed = lint(lines.join('\n'), { policy: policyFrom('outcome:\n  label: y\n  groups: [race, sex]\n') });
  const base = (f: Finding[]) => byCode(f, 'outcome-label-imbalance').filter((x) => x.data.kind === 'base-rate');
  const [alone] = base(single.findings);
  assert.ok(alone, 'one grouping: reported');
  const p = alone.data.pValue as number;
  assert.ok(Math.abs(p - 0.028220572134657895) < 1e-9, `p = ${p}`);
  assert.equal(base(crossed.findings).filter((x) => (x.data.columns as string[]).join() === 'race').length, 0, 'three groupings: not reported');
});

test('the outcome key is validated by the policy schema: predictions needs join, label is required', () => {
  const check = (text: string) => loadPolicy('/virtual/p/cohortlint.yaml', () => text).findings.map((f) => fullText(f));
  assert.deepEqual(check('outcome:\n  label: y\n  score: s\n'), []);
  assert.ok(check('outcome:\n  label: y\n  prediction: p\n  predictions: preds.csv\n').some((m) => /join/.test(m)));
  assert.ok(check('outcome:\n  score: s\n').some((m) => /label/.test(m)));
  assert.ok(check('outcome:\n  label: y\n  maxRatioGap: 1.5\n').some((m) => /maxRatioGap/.test(m)));
});

test('labels written as numbers (1.0 / 0.0) are read with positive: 1; a positive that matches nothing is config-invalid', () => {
  const rows = (label: (i: number) => string) => ['id,race,y', ...Array.from({ length: 120 }, (_, i) => `${i},${i < 60 ? 'White' : 'Asian'},${label(i)}`)].join('\n');
  const floats = lint(rows((i) => (i % 60 < (i < 60 ? 30 : 6) ? '1.0' : '0.0')), { policy: policyFrom('outcome:\n  label: y\n  groups: [race]\n') });
  const base = byCode(floats.findings, 'outcome-label-imbalance').find((f) => f.data.kind === 'base-rate');
  assert.ok(base, 'base rates 50% vs 10% are read from 1.0/0.0');
  assert.ok(Math.abs((base.data.ratio as number) - 0.2) < 1e-12);
  const words = lint(rows((i) => (i % 2 ? 'Positive' : 'Negative')), { policy: policyFrom('outcome:\n  label: y\n  groups: [race]\n') });
  const [problem] = byCode(words.findings, 'config-invalid');
  assert.match(fullText(problem), /outcome\.positive \("1", "yes", "true"\) matches none of the 120 labelled rows of "y" \(values seen: "Negative", "Positive"\)/);
  assert.equal(byCode(words.findings, 'outcome-label-imbalance').length, 0, 'no few-positives noise on top');
});

test('groups that are unmapped raw codes (NHANES race codes without the codebook) are named as codes', () => {
  // By construction: code 6.0 selected 70 of 100 (tp 40 + fp 30), code 3.0 20 of 100
  // (tp 10 + fp 10): demographic parity ratio 0.2 / 0.7 = 0.286.
  const csv = confusionCsv({ '6.0': { tp: 40, fp: 30, tn: 20, fn: 10 }, '3.0': { tp: 10, fp: 10, tn: 40, fn: 40 } });
  const a = lint(csv, { policy: policyFrom(PREDICTION_POLICY) });
  assert.equal(byCode(a.findings, 'ancestry-representation-unchecked')[0]?.data.kind, 'no-vocabulary');
  const [selection] = byCode(a.findings, 'outcome-selection-disparity');
  assert.equal(selection.data.unmappedLabels, true);
  assert.equal(selection.data.low, '3.0');
  assert.ok(Math.abs((selection.data.demographicParityRatio as number) - 0.2 / 0.7) < 1e-12);
  assert.match(selection.message, /20% for code "3\.0" vs 70% for code "6\.0" \(unmapped codes; ratio 0\.286\)/);
  assert.match(selection.detail ?? '', /lowest group "3\.0" \(unmapped code\) 20% .*highest group "6\.0" \(unmapped code\) 70% .*raw codes of "race"/);
  for (const f of byCode(a.findings, 'outcome-error-disparity')) assert.equal(f.data.unmappedLabels, true);

  // Mapped through ancestry.labels, the same rows compare named groups.
  const mapped = lint(csv, { policy: policyFrom(`${PREDICTION_POLICY}ancestry:\n  labels: {"6.0": Asian, "3.0": White}\n`) });
  const [named] = byCode(mapped.findings, 'outcome-selection-disparity');
  assert.equal(named.data.unmappedLabels, false);
  assert.equal(named.data.low, 'White');
  assert.doesNotMatch(fullText(named), /unmapped/);
});
