// Ancestry: which columns, which vocabulary, nonstandard labels, census views and
// which reference applies.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectAncestryColumns, isAncestryHeader } from '../../server/src/engine/ancestry/detectColumns';
import { OMB, detectVocabulary } from '../../server/src/engine/ancestry/vocabularies';
import { byCode, fullText, groupsCsv, lint, policyFrom } from './helpers';

describe('column detection', () => {
  for (const name of ['super_pop', 'Race', 'ETHNICITY', 'genetic_ancestry', 'pop', 'race_concept_id', 'Super Population', 'ancestry_pred', 'race_source_value']) {
    test(`"${name}" is an ancestry header`, () => assert.ok(isAncestryHeader(name)));
  }
  for (const name of ['id', 'sample', 'gender', 'population_density', 'racecar', 'age', 'pop_size']) {
    test(`"${name}" is not`, () => assert.ok(!isAncestryHeader(name)));
  }

  test('detected by header name when the policy names none', () => {
    assert.deepEqual(detectAncestryColumns(['sample', 'pop', 'super_pop', 'gender'], undefined), [1, 2]);
    assert.deepEqual(detectAncestryColumns(['person_id', 'race_concept_id', 'ethnicity_concept_id'], []), [1, 2]);
  });

  test('policy ancestry.column overrides detection (case and separators ignored)', () => {
    assert.deepEqual(detectAncestryColumns(['id', 'race', 'Cohort Label'], ['cohort_label']), [2]);
    const a = lint('id,race,cohort_label\n1,White,EUR\n', { policy: policyFrom('ancestry:\n  column: cohort_label\n') });
    assert.deepEqual(a.ancestry.map((x) => x.column), ['cohort_label']);
  });
});

describe('vocabulary detection', () => {
  const detect = (counts: Record<string, number>) => detectVocabulary(new Map(Object.entries(counts)))?.id;

  test('continental codes, including 1000G population codes', () => {
    assert.equal(detect({ AFR: 10, EUR: 5, SAS: 3 }), 'continental');
    assert.equal(detect({ YRI: 10, GBR: 5, CHB: 3 }), 'continental');
  });
  test('OMB categories and free text', () => {
    assert.equal(detect({ White: 10, 'Black or African American': 5, Asian: 2 }), 'omb');
    assert.equal(detect({ Caucasian: 10, AfricanAmerican: 5, Hispanic: 2, '?': 4 }), 'omb');
  });
  test('gnomAD group codes', () => {
    assert.equal(detect({ nfe: 50, fin: 5, afr: 10, asj: 3 }), 'gnomad');
  });
  test('unknown labels: no vocabulary, no reference', () => {
    assert.equal(detect({ alpha: 10, beta: 5 }), undefined);
    const a = lint(groupsCsv('ancestry', { alpha: 60, beta: 60 }));
    assert.equal(a.ancestry[0].reference, undefined);
    assert.equal(a.ancestry[0].referenceSource, 'none');
    assert.equal(byCode(a.findings, 'ancestry-underrepresented').length, 0);
  });
});

describe('nonstandard labels', () => {
  test('Caucasian -> White and AfricanAmerican -> Black or African American, counted', () => {
    const a = lint(groupsCsv('race', { Caucasian: 60, AfricanAmerican: 55, White: 10 }));
    assert.deepEqual(a.ancestry[0].nonstandard.map((n) => [n.value, n.canonical, n.count]), [
      ['Caucasian', OMB.white, 60],
      ['AfricanAmerican', OMB.black, 55],
    ]);
    const white = a.ancestry[0].groups.find((g) => g.group === OMB.white)!;
    assert.equal(white.count, 70);
    assert.deepEqual(Object.fromEntries(white.values), { Caucasian: 60, White: 10 });
    const findings = byCode(a.findings, 'ancestry-label-nonstandard');
    assert.equal(findings.length, 2);
    assert.match(fullText(findings[0]), /"Caucasian" in column "race" \(60 rows\).*"White"/);
  });

  test('1000G population codes roll up into super-populations and are not flagged', () => {
    const a = lint(groupsCsv('pop', { YRI: 60, GBR: 55, CHB: 70, GIH: 52, PEL: 51 }));
    assert.equal(a.ancestry[0].vocabulary?.id, 'continental');
    assert.deepEqual(a.ancestry[0].nonstandard, []);
    assert.equal(byCode(a.findings, 'ancestry-label-nonstandard').length, 0);
    const counts = Object.fromEntries(a.ancestry[0].groups.map((g) => [g.group, g.count]));
    assert.deepEqual(counts, { EAS: 70, AFR: 60, EUR: 55, SAS: 52, AMR: 51 });
  });

  test('OMOP race concept ids are codes, not flagged; concept 0 is missing', () => {
    const a = lint('person_id,race_concept_id\n1,8527\n2,8516\n3,0\n4,8527\n5,8515\n');
    const x = a.ancestry[0];
    assert.equal(x.vocabulary?.id, 'omb');
    assert.deepEqual(x.nonstandard, []);
    assert.deepEqual(Object.fromEntries(x.groups.filter((g) => g.count > 0).map((g) => [g.group, g.count])), { White: 2, 'Black or African American': 1, Asian: 1 });
    assert.deepEqual(Object.fromEntries(x.missingByMarker), { '0': 1 });
  });

  test('a canonical label in another case or padded with spaces is that label, not nonstandard', () => {
    const a = lint(groupsCsv('super_pop', { afr: 60, EUR: 60, ' SAS ': 60 }));
    assert.deepEqual(a.ancestry[0].nonstandard, []);
    assert.deepEqual(a.ancestry[0].groups.filter((g) => g.count > 0).map((g) => [g.group, g.count]).sort(), [['AFR', 60], ['EUR', 60], ['SAS', 60]]);
    assert.equal(byCode(a.findings, 'ancestry-label-nonstandard').length, 0);
  });
});

function close(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} differs from ${expected} by more than ${tolerance}`);
}

describe('us-census-2020 views', () => {
  test('race-only column: Hispanic is dropped from the reference, shares are race alone', () => {
    const a = lint(groupsCsv('race', { White: 120, 'Black or African American': 30, Asian: 10 }));
    const ref = a.ancestry[0].reference!;
    assert.equal(ref.id, 'us-census-2020');
    assert.match(ref.label, /race alone/);
    assert.equal(ref.shares[OMB.hispanic], undefined);
    assert.equal(ref.shares[OMB.white], 0.616);
    assert.equal(a.ancestry[0].goodnessOfFit?.rescaled, false);
    assert.ok(!a.ancestry[0].groups.some((g) => g.group === OMB.hispanic));
  });

  test('ethnicity-only column: Hispanic 18.7% / Not Hispanic 81.3%', () => {
    const a = lint(groupsCsv('ethnicity', { hispanic: 10, nonhispanic: 90 }));
    const ref = a.ancestry[0].reference!;
    assert.deepEqual(ref.shares, { [OMB.hispanic]: 0.187, [OMB.notHispanic]: 0.813 });
    assert.match(ref.label, /Hispanic origin/);
    const his = a.ancestry[0].groups.find((g) => g.group === OMB.hispanic)!;
    assert.equal(his.count, 10);
    assert.ok(Math.abs(his.ratio! - 0.1 / 0.187) < 1e-12);
    // Race groups are not expected in an ethnicity column.
    assert.equal(byCode(a.findings, 'ancestry-group-absent').length, 0);
  });

  test('combined race and ethnicity column: 2020 Census table P2, not race alone', () => {
    const a = lint(groupsCsv('race_ethnicity', { White: 100, 'Black or African American': 20, 'Hispanic or Latino': 20, Asian: 10 }));
    const ref = a.ancestry[0].reference!;
    assert.equal(ref.design, 'combined');
    assert.match(ref.label, /combined race and ethnicity column .*table P2/);
    // domain.md G: counts of table P2 over their sum, 331,449,281 (python: c[i] / sum(c)).
    close(ref.shares[OMB.hispanic], 0.1872987740769907, 1e-12, 'Hispanic');
    close(ref.shares[OMB.white], 0.5783619334506869, 1e-12, 'White alone, not Hispanic');
    close(ref.shares[OMB.other], 0.0050983154795258105, 1e-12, 'Some Other Race alone, not Hispanic');
    close(Object.values(ref.shares).reduce((x, y) => x + y, 0), 1, 1e-12, 'sum');
    assert.equal(a.ancestry[0].goodnessOfFit?.rescaled, false);
    // Every message names the design it recognised.
    const messages = a.findings.filter((f) => f.code.startsWith('ancestry-') && f.code !== 'ancestry-column-missing');
    assert.ok(messages.length > 0);
    for (const f of messages.filter((x) => x.data.reference)) assert.match(fullText(f), /combined race and ethnicity column/, f.message);
  });

  test('Some Other Race in a combined column is compared with its non-Hispanic share (0.51%), not 8.4%', () => {
    // 10 of 600 (1.7%): under-represented against race alone (8.4%), over against P2 (0.51%).
    const a = lint(groupsCsv('race', { White: 380, 'Black or African American': 80, 'Hispanic or Latino': 110, 'Some Other Race': 10, Asian: 20 }));
    assert.ok(!byCode(a.findings, 'ancestry-underrepresented').some((f) => f.data.group === OMB.other));
    const other = a.ancestry[0].groups.find((g) => g.group === OMB.other)!;
    close(other.ratio!, (10 / 600) / 0.0050983154795258105, 1e-9, 'ratio');
  });
});

describe('reference choice', () => {
  test('continental codes default to the global reference, chosen for the vocabulary', () => {
    const a = lint(groupsCsv('super_pop', { EUR: 100, AFR: 60 }));
    assert.equal(a.ancestry[0].reference?.id, 'global');
    assert.equal(a.ancestry[0].referenceSource, 'vocabulary');
  });

  test('a reference named in the policy wins over the vocabulary default', () => {
    const policy = policyFrom('ancestry:\n  reference: 1000g\n');
    const a = lint(groupsCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, SAS: 60, AMR: 60 }), { policy });
    assert.equal(a.ancestry[0].reference?.id, '1000g');
    assert.equal(a.ancestry[0].referenceSource, 'policy');
    const eas = a.ancestry[0].groups.find((g) => g.group === 'EAS')!;
    assert.ok(Math.abs(eas.referenceShare! - 504 / 2504) < 1e-12);
  });

  test('custom shares from the policy, with synonyms mapped to canonical labels', () => {
    const policy = policyFrom('ancestry:\n  reference:\n    European: 0.6\n    African: 0.4\n');
    const a = lint(groupsCsv('super_pop', { EUR: 90, AFR: 10 }), { policy });
    const ref = a.ancestry[0].reference!;
    assert.equal(ref.id, 'custom');
    assert.deepEqual(ref.shares, { EUR: 0.6, AFR: 0.4 });
    assert.equal(a.ancestry[0].referenceSource, 'policy');
    const under = byCode(a.findings, 'ancestry-underrepresented');
    assert.deepEqual(under.map((f) => f.data.group), ['AFR']);
    assert.equal(under[0].data.reference, 'custom');
  });
});

describe('HANCESTRO', () => {
  test('ontology ids roll up to super-populations without being flagged; its labels are synonyms', () => {
    const text = ['id,ancestry', ...Array.from({ length: 60 }, (_, i) => `${i},HANCESTRO:0005`), '61,HANCESTRO:0009', '62,Latin or Admixed American'].join('\n') + '\n';
    const a = lint(text);
    const groups = Object.fromEntries(a.ancestry[0].groups.map((g) => [g.group, g.count]));
    assert.equal(groups.EUR, 60);
    assert.equal(groups.EAS, 1);
    assert.equal(groups.AMR, 1);
    const flagged = a.ancestry[0].nonstandard.map((n) => n.value);
    assert.deepEqual(flagged, ['Latin or Admixed American']);
  });
});
