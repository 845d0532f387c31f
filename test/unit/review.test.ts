// Findings a first-time reviewer found wrong on the real files: identifier values quoted
// in messages, identifier columns read as malformed terms, the same verdict reported once
// per column that groups rows alike (1000 Genomes pop and super_pop), groups called absent
// when the column's labels are in another vocabulary than the reference, and a group-small
// total that did not say what it counts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintDataset, lintDocument, type DatasetAnalysis } from '../../server/src/engine';
import { byCode, fullText, groupsCsv, lint, noPolicy, policyFrom, realdataDir } from './helpers';

const WS = '/virtual/ws';

/** Lints a CSV whose sibling schema exists only in this reader. */
function withSchema(csv: string, schemaJson: unknown): DatasetAnalysis {
  const files: Record<string, string> = { [`${WS}/people.schema.json`]: JSON.stringify(schemaJson) };
  const a = lintDocument(`${WS}/people.csv`, csv, undefined, { policy: noPolicy(), read: (p) => files[p], workspaceRoot: WS });
  assert.equal(a?.kind, 'dataset');
  return a as DatasetAnalysis;
}

describe('schema-data-mismatch quotes no identifier value', () => {
  const csv = ['SSN,CITY,GENDER', '999-23-2392,Waltham,M', '999-58-5407,Wakefield,F', '999-53-1457,Lynn,F', ''].join('\n');
  const schema = {
    fields: [
      { name: 'SSN', type: 'string', constraints: { enum: ['x'] } },
      { name: 'CITY', type: 'string', constraints: { enum: ['Boston'] } },
      { name: 'GENDER', type: 'string', constraints: { enum: ['M'] } },
    ],
  };

  test('an SSN or a city outside the enum is counted, never quoted (message or data)', () => {
    const findings = byCode(withSchema(csv, schema).findings, 'schema-data-mismatch');
    for (const column of ['SSN', 'CITY']) {
      const f = findings.find((x) => x.data.column === column);
      assert.ok(f, `no finding for ${column}`);
      assert.match(fullText(f), /3 of 3 values .* 3 not in its enum \(1 value\)/);
      const seen = fullText(f) + JSON.stringify(f.data);
      for (const value of ['999-23-2392', '999-58-5407', '999-53-1457', 'Waltham', 'Wakefield', 'Lynn']) {
        assert.ok(!seen.includes(value), `${column}: "${value}" reached the finding`);
      }
    }
  });

  test('a non-identifier column still names its out-of-enum values', () => {
    const f = byCode(withSchema(csv, schema).findings, 'schema-data-mismatch').find((x) => x.data.column === 'GENDER')!;
    assert.match(fullText(f), /outside the enum: "F" \(2\)/);
    assert.deepEqual(f.data.outOfEnum, { F: 2 });
  });
});

describe('phenotype-term-invalid leaves identifier columns alone', () => {
  test('sample ids that start with HP or MIM are not malformed terms, and are not quoted', () => {
    const a = lint(['sample,sex,age,diagnosis', 'HP1001,F,30,x', 'HP1002,M,40,y', 'MIM33,F,50,z', ''].join('\n'));
    assert.deepEqual(byCode(a.findings, 'phenotype-term-invalid'), []);
  });

  test('an id-named column of mostly well-formed terms is still checked', () => {
    const a = lint(['disease_id,sex', 'OMIM:240300,F', 'OMIM:240300,M', 'OMIM:12345,F', ''].join('\n'));
    const found = byCode(a.findings, 'phenotype-term-invalid');
    assert.deepEqual(found.map((f) => [f.data.column, f.data.token]), [['disease_id', 'OMIM:12345']]);
  });

  test('a data column of malformed terms is still reported (the rule\'s purpose)', () => {
    const a = lint(['id,diagnosis', 'P1,MONDO_0005148', 'P2,MONDO_0005015', ''].join('\n'));
    assert.equal(byCode(a.findings, 'phenotype-term-invalid').length, 2);
  });
});

/** A 1000 Genomes-style panel: population codes in pop, their super-populations in super_pop. */
function panel(counts: Record<string, [string, number]>): string {
  const lines = ['sample\tpop\tsuper_pop\tgender'];
  let id = 0;
  for (const [pop, [superPop, n]] of Object.entries(counts)) for (let i = 0; i < n; i++) lines.push(`HG${String(++id).padStart(5, '0')}\t${pop}\t${superPop}\tfemale`);
  return lines.join('\n') + '\n';
}

describe('representation verdicts are not repeated for a column that groups rows alike', () => {
  const text = panel({ YRI: ['AFR', 60], GBR: ['EUR', 400], FIN: ['EUR', 100], CHB: ['EAS', 20], PEL: ['AMR', 60] });

  test('pop rolls up into super_pop: each verdict once, on super_pop', () => {
    const a = lint(text, { path: '/virtual/project/panel.tsv' });
    assert.equal(a.ancestry.length, 2, 'both columns are still assessed (their hovers stay)');
    for (const code of ['ancestry-underrepresented', 'ancestry-group-absent', 'ancestry-group-small']) {
      const found = byCode(a.findings, code);
      assert.ok(found.length > 0, `${code}: nothing reported`);
      assert.deepEqual([...new Set(found.map((f) => f.data.column))], ['super_pop'], code);
    }
    assert.deepEqual(byCode(a.findings, 'ancestry-group-small').map((f) => f.data.group), ['EAS']);
  });

  test('a missingness disparity is tested once, not once per column, and Bonferroni counts it once', () => {
    // Sex is missing in every second AFR row and every tenth row of the other groups.
    let n = 0;
    const withGaps = panel({ YRI: ['AFR', 100], GBR: ['EUR', 100], CHB: ['EAS', 100] }).split('\n')
      .map((line, i) => (i === 0 || line === '' ? line : line.includes('\tAFR\t') ? (n++ % 2 === 0 ? line.replace(/female$/, '') : line) : i % 10 === 0 ? line.replace(/female$/, '') : line))
      .join('\n');
    const a = lint(withGaps, { path: '/virtual/project/panel.tsv' });
    const found = byCode(a.findings, 'phenotype-missingness-disparity');
    assert.deepEqual(found.map((f) => [f.data.column, f.data.ancestryColumn, f.data.columnsTested]), [['gender', 'super_pop', 1]]);
  });

  test('two columns with different counts are both reported', () => {
    const a = lint(text.replace(/\tCHB\tEAS\t/, '\tGIH\tEAS\t'), { path: '/virtual/project/panel.tsv' });
    // One EAS row now says GIH (SAS) in pop: the columns no longer agree.
    const columns = new Set(byCode(a.findings, 'ancestry-group-small').map((f) => f.data.column));
    assert.deepEqual([...columns].sort(), ['pop', 'super_pop']);
  });
});

describe('ancestry-group-small says what its total counts', () => {
  test('"of 2 rows with a value" when 22 of 24 rows have no ancestry (HANCESTRO template)', () => {
    const lines = ['ID,EthnicGroup', 'T1,Indigenous American', 'T2,Pacific Islander'];
    for (let i = 3; i <= 24; i++) lines.push(`T${i},`);
    const findings = lint(lines.join('\n') + '\n').findings;
    const small = byCode(findings, 'ancestry-group-small');
    // "Indigenous American" is in no vocabulary: named as unmapped, not reported as a small group.
    assert.equal(small.length, 1);
    assert.match(fullText(small[0]), /Native Hawaiian or Other Pacific Islander has only 1 row in column "EthnicGroup" \(50(\.0)?% of 2 rows with a value\)/);
    assert.deepEqual(byCode(findings, 'ancestry-labels-unmapped').map((f) => f.data.labels), [{ 'Indigenous American': 1 }]);
  });
});

describe('a reference whose groups the column does not use', () => {
  const omb = groupsCsv('race', { Caucasian: 300, AfricanAmerican: 80, Asian: 10, Hispanic: 10 });

  test('OMB labels against gnomAD: one finding that says so, no group called absent or under-represented', () => {
    const a = lint(omb, { policy: policyFrom('ancestry:\n  reference: gnomad-v4\n') });
    const absent = byCode(a.findings, 'ancestry-group-absent');
    assert.equal(absent.length, 1);
    assert.equal(absent[0].data.kind, 'labels-outside-reference');
    assert.equal(absent[0].data.placed, 0);
    assert.equal(absent[0].data.total, 400);
    assert.match(fullText(absent[0]), /none of its 400 rows with a value carries a label of its 10 groups/);
    assert.match(fullText(absent[0]), /"Caucasian" \(300\), "AfricanAmerican" \(80\)/);
    assert.doesNotMatch(fullText(absent[0]), /afr is absent/);
    assert.deepEqual(byCode(a.findings, 'ancestry-underrepresented'), []);
  });

  test('the same labels against the reference they fit keep their per-group findings', () => {
    const a = lint(omb);
    assert.ok(byCode(a.findings, 'ancestry-group-absent').every((f) => f.data.kind === undefined && typeof f.data.group === 'string'));
    assert.ok(byCode(a.findings, 'ancestry-group-absent').length > 0);
    assert.doesNotMatch(fullText(byCode(a.findings, 'ancestry-group-absent')[0]), /outside this reference/);
  });

  test('a few rows outside the reference: no group called absent, the labels named instead', () => {
    const text = groupsCsv('super_pop', { AFR: 60, EUR: 60, EAS: 60, SAS: 60, AMR: 60 });
    const a = lint(text, { policy: policyFrom('ancestry:\n  reference: gnomad-v4\n') });
    // EUR may hold nfe, fin and asj rows: none of them is absent as far as anyone can tell.
    assert.deepEqual(byCode(a.findings, 'ancestry-group-absent'), []);
    const unmapped = byCode(a.findings, 'ancestry-labels-unmapped');
    assert.equal(unmapped.length, 1);
    assert.deepEqual(unmapped[0].data.labels, { EUR: 60 });
    assert.match(fullText(unmapped[0]), /60 rows of 300 with a value in column "super_pop" \(20(\.0)?%\) carry labels not mapped to any group of gnomAD v4 genetic ancestry groups: "EUR" \(60\)/);
    // Once mapped in the policy, the verdicts come back.
    const mapped = lint(text, { policy: policyFrom('ancestry:\n  reference: gnomad-v4\n  labels:\n    EUR: nfe\n') });
    assert.deepEqual(byCode(mapped.findings, 'ancestry-labels-unmapped'), []);
    assert.ok(byCode(mapped.findings, 'ancestry-group-absent').some((f) => f.data.group === 'fin'));
  });
});

describe('real files', () => {
  const file = path.join(realdataDir, 'integrated_call_samples_v3.20130502.ALL.panel');
  test('1000 Genomes panel: EAS and SAS under-represented once each, on super_pop', (t) => {
    if (!existsSync(file)) { t.skip(`realdata file absent: ${file}`); return; }
    const a = lintDataset(file, readFileSync(file, 'utf8'), undefined, noPolicy());
    const under = byCode(a.findings, 'ancestry-underrepresented');
    assert.deepEqual(under.map((f) => `${f.data.column}:${f.data.group}`).sort(), ['super_pop:EAS', 'super_pop:SAS']);
  });

  const diabetic = path.join(realdataDir, 'diabetic_data.csv');
  test('diabetic_data.csv against gnomAD: one finding on race, not ten absent groups', (t) => {
    if (!existsSync(diabetic)) { t.skip(`realdata file absent: ${diabetic}`); return; }
    const a = lintDataset(diabetic, readFileSync(diabetic, 'utf8'), undefined, policyFrom('ancestry:\n  reference: gnomad-v4\n'));
    const absent = byCode(a.findings, 'ancestry-group-absent');
    assert.deepEqual(absent.map((f) => [f.data.kind, f.data.total, f.data.placed]), [['labels-outside-reference', 69668, 0]]);
  });
});
