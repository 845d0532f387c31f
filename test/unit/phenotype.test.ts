// Phenotype concepts, column roles, missing markers and the phenotype rules on small
// inline datasets. Statistics are checked against scipy.stats.chi2_contingency
// (correction=False), computed with python3 and written here as literals.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, hoverAt, lintDatasetFile, type Finding } from '../../server/src/engine';
import { DEFAULT_MISSING_MARKERS, MissingMarkers } from '../../server/src/engine/missing';
import { columnMarkers } from '../../server/src/engine/columnMarkers';
import { defaultPolicy } from '../../server/src/engine/policy/policy';
import { AGE, DIAGNOSIS, SEX, requirements } from '../../server/src/engine/phenotype/concepts';
import { columnRoles } from '../../server/src/engine/phenotype/columnRoles';
import { isIdentifierColumn } from '../../server/src/engine/phenotype/identifiers';
import { chiSquareIndependence } from '../../server/src/engine/phenotype/independence';
import { applyEdits, byCode, fullText, lint, noPolicy, policyFrom, tempDir } from './helpers';

describe('concepts: header synonyms', () => {
  test('sex', () => {
    for (const h of ['sex', 'Sex', 'GENDER', 'gender_concept_id', 'sex_at_birth', 'SexAtBirth', 'biological sex', 'reported_gender', 'is_female', 'gender_id_condensed']) assert.ok(SEX.matches(h), h);
    for (const h of ['sex_orient_category', 'sexual_orientation', 'essex', 'race', '']) assert.ok(!SEX.matches(h), h);
  });

  test('age', () => {
    for (const h of ['age', 'AGE', 'age_at_diagnosis', 'AgeAtEnrollment', 'age_years', 'age group', 'year_of_birth', 'yearOfBirth', 'birth_date', 'BIRTHDATE', 'dob', 'date_of_birth', 'birth_datetime', 'patient_age']) assert.ok(AGE.matches(h), h);
    for (const h of ['agent', 'ageing', 'stage', 'page', 'average', 'DEATHDATE']) assert.ok(!AGE.matches(h), h);
  });

  test('diagnosis', () => {
    for (const h of ['diagnosis', 'diag_1', 'DIAG', 'dx', 'icd10_code', 'ICD9', 'condition', 'condition_concept_id', 'disease', 'phenotype', 'hpo_terms', 'HPO', 'mondo_id', 'omim', 'primary_diagnosis', 'affection_status']) assert.ok(DIAGNOSIS.matches(h), h);
    for (const h of ['number_diagnoses', 'conditional', 'medical_specialty', 'admission_type_id']) assert.ok(!DIAGNOSIS.matches(h), h);
  });

  test('phenotype.required: concept names (any case) or column names', () => {
    const r = requirements(['Sex', 'bmi', 'smoking_status']);
    assert.deepEqual(r.map((x) => [x.name, x.kind]), [['Sex', 'concept'], ['bmi', 'concept'], ['smoking_status', 'column']]);
    assert.ok(r[0].matches('gender'));
    assert.ok(r[1].matches('body_mass_index'));
    assert.ok(r[2].matches('Smoking Status') && !r[2].matches('smoking'));
    assert.deepEqual(requirements(undefined).map((x) => x.name), ['sex', 'age', 'diagnosis']);
  });
});

describe('identifier columns', () => {
  test('identifiers by name', () => {
    for (const h of ['id', 'Id', 'sample', 'sample_id', 'SampleID', 'patient_nbr', 'encounter_id', 'person_id', 'IID', 'FID', 'mrn', 'SSN', 'FIRST', 'LAST', 'MAIDEN', 'name', 'email', 'home_phone', 'ADDRESS', 'CITY', 'COUNTY', 'ZIP', 'LAT', 'LON', 'PASSPORT', 'DRIVERS', 'subjectId', 'condition_occurrence_id']) assert.ok(isIdentifierColumn(h), h);
  });

  test('data columns are not identifiers; OMOP concept ids are coded values', () => {
    for (const h of ['gender_concept_id', 'race_concept_id', 'age', 'diag_1', 'weight', 'lipid', 'covid', 'thyroid_status', 'drug_name_count', 'STATE', 'paid']) assert.ok(!isIdentifierColumn(h), h);
  });
});

describe('column roles', () => {
  const header = ['Id', 'BIRTHDATE', 'SSN', 'RACE', 'GENDER', 'consent_status', 'duo_code', 'bmi', 'DEATHDATE', 'notes'];
  const ancestry = [3];

  test('default: every column that is not identifier, ancestry or consent; death date has no missing share', () => {
    const roles = columnRoles(header, defaultPolicy(), ancestry);
    assert.deepEqual(roles.phenotype.map((i) => header[i]), ['BIRTHDATE', 'GENDER', 'bmi', 'DEATHDATE', 'notes']);
    assert.deepEqual(roles.missingness.map((i) => header[i]), ['BIRTHDATE', 'GENDER', 'bmi', 'notes']);
    assert.deepEqual([...roles.identifier].map((i) => header[i]), ['Id', 'SSN']);
    assert.deepEqual([...roles.consent].map((i) => header[i]), ['consent_status', 'duo_code']);
    assert.deepEqual(roles.required.map((r) => [r.requirement.name, r.columns.map((i) => header[i])]), [['sex', ['GENDER']], ['age', ['BIRTHDATE']], ['diagnosis', []]]);
  });

  test('phenotype.columns: those plus the required concepts\' columns; listing a death date counts its missing share', () => {
    const policy = defaultPolicy();
    policy.phenotype.columns = ['BMI', 'deathdate'];
    const roles = columnRoles(header, policy, ancestry);
    assert.deepEqual(roles.phenotype.map((i) => header[i]), ['BIRTHDATE', 'GENDER', 'bmi', 'DEATHDATE']);
    assert.deepEqual(roles.missingness.map((i) => header[i]), ['BIRTHDATE', 'GENDER', 'bmi', 'DEATHDATE']);
  });
});

describe('missing markers', () => {
  test('defaults from domain.md C: pandas defaults (not None), VCF, All of Us, conventions', () => {
    const m = new MissingMarkers(DEFAULT_MISSING_MARKERS);
    for (const v of ['', '  ', 'NA', 'n/a', 'NaN', '-nan', 'NULL', '#N/A', '#N/A N/A', '1.#IND', '-1.#QNAN', '?', '.', './.', 'unknown', 'UNK', 'PMI_Skip', 'PMI_PreferNotToAnswer', 'PMI_Unanswered', 'UNSET', 'UNMAPPED', ' NA ']) assert.notEqual(m.match(v), undefined, JSON.stringify(v));
    for (const v of ['None', '0', '-9', '-1', '1', '1.5', '100', '12345678', 'Nat', 'nan1', 'NAS', '-1.5', 'PMI_Skipped']) assert.equal(m.match(v), undefined, JSON.stringify(v));
    assert.equal(m.match(''), '(empty)');
    assert.equal(m.match('NA  '), 'NA  ', 'trailing spaces still match, reported as written');
  });

  test('numeric sentinels only where the policy enables them; concept 0 in *_concept_id columns', () => {
    const header = ['bmi', 'gender_concept_id'];
    const off = columnMarkers(header, defaultPolicy(), []);
    assert.equal(off[0].match('-9'), undefined);
    assert.equal(off[1].match('0'), '0');
    const on = defaultPolicy();
    on.phenotype.numericSentinels = true;
    const withSentinels = columnMarkers(header, on, []);
    for (const v of ['-9', '-1', '-3']) assert.equal(withSentinels[0].match(v), v);
    assert.equal(withSentinels[0].match('-99'), undefined);
    const listed = defaultPolicy();
    listed.phenotype.numericSentinels = ['-99', '9999'];
    assert.equal(columnMarkers(header, listed, [])[0].match('9999'), '9999');
    assert.equal(columnMarkers(header, listed, [])[0].match('-9'), undefined);
  });
});

describe('chi-square test of independence (scipy chi2_contingency, correction=False)', () => {
  const cases: [number[][], number, number, number, number][] = [
    // table, statistic, p, df, smallest expected count
    [[[10, 90], [25, 75], [5, 45]], 10.044642857142856, 0.006589212554546629, 2, 8],
    [[[12, 38], [30, 20]], 13.300492610837438, 0.0002653363948209613, 1, 21],
    [[[20, 180], [31, 169], [18, 182], [27, 173]], 5.208333333333333, 0.1571623237577201, 3, 24],
    [[[0, 60], [6, 54]], 6.315789473684211, 0.0119667451574363, 1, 3],
    [[[60, 140], [12, 88], [20, 180]], 30.051150895140665, 2.981779301536874e-07, 2, 18.4],
  ];
  for (const [table, statistic, p, df, minExpected] of cases) {
    test(JSON.stringify(table), () => {
      const r = chiSquareIndependence(table)!;
      assert.ok(Math.abs(r.statistic - statistic) < 1e-9, `${r.statistic} vs ${statistic}`);
      assert.ok(Math.abs(r.pValue - p) / p < 1e-6, `${r.pValue} vs ${p}`);
      assert.equal(r.df, df);
      assert.ok(Math.abs(r.minExpected - minExpected) < 1e-9);
    });
  }

  test('undefined when a margin is zero or the table is too small', () => {
    assert.equal(chiSquareIndependence([[0, 10], [0, 20]]), undefined);
    assert.equal(chiSquareIndependence([[5, 10]]), undefined);
  });
});

/**
 * A cohort with known missingness per group. Per group: rows, and missing counts of bmi,
 * weight, height and smoking (the first k rows of the group are missing). bmi writes
 * missing as NA in even rows and empty in odd ones.
 */
const GROUPS: [string, number, Record<string, number>][] = [
  ['Black or African American', 200, { bmi: 60, weight: 22, height: 20, smoking: 37 }],
  ['Asian', 100, { bmi: 12, weight: 25, height: 10, smoking: 10 }],
  ['White', 200, { bmi: 20, weight: 20, height: 20, smoking: 20 }],
  ['Native Hawaiian or Other Pacific Islander', 10, { bmi: 10, weight: 0, height: 0, smoking: 0 }],
];

function cohortCsv(): string {
  const lines = ['participant_id,race,sex,age,diagnosis,bmi,weight,height,smoking'];
  let id = 1;
  for (const [group, n, missing] of GROUPS) {
    for (let j = 0; j < n; j++) {
      const bmi = j < missing.bmi ? (j % 2 === 0 ? 'NA' : '') : '24.1';
      const weight = j < missing.weight ? '?' : '70';
      const height = j < missing.height ? '?' : '170';
      const smoking = j < missing.smoking ? '?' : 'never';
      lines.push(`P${id++},${group},F,50,MONDO:0005148,${bmi},${weight},${height},${smoking}`);
    }
  }
  // Rows without an ancestry value belong to no group.
  for (let j = 0; j < 5; j++) lines.push(`P${id++},Unknown,M,40,MONDO:0005148,NA,?,?,?`);
  return lines.join('\n') + '\n';
}

describe('phenotype-missingness-disparity', () => {
  const text = cohortCsv();
  const a = lint(text);
  const findings = byCode(a.findings, 'phenotype-missingness-disparity');
  const of = (column: string): Finding | undefined => findings.find((f) => f.data.column === column);

  test('bmi and weight reported; smoking (significant only before Bonferroni) and height (equal shares) not', () => {
    assert.deepEqual(findings.map((f) => f.data.column).sort(), ['bmi', 'weight']);
    assert.equal(of('bmi')!.data.columnsTested, 4, 'bmi, weight, height, smoking are tested; sex, age, diagnosis have nothing missing');
    assert.equal(of('bmi')!.data.threshold, 0.05 / 4);
  });

  test('bmi: numbers match the table built independently and scipy', () => {
    const d = of('bmi')!.data as any;
    assert.deepEqual(d.groups.map((g: any) => [g.group, g.rows, g.missing, g.small]), [
      ['Native Hawaiian or Other Pacific Islander', 10, 10, true],
      ['Black or African American', 200, 60, false],
      ['Asian', 100, 12, false],
      ['White', 200, 20, false],
    ]);
    assert.deepEqual(d.worst, { group: 'Black or African American', rows: 200, missing: 60, share: 0.3 });
    assert.deepEqual(d.best, { group: 'White', rows: 200, missing: 20, share: 0.1 });
    assert.ok(Math.abs(d.ratio - 3) < 1e-12);
    assert.ok(Math.abs(d.statistic - 30.051150895140665) < 1e-9);
    assert.equal(d.df, 2);
    assert.ok(Math.abs(d.pValue - 2.981779301536874e-07) / 2.981779301536874e-07 < 1e-6);
    const m = fullText(of('bmi')!);
    assert.match(m, /highest Black or African American 30% \(60 of 200\), lowest White 10% \(20 of 200\), ratio 3 ≥ 1\.25/);
    assert.match(m, /χ² = 30\.1, df = 2, p = 2\.98e-7, below the Bonferroni threshold 0\.05\/4 = 0\.0125 \(4 columns tested\)/);
    assert.match(m, /Left out, fewer than 50 rows: Native Hawaiian or Other Pacific Islander \(10\)/);
  });

  test('the finding sits on the column header cell', () => {
    const f = of('weight')!;
    const header = text.split('\n')[0];
    assert.equal(f.range.start.line, 0);
    assert.equal(header.slice(f.range.start.character, f.range.end.character), 'weight');
  });

  test('smoking alone is tested once, so p = 0.024 is significant and it is reported', () => {
    const only = lint(text, { policy: policyFrom('phenotype:\n  columns: [smoking]\n  required: []\n') });
    const f = byCode(only.findings, 'phenotype-missingness-disparity');
    assert.deepEqual(f.map((x) => x.data.column), ['smoking']);
    assert.ok(Math.abs((f[0].data.pValue as number) - 0.023857610975844493) < 1e-9);
    assert.equal(f[0].data.columnsTested, 1);
  });

  test('maxDisparityRatio: a higher bar drops weight (ratio 2.5) but keeps bmi (3.0)', () => {
    const strict = lint(text, { policy: policyFrom('phenotype:\n  maxDisparityRatio: 2.8\n') });
    assert.deepEqual(byCode(strict.findings, 'phenotype-missingness-disparity').map((f) => f.data.column), ['bmi']);
  });

  test('a group with no missing value gives an infinite ratio, said in words', () => {
    const lines = ['id,race,sex,age,diagnosis,bmi'];
    for (let j = 0; j < 100; j++) lines.push(`${j},White,F,50,x,${j < 30 ? '' : '22'}`);
    for (let j = 0; j < 100; j++) lines.push(`${100 + j},Asian,F,50,x,22`);
    const f = byCode(lint(lines.join('\n')).findings, 'phenotype-missingness-disparity');
    assert.equal(f.length, 1);
    assert.equal(f[0].data.ratio, null);
    assert.equal(f[0].data.ratioInfinite, true);
    assert.match(fullText(f[0]), /ratio infinite \(Asian has no missing value\)/);
  });

  test('no ancestry column, or only groups that are too small: nothing reported', () => {
    assert.equal(byCode(lint('id,sex,age,diagnosis,bmi\n1,F,3,x,\n2,M,4,x,1\n').findings, 'phenotype-missingness-disparity').length, 0);
    const lines = ['id,race,sex,age,diagnosis,bmi'];
    for (let j = 0; j < 40; j++) lines.push(`${j},${j % 2 ? 'White' : 'Asian'},F,50,x,${j % 2 ? '' : '22'}`);
    assert.equal(byCode(lint(lines.join('\n')).findings, 'phenotype-missingness-disparity').length, 0);
  });

  test('hover on the bmi header: the group × missing-share table and the verdict', () => {
    const header = text.split('\n')[0];
    const hover = hoverAt(a, { line: 0, character: header.indexOf('bmi') + 1 })!;
    assert.match(hover, /missing values in "bmi"/);
    assert.match(hover, /107 of 515 missing \(20\.8%; phenotype\.maxMissing 20%\): "NA" 56, \(empty\) 51\./);
    assert.match(hover, /\| Black or African American ▲ highest \| 200 \| 60 \| 30% \|/);
    assert.match(hover, /\| White ▼ lowest \| 200 \| 20 \| 10% \|/);
    assert.match(hover, /Native Hawaiian or Other Pacific Islander \(too few rows: not tested\) \| 10 \| 10 \| 100% \|/);
    assert.match(hover, /χ² = 30\.1, df = 2/);
    assert.match(hover, /reported\*\* as phenotype-missingness-disparity/);
    const smoking = hoverAt(a, { line: 0, character: header.indexOf('smoking') + 2 })!;
    assert.match(smoking, /Verdict: not reported/);
    assert.equal(hoverAt(a, { line: 0, character: header.indexOf('sex') + 1 }), undefined, 'nothing missing, no section');
  });

  test('hover without an ancestry column: the count and markers only; groups too small: said so', () => {
    const plain = lint('id,sex,age,diagnosis,bmi\n1,F,3,x,NA\n2,M,4,x,?\n3,F,5,x,20\n');
    const h = hoverAt(plain, { line: 0, character: 'id,sex,age,diagnosis,b'.length })!;
    assert.match(h, /2 of 3 missing \(66\.7%; phenotype\.maxMissing 20%\): "\?" 1, "NA" 1\./);
    assert.doesNotMatch(h, /\| group \|/);
    const small = lint('id,race,sex,age,diagnosis,bmi\n1,White,F,3,x,NA\n2,Asian,M,4,x,1\n');
    assert.match(hoverAt(small, { line: 0, character: 'id,race,sex,age,diagnosis,b'.length })!, /Not tested: fewer than 2 groups large enough \(at least 50 rows each, ancestry\.minCount\)\./);
  });
});

describe('phenotype-values-missing', () => {
  const text = cohortCsv();
  const a = lint(text);

  test('bmi: 107 of 515 (20.8%) reported on its header with its markers; maxMissing 0.25 lets it pass', () => {
    const f = byCode(a.findings, 'phenotype-values-missing');
    assert.deepEqual(f.map((x) => x.data.column), ['bmi']);
    const bmi = f[0];
    assert.deepEqual(bmi.data.markers, { NA: 56, '(empty)': 51 });
    assert.equal(bmi.data.missing, 107);
    assert.equal(bmi.data.total, 515);
    assert.equal(bmi.data.maxMissing, 0.2);
    assert.match(fullText(bmi), /107 of 515 values missing in column "bmi" \(20\.8%\), above the maximum of 20% \(phenotype\.maxMissing\)\. Missing markers: "NA" 56, \(empty\) 51\./);
    const header = text.split('\n')[0];
    assert.equal(header.slice(bmi.range.start.character, bmi.range.end.character), 'bmi');
    assert.equal(byCode(lint(text, { policy: policyFrom('phenotype:\n  maxMissing: 0.25\n') }).findings, 'phenotype-values-missing').length, 0);
  });

  test('identifier columns are never reported, however empty', () => {
    const t = 'patient_id,email,sex,age,diagnosis\n,,F,3,x\n,,M,4,y\n';
    const f = byCode(lint(t).findings, 'phenotype-values-missing');
    assert.deepEqual(f.map((x) => x.data.column), []);
  });
});

// Per-case findings and fix outputs: test/unit/rules/phenotype-field-missing.test.ts.
describe('phenotype-field-missing and its add-column fix', () => {
  test('large tables: the edits merge into one, and the table stays rectangular', () => {
    const lines = ['id,sex,age'];
    for (let i = 0; i < 2500; i++) lines.push(`${i},F,${i % 90}`);
    const big = lines.join('\n') + '\n';
    const a = lint(big);
    const fix = fixesFor(a, byCode(a.findings, 'phenotype-field-missing')[0], noPolicy(), () => undefined)[0];
    assert.equal(fix.changes[0].edits.length, 1);
    const fixed = applyEdits(big, fix.changes[0].edits).split('\n').filter((l) => l.length > 0);
    assert.equal(fixed[0], 'id,sex,age,diagnosis');
    assert.ok(fixed.every((l) => l.split(',').length === 4));
  });

  test('a header with no rows is left to table-malformed', () => {
    assert.equal(byCode(lint('id,notes\n').findings, 'phenotype-field-missing').length, 0);
  });
});

describe('missing-marker-mixed and its fix', () => {
  const text = 'id,sex,age,diagnosis,bmi,smoking\n1,F,50,x,NA,never\n2,M,?,x,,\n3,F,40,x,N/A,former\n4,M,NA,x,23.5,"NA"\n5,F,41,x,NA,\n';

  test('bmi (NA, N/A, empty) and age (?, NA) reported; smoking (empty, NA) too; markers with counts', () => {
    const f = byCode(lint(text).findings, 'missing-marker-mixed');
    assert.deepEqual(f.map((x) => [x.data.column, x.data.markers]), [
      ['age', { '?': 1, NA: 1 }],
      ['bmi', { NA: 2, '(empty)': 1, 'N/A': 1 }],
      ['smoking', { '(empty)': 2, NA: 1 }],
    ]);
    assert.equal(f[0].severity, 'information');
    assert.match(fullText(f[1]), /writes missing values 3 ways: "NA" 2, \(empty\) 1, "N\/A" 1 \(4 missing in all\)/);
  });

  test('the fix writes every marker of that column as an empty cell; other columns untouched', () => {
    const a = lint(text);
    const bmi = byCode(a.findings, 'missing-marker-mixed').find((f) => f.data.column === 'bmi')!;
    const fixes = fixesFor(a, bmi, noPolicy(), () => undefined);
    assert.equal(fixes.length, 1);
    assert.match(fixes[0].title, /column "bmi" as an empty cell \(3 cells\)/);
    const fixed = applyEdits(text, fixes[0].changes[0].edits);
    assert.equal(fixed, 'id,sex,age,diagnosis,bmi,smoking\n1,F,50,x,,never\n2,M,?,x,,\n3,F,40,x,,former\n4,M,NA,x,23.5,"NA"\n5,F,41,x,,\n');
    assert.equal(byCode(lint(fixed).findings, 'missing-marker-mixed').filter((f) => f.data.column === 'bmi').length, 0);
  });

  test('phenotype.missingValue: NA written instead (a cell already reading NA is left as it is)', () => {
    const policy = policyFrom('phenotype:\n  missingValue: NA\n');
    const a = lint(text, { policy });
    const smoking = byCode(a.findings, 'missing-marker-mixed').find((f) => f.data.column === 'smoking')!;
    const fixed = applyEdits(text, fixesFor(a, smoking, policy, () => undefined)[0].changes[0].edits);
    assert.equal(fixed, 'id,sex,age,diagnosis,bmi,smoking\n1,F,50,x,NA,never\n2,M,?,x,,NA\n3,F,40,x,N/A,former\n4,M,NA,x,23.5,"NA"\n5,F,41,x,NA,NA\n');
  });

  test('above 1000 cells the edits merge into one', () => {
    const lines = ['id,sex,age,diagnosis,bmi'];
    for (let i = 0; i < 3000; i++) lines.push(`${i},F,50,x,${i % 3 === 0 ? 'NA' : i % 3 === 1 ? '?' : '22'}`);
    const big = lines.join('\n') + '\n';
    const a = lint(big);
    const f = byCode(a.findings, 'missing-marker-mixed')[0];
    const fix = fixesFor(a, f, noPolicy(), () => undefined)[0];
    assert.equal(fix.changes[0].edits.length, 1);
    const fixed = applyEdits(big, fix.changes[0].edits);
    assert.equal(fixed.split('\n').filter((l) => l.endsWith(',')).length, 2000);
    assert.equal(byCode(lint(fixed).findings, 'missing-marker-mixed').length, 0);
  });
});

describe('phenotype-term-invalid', () => {
  const text = [
    'id,hpo_terms,phenotype,notes,sex,age',
    '1,HP:0001250,MONDO:0005148,fine,F,3',
    '2,HP:123,OMIM:24030,see HP:1 later,M,4',
    '3,"hp:0001250;HP:0004322",MONDO:0005148,x,F,5',
    '4,HP_0001250,MONDO:0005148,x,F,5',
    '5,Seizure,,x,F,5',
    '6,0001250,MONDO:0005148,x,M,5',
  ].join('\n') + '\n';
  const a = lint(text);
  const f = byCode(a.findings, 'phenotype-term-invalid');
  const lines = text.split('\n');

  test('each malformed id at its cell, with a suggestion; labels and free-text columns ignored', () => {
    assert.deepEqual(f.map((x) => [x.range.start.line, lines[x.range.start.line].slice(x.range.start.character, x.range.end.character), x.data.token, x.data.suggestion ?? null]), [
      [2, 'HP:123', 'HP:123', 'HP:0000123'],
      [2, 'OMIM:24030', 'OMIM:24030', 'OMIM:024030'],
      [3, '"hp:0001250;HP:0004322"', 'hp:0001250', 'HP:0001250'],
      [4, 'HP_0001250', 'HP_0001250', 'HP:0001250'],
      [6, '0001250', '0001250', 'HP:0001250'],
    ]);
    assert.match(fullText(f[0]), /"HP:123" in column "hpo_terms" \(line 3\) is not a well-formed HPO id: HP: followed by 7 digits, e\.g\. HP:0001250; did you mean HP:0000123\? 5 malformed term ids in this file\./);
  });

  test('capped at 100 marked cells per file, the total in every message', () => {
    const rows = ['id,hpo'];
    for (let i = 0; i < 150; i++) rows.push(`${i},HP:${i}`);
    const many = byCode(lint(rows.join('\n')).findings, 'phenotype-term-invalid');
    assert.equal(many.length, 100);
    assert.match(fullText(many[0]), /150 malformed term ids in this file; the first 100 are marked\./);
    assert.equal(many[99].range.start.line, 100);
  });

  test('a streamed file (the CLI on large files) reports the same ids by line', async (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'terms.csv');
    writeFileSync(file, text);
    const streamed = byCode((await lintDatasetFile(file, undefined, noPolicy())).findings, 'phenotype-term-invalid');
    assert.deepEqual(streamed.map((x) => [x.range.start.line, x.data.token]), f.map((x) => [x.range.start.line, x.data.token]));
  });
});

describe('streamed and in-memory analyses agree', () => {
  test('values-missing, disparity and marker-mixed findings match', async (t) => {
    const text = cohortCsv();
    const dir = tempDir(t);
    const file = path.join(dir, 'cohort.csv');
    writeFileSync(file, text);
    const policy = policyFrom('phenotype:\n  maxMissing: 0.1\n');
    const codes = ['phenotype-values-missing', 'phenotype-missingness-disparity', 'missing-marker-mixed', 'phenotype-field-missing'];
    const pick = (findings: Finding[]) => findings.filter((x) => codes.includes(x.code)).map((x) => [x.code, fullText(x)]);
    const streamed = await lintDatasetFile(file, undefined, policy);
    assert.deepEqual(pick(streamed.findings), pick(lint(text, { policy }).findings));
    assert.ok(pick(streamed.findings).length >= 4);
  });
});
