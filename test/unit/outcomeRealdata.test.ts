// The outcome analysis on the real files in ../shared/realdata (not copied here): without
// an `outcome` key nothing runs on any of them, and diabetic_data.csv's `readmitted`, named
// as the label, gives its per-group base rates. Each test skips, saying so, when a file is absent.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { hoverAt, lintDataset, lintDatasetFile } from '../../server/src/engine';
import { byCode, noPolicy, policyFrom, realdataDir } from './helpers';

test('no outcome key: no outcome finding on any realdata table', (t) => {
  if (!existsSync(realdataDir)) { t.skip(`realdata folder absent: ${realdataDir}`); return; }
  const tables = readdirSync(realdataDir).filter((f) => /\.(csv|tsv|panel)$/.test(f));
  assert.ok(tables.length >= 5, tables.join(', '));
  for (const name of tables) {
    const file = path.join(realdataDir, name);
    const analysis = lintDataset(file, readFileSync(file, 'utf8'), name.endsWith('.csv') ? 'csv' : 'tsv', noPolicy());
    const outcome = analysis.findings.filter((f) => f.code.startsWith('outcome-') || f.data.kind === 'outcome-config');
    assert.deepEqual(outcome, [], name);
  }
});

test('diabetic_data.csv, streamed: readmitted "<30" by race and gender; no base-rate finding once three groupings are tested, one group with too few positives', async (t) => {
  const file = path.join(realdataDir, 'diabetic_data.csv');
  if (!existsSync(file)) { t.skip(`realdata file absent: ${file}`); return; }
  // readmitted holds NO, <30 and >30: which is "positive" is the study's question, so the
  // policy names it; Cohort Lint never guesses a label.
  const policy = policyFrom('outcome:\n  label: readmitted\n  positive: ["<30"]\n  groups: [race, gender]\n', path.join(realdataDir, 'cohortlint.yaml'));
  const analysis = await lintDatasetFile(file, 'csv', policy);
  const found = byCode(analysis.findings, 'outcome-label-imbalance');
  // race × gender: Asian women 7.5% (24 of 318) vs Asian men 12.7% (41 of 323), p = 0.028,
  // above the Bonferroni threshold 0.05/3 over the three groupings (race, gender, race × gender).
  assert.deepEqual(found.map((f) => f.data.kind), ['few-positives']);
  assert.deepEqual(found[0].data.fewPositives, ['Asian × Female']);
  const column = analysis.table.header.indexOf('readmitted');
  const hover = hoverAt(analysis, analysis.headerCell(column).start)!;
  // Counts recomputed independently (python csv): White 76,099 rows, 8,592 "<30".
  assert.match(hover, /\| White \| 76,099 \| 8,592 \| 11\.3% \(/);
  assert.match(hover, /Read as negative: "NO", ">30"\./);
  assert.match(hover, /2,273 labelled rows have no value in race/);
});
