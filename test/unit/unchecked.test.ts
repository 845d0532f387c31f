// An ancestry column no reference applies to says so (ancestry-representation-unchecked),
// a reference is chosen only from a majority of rows, and tests grouped by raw codes say
// they are raw codes. Fixture: test/fixtures/realformats/nhanes_demo_race_unmapped.csv, an
// NHANES DEMO-style export (SAS transport read into CSV, so codes are written "6.0") with
// its race codes under a plain `race` header and no codebook applied.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, hoverAt } from '../../server/src/engine';
import { OMB } from '../../server/src/engine/ancestry/vocabularies';
import { applyEdits, byCode, fullText, groupsCsv, lint, noPolicy, policyFrom, repoRoot } from './helpers';

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'realformats', name), 'utf8');
const nhanes = fixture('nhanes_demo_race_unmapped.csv');

describe('a column whose labels match no vocabulary', () => {
  test('one warning: representation not checked, with the top labels and their counts', () => {
    const a = lint(nhanes);
    const [finding, ...rest] = byCode(a.findings, 'ancestry-representation-unchecked');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.data.kind, 'no-vocabulary');
    assert.equal(finding.data.column, 'race');
    assert.equal(finding.data.total, 450);
    assert.deepEqual(finding.data.labels, { '3.0': 120, '4.0': 90, '1.0': 60, '2.0': 60, '6.0': 60, '7.0': 60 });
    assert.match(fullText(finding), /"3\.0" \(120\)/);
    // Nothing else claims a verdict on these codes.
    for (const code of ['ancestry-group-small', 'ancestry-group-absent', 'ancestry-underrepresented', 'ancestry-label-nonstandard']) {
      assert.deepEqual(byCode(a.findings, code), [], code);
    }
  });

  test('the disparity test grouped by it names its groups raw codes', () => {
    const a = lint(nhanes);
    const [disparity] = byCode(a.findings, 'phenotype-missingness-disparity');
    assert.equal(disparity.data.rawCodes, true);
    assert.equal(disparity.data.unmappedLabels, true);
    assert.equal((disparity.data.worst as { group: string }).group, '6.0');
    assert.match(disparity.message, /for code "6\.0" \(63\.3%\) than code "1\.0" \(30%\), unmapped labels/);
    assert.match(disparity.detail ?? '', /highest group "6\.0" \(unmapped code\) 63\.3% .*raw codes of "race"/);
  });

  test('a disparity test grouped by mapped labels is not called raw', () => {
    const labels = { '1.0': 'Hispanic', '2.0': 'Hispanic', '3.0': 'White', '4.0': 'Black', '6.0': 'Asian', '7.0': 'Other' };
    const policy = policyFrom(`ancestry:\n  labels: ${JSON.stringify(labels)}\n`);
    const a = lint(nhanes, { policy });
    assert.deepEqual(byCode(a.findings, 'ancestry-representation-unchecked'), []);
    for (const f of byCode(a.findings, 'phenotype-missingness-disparity')) {
      assert.equal(f.data.rawCodes, false);
      assert.equal(f.data.unmappedLabels, false);
      assert.doesNotMatch(fullText(f), /unmapped/);
    }
  });

  test('its quick fix writes ancestry.labels; mapping every code makes the column OMB, compared with the census', () => {
    const a = lint(nhanes);
    const [finding] = byCode(a.findings, 'ancestry-representation-unchecked');
    const fixes = fixesFor(a, finding, noPolicy(), () => undefined, '/virtual/project');
    assert.ok(fixes.some((f) => f.title === 'Count "3.0" as White (ancestry.labels in the policy file)'), fixes.map((f) => f.title).join('; '));
    const created = fixes[0].changes[0].edits[0].newText;
    assert.match(created, /labels:\n {4}"3\.0": /);
    const labels = { '1.0': 'Hispanic', '2.0': 'Hispanic', '3.0': 'White', '4.0': 'Black', '6.0': 'Asian', '7.0': 'Other' };
    const mapped = lint(nhanes, { policy: policyFrom(`ancestry:\n  labels: ${JSON.stringify(labels)}\n`) });
    const race = mapped.ancestry[0];
    assert.equal(race.vocabulary?.id, 'omb');
    assert.equal(race.reference?.id, 'us-census-2020');
    assert.equal(race.groups.find((g) => g.group === OMB.hispanic)!.count, 120);
  });

  test('applying the fix to an existing policy keeps it', () => {
    const a = lint(nhanes);
    const [finding] = byCode(a.findings, 'ancestry-representation-unchecked');
    const policyPath = '/virtual/project/cohortlint.yaml';
    const policyText = '# ours\nancestry:\n  minCount: 5\n';
    const fixes = fixesFor(a, finding, policyFrom(policyText, policyPath), (p) => (p === policyPath ? policyText : undefined));
    const edited = applyEdits(policyText, fixes[0].changes[0].edits);
    assert.equal(Object.keys(policyFrom(edited, policyPath).policy.ancestry.labels ?? {}).length, 1);
  });

  test('fewer values than ancestry.minCount: left to ancestry-values-missing', () => {
    const a = lint(groupsCsv('race', { '1.0': 20, '2.0': 20 }));
    assert.deepEqual(byCode(a.findings, 'ancestry-representation-unchecked'), []);
  });
});

describe('a reference is chosen only when most rows carry its vocabulary', () => {
  test('a few population names spelled like gnomAD groups do not make a column gnomAD: no reference, no relabelling', () => {
    // Regional codes of a sample sheet, one of which ("Finnish") is also a gnomAD label.
    const a = lint(groupsCsv('population', { 'R-01': 200, 'R-02': 150, 'R-03': 100, Finnish: 50 }));
    const col = a.ancestry[0];
    assert.equal(col.reference, undefined);
    assert.equal(col.referenceWithheld?.id, 'gnomad-v4');
    assert.equal(col.vocabularyShare, 0.1);
    assert.deepEqual(byCode(a.findings, 'ancestry-label-nonstandard'), []);
    assert.deepEqual(byCode(a.findings, 'ancestry-group-absent'), []);
    const [finding] = byCode(a.findings, 'ancestry-representation-unchecked');
    assert.equal(finding.data.kind, 'minority-vocabulary');
    assert.equal(finding.data.withheldReference, 'gnomad-v4');
    assert.match(fullText(finding), /only 10(\.0)?% of the 500/);
  });

  test('70% OMB labels: no reference chosen, and the message says why', () => {
    const a = lint(groupsCsv('race', { White: 400, Black: 300, 'Region 4': 300 }));
    assert.equal(a.ancestry[0].reference, undefined);
    const [finding] = byCode(a.findings, 'ancestry-representation-unchecked');
    assert.equal(finding.data.vocabularyShare, 0.7);
    assert.deepEqual(byCode(a.findings, 'ancestry-labels-unmapped'), [], 'one finding, not two');
    // 70% is still most of the column: a synonym is still normalised within its own vocabulary.
    assert.deepEqual(byCode(a.findings, 'ancestry-label-nonstandard').map((f) => f.data.canonical), [OMB.black]);
  });

  test('85% OMB labels: the census is chosen and the rest are unmapped labels', () => {
    const a = lint(groupsCsv('race', { White: 500, Black: 350, 'Region 4': 150 }));
    assert.equal(a.ancestry[0].reference?.id, 'us-census-2020');
    assert.deepEqual(byCode(a.findings, 'ancestry-representation-unchecked'), []);
    assert.equal(byCode(a.findings, 'ancestry-labels-unmapped').length, 1);
  });

  test('a reference the policy names is applied whatever the share', () => {
    const a = lint(groupsCsv('race', { White: 400, 'Region 4': 600 }), { policy: policyFrom('ancestry:\n  reference: us-census-2020\n') });
    assert.equal(a.ancestry[0].reference?.id, 'us-census-2020');
    assert.deepEqual(byCode(a.findings, 'ancestry-representation-unchecked'), []);
  });
});

describe('the hover says why no reference applies', () => {
  test('the share of rows in the vocabulary and the threshold', () => {
    const a = lint(groupsCsv('race', { White: 400, Black: 300, 'Region 4': 300 }));
    assert.match(hoverAt(a, a.headerCell(1).start)!, /No reference applies: 70(\.0)?% of the rows with a value carry labels of US OMB race and ethnicity categories, below the 80(\.0)?% needed to choose us-census-2020/);
  });
});
