// Facts computed once: hovers, fixes and the report read what the analysis computed
// (disparity tests, consent verdicts under the analysis' clock, the policy of a
// structured document, cell ranges, scan states) and never compute it again. Each test
// would fail if a reader recomputed: it changes or fixes the analysis' fact and checks
// that the reader follows it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, hoverAt, lintDatasetFile, lintDocument, type StructuredAnalysis } from '../../server/src/engine';
import { consentScan } from '../../server/src/engine/consent/scan';
import { unusableRows } from '../../server/src/engine/fixes/consent/quarantine';
import { FIXTURES } from './consentFixtures';
import { byCode, lint, noPolicy, policyFrom, tempDir } from './helpers';

/** 300 rows in each of two groups; bmi is missing in 10% of one and 40% of the other. */
function disparateCsv(): string {
  const lines = ['id,race,bmi'];
  for (let i = 0; i < 600; i++) {
    const group = i < 300 ? 'White' : 'Black or African American';
    const missing = i < 300 ? i % 10 === 0 : i % 10 < 4;
    lines.push(`${i + 1},${group},${missing ? '' : 20 + (i % 15)}`);
  }
  return lines.join('\n') + '\n';
}

describe('facts computed once', () => {
  test('the disparity assessment is computed once and the hover reads it', () => {
    const a = lint(disparateCsv());
    const assessment = a.disparities();
    assert.equal(a.disparities(), assessment, 'the same object every time');
    assert.equal(byCode(a.findings, 'phenotype-missingness-disparity').length, 1);
    const bmi = assessment.columns.find((c) => c.column === 'bmi')!;
    assert.ok(bmi, 'bmi was tested');
    // Change the analysis' fact: a hover that re-ran the test would still show 40.0%.
    const worst = bmi.groups.find((g) => g.group === 'Black or African American')!;
    assert.equal(worst.missing, 120);
    worst.share = 0.987;
    const hover = hoverAt(a, a.headerCell(2).start)!;
    assert.match(hover, /98\.7%/);
    assert.doesNotMatch(hover, /\| 40\.0% \|/);
  });

  test('the quarantine fix moves the rows the analysis judged, under the analysis\' clock', () => {
    const f = FIXTURES.find((x) => x.name === 'status, flag and withdrawal dates')!;
    const policy = policyFrom(f.policy!);
    const dated = (today: Date) => {
      const a = lint(f.text, { policy, path: f.path, options: { today } });
      return { a, moved: unusableRows(a).map((r) => r.values[0]) };
    };
    // Row 9's withdrawal is dated 2020-01-31, row 16's 2024-12-31: withdrawn from then on.
    const before2020 = dated(new Date(2019, 0, 1));
    const in2025 = dated(new Date(2025, 5, 15, 12));
    assert.ok(!before2020.moved.includes('9') && !before2020.moved.includes('16'), before2020.moved.join(' '));
    assert.ok(in2025.moved.includes('9') && in2025.moved.includes('16'), in2025.moved.join(' '));
    // The fix itself, long after the analysis (today is 2026 or later): still the 2019 verdicts.
    const finding = byCode(before2020.a.findings, 'consent-withdrawn')[0];
    const [fix] = fixesFor(before2020.a, finding, policy, () => undefined);
    assert.match(fix.title, new RegExp(`^Move ${before2020.moved.length} rows`));
    const state = before2020.a.scans.get(consentScan)!;
    assert.equal(state.unusable.length, state.unusableRows);
    assert.equal(before2020.a.today.getFullYear(), 2019);
  });

  test('a structured document carries its policy, and the schema hover reads it', () => {
    const text = JSON.stringify({ fields: [{ name: 'id' }, { name: 'pop_label', type: 'string' }] }, null, 2);
    const file = '/virtual/project/cohort.schema.json';
    const hoverOn = (policyText?: string) => {
      const policy = policyText ? policyFrom(policyText) : noPolicy();
      const a = lintDocument(file, text, undefined, { policy, read: () => undefined, workspaceRoot: '/virtual/project' }) as StructuredAnalysis;
      assert.equal(a.policy, policy.policy);
      const line = text.split('\n').findIndex((l) => l.includes('"pop_label"'));
      return hoverAt(a, { line, character: text.split('\n')[line].indexOf('pop_label') + 2 }) ?? '';
    };
    assert.doesNotMatch(hoverOn(), /An ancestry field/);
    assert.match(hoverOn('ancestry:\n  column: pop_label\n'), /An ancestry field/);
  });

  test('cellRange gives a kept row\'s exact cell, quoted or after a multi-line cell; none for a streamed file', async (t) => {
    const text = 'id,note,consent\n1,"a, b",GRU\n2,"two\nlines",HMB\n3,x\n';
    const a = lint(text);
    assert.deepEqual(a.cellRange(1, 1), { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } });
    assert.deepEqual(a.cellRange(2, 2), { start: { line: 3, character: 7 }, end: { line: 3, character: 10 } });
    assert.equal(a.cellRange(3, 0), undefined, 'line 3 is inside a cell: no row starts there');
    assert.deepEqual(a.cellRange(4, 2), { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } }, 'a short row: the row itself');
    assert.equal(a.cellRange(99, 0), undefined);
    const file = path.join(tempDir(t), 'streamed.csv');
    writeFileSync(file, text);
    const streamed = await lintDatasetFile(file, undefined, noPolicy());
    assert.equal(streamed.cellRange(1, 1), undefined);
  });

  test('scan states are typed handles: a reader gets the state of the scan object it names', () => {
    const a = lint('id,consent\n1,GRU\n2,\n3,XYZ\n');
    const state = a.scans.get(consentScan);
    assert.ok(state);
    assert.equal(state.rows, 3);
    assert.deepEqual(state.unusable.toArray(), [1, 2]);
    assert.equal(a.scans.get({ begin: () => 0, row: () => undefined }), undefined, 'a scan no rule ran has no state');
  });
});
