// A dataset against its Table Schema: how the schema is found (Data Package resource,
// sibling file, policy map; never outside the workspace) and schema-data-mismatch's
// counts, positions and missing values, in memory and streamed from disk.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, lintDataset, lintDatasetFile, lintDocument, loadPolicy, type DatasetAnalysis, type Finding, type LoadedPolicy } from '../../server/src/engine';
import { readTableSchema } from '../../server/src/engine/schema/readTableSchema';
import { findDatasetSchema, schemaSourcesFor } from '../../server/src/engine/schema/findDatasetSchema';
import { policySchemaPathFindings } from '../../server/src/engine/schema/policySchemaPaths';
import { inferFieldType } from '../../server/src/engine/fixes/schema/declareColumnFix';
import { indicatorView, NONE_MARKED, UNANSWERED } from '../../server/src/engine/ancestry/indicatorView';
import { applyEdits, byCode, fullText, noPolicy, policyFrom, tempDir } from './helpers';

const WS = '/virtual/ws';

function reader(files: Record<string, string>, reads: string[] = []) {
  return (p: string): string | undefined => { reads.push(p); return files[p]; };
}

function lintCsv(file: string, text: string, files: Record<string, string>, policy: LoadedPolicy = noPolicy()): DatasetAnalysis {
  const a = lintDocument(file, text, undefined, { policy, read: reader(files), workspaceRoot: WS });
  assert.equal(a?.kind, 'dataset');
  return a as DatasetAnalysis;
}

function mismatch(a: DatasetAnalysis): Finding[] {
  return byCode(a.findings, 'schema-data-mismatch');
}

const SCHEMA_YAML = [
  '# participants',
  'fields:',
  '  - name: id',
  '    type: string',
  "    constraints: {required: true, pattern: 'P[0-9]{3}'}",
  '  - name: race',
  '    constraints:',
  '      enum: [White, Asian, Black or African American]',
  '  - name: age',
  '    type: integer',
  '    constraints: {minimum: 18, maximum: 90}',
  '  - name: visit',
  '    type: date',
  '  - name: bmi',
  '    type: number',
  "missingValues: ['', NA]",
  '',
].join('\n');

const CSV = [
  'id,race,age,visit,smoker',
  'P001,White,34,2020-01-02,yes',
  'P002,Caucasian,17,2020-13-01,no',
  ',Asian,NA,2020-02-30,no',
  'P0004,Refused,abc,,yes',
  'P005,NA,91,2021-05-05,',
  '',
].join('\n');

describe('findDatasetSchema', () => {
  const empty = noPolicy();

  test('a Data Package resource whose path names the dataset, schema by path, descriptor in a folder above', () => {
    const files = {
      [`${WS}/datapackage.json`]: JSON.stringify({ resources: [{ name: 'other', path: 'data/other.csv', schema: 'nope.json' }, { name: 'p', path: 'data/p.csv', schema: 'schemas/p.schema.yaml' }] }),
      [`${WS}/schemas/p.schema.yaml`]: SCHEMA_YAML,
    };
    const schema = findDatasetSchema(`${WS}/data/p.csv`, empty, reader(files), WS);
    assert.ok(schema);
    assert.equal(schema.path, `${WS}/schemas/p.schema.yaml`);
    assert.equal(schema.descriptorPath, `${WS}/datapackage.json`);
    assert.deepEqual(schema.fields.map((f) => f.name), ['id', 'race', 'age', 'visit', 'bmi']);
    assert.deepEqual(schema.missingValues, ['', 'NA']);
  });

  test('an inline schema (YAML descriptor), chunked paths; the nearest descriptor wins', () => {
    const files = {
      [`${WS}/datapackage.json`]: JSON.stringify({ resources: [{ name: 'far', path: ['data/p.csv'], schema: { fields: [{ name: 'far' }] } }] }),
      [`${WS}/data/datapackage.yaml`]: 'resources:\n  - name: near\n    path: [p.csv]\n    schema:\n      fields:\n        - name: near\n',
    };
    const schema = findDatasetSchema(`${WS}/data/p.csv`, empty, reader(files), WS);
    assert.deepEqual(schema?.fields.map((f) => f.name), ['near']);
    assert.equal(schema?.path, `${WS}/data/datapackage.yaml`);
    assert.deepEqual(schema?.pointer, ['resources', 0, 'schema']);
  });

  test('a Data Package beats a sibling schema, which beats the policy map', () => {
    const policy = policyFrom('schema:\n  data/p.csv: schemas/policy.schema.json\n', `${WS}/cohortlint.yaml`);
    const files: Record<string, string> = {
      [`${WS}/schemas/policy.schema.json`]: '{"fields": [{"name": "from_policy"}]}',
      [`${WS}/data/p.schema.json`]: '{"fields": [{"name": "sibling"}]}',
      [`${WS}/datapackage.json`]: JSON.stringify({ resources: [{ name: 'p', path: 'data/p.csv', schema: { fields: [{ name: 'package' }] } }] }),
    };
    const first = (f: Record<string, string>) => findDatasetSchema(`${WS}/data/p.csv`, policy, reader(f), WS)?.fields[0].name;
    assert.equal(first(files), 'package');
    delete files[`${WS}/datapackage.json`];
    assert.equal(first(files), 'sibling');
    delete files[`${WS}/data/p.schema.json`];
    assert.equal(first(files), 'from_policy');
  });

  test('a schema path outside the workspace is never read; nor is any descriptor above the root', () => {
    const reads: string[] = [];
    const files = {
      [`${WS}/datapackage.json`]: JSON.stringify({ resources: [{ name: 'p', path: 'p.csv', schema: '../secret.schema.json' }] }),
      '/virtual/secret.schema.json': '{"fields": [{"name": "leak"}]}',
      '/virtual/datapackage.json': JSON.stringify({ resources: [{ name: 'p', path: 'ws/p.csv', schema: { fields: [{ name: 'leak' }] } }] }),
    };
    assert.equal(findDatasetSchema(`${WS}/p.csv`, empty, reader(files, reads), WS), undefined);
    assert.deepEqual(reads.filter((p) => !p.startsWith(`${WS}/`)), []);
  });

  test('schemaSourcesFor lists what a change to would re-lint the dataset: descriptors, siblings, the schema', () => {
    const files = {
      [`${WS}/datapackage.json`]: JSON.stringify({ resources: [{ name: 'p', path: 'data/p.csv', schema: 'schemas/p.schema.yaml' }] }),
      [`${WS}/schemas/p.schema.yaml`]: SCHEMA_YAML,
    };
    const sources = schemaSourcesFor(`${WS}/data/p.csv`, empty, reader(files), WS);
    for (const p of [`${WS}/datapackage.json`, `${WS}/data/datapackage.json`, `${WS}/data/p.schema.json`, `${WS}/schemas/p.schema.yaml`]) {
      assert.ok(sources.includes(p), `${p} not in ${sources.join(', ')}`);
    }
  });
});

describe('schema-data-mismatch', () => {
  const files = {
    [`${WS}/datapackage.json`]: JSON.stringify({ resources: [{ name: 'p', path: 'data/p.csv', schema: 'schemas/p.schema.yaml' }] }),
    [`${WS}/schemas/p.schema.yaml`]: SCHEMA_YAML,
  };
  const a = lintCsv(`${WS}/data/p.csv`, CSV, files);
  const byKind = (kind: string) => mismatch(a).filter((f) => f.data.kind === kind);
  const column = (name: string) => mismatch(a).find((f) => f.data.kind === 'values' && f.data.column === name);

  test('a declared field absent from the header: on the header line', () => {
    const [absent] = byKind('absent-fields');
    assert.deepEqual(absent.data.fields, ['bmi']);
    assert.equal(absent.range.start.line, 0);
    assert.equal(absent.severity, 'warning');
    assert.match(fullText(absent), /1 of the 5 fields declared in p\.schema\.yaml is not in the header: "bmi"\./);
  });

  test('an undeclared column: on its header cell', () => {
    const [undeclared] = byKind('undeclared');
    assert.equal(undeclared.data.column, 'smoker');
    assert.deepEqual(undeclared.range, { start: { line: 0, character: 'id,race,age,visit,'.length }, end: { line: 0, character: 'id,race,age,visit,smoker'.length } });
  });

  test('counts by kind and first lines, per column, on its header cell', () => {
    assert.deepEqual(column('id')?.data.counts, { required: 1, pattern: 1 });
    assert.deepEqual(column('id')?.data.lines, [4, 5]);
    assert.deepEqual(column('race')?.data.counts, { enum: 2 });
    assert.deepEqual(column('race')?.data.outOfEnum, { Caucasian: 1, Refused: 1 });
    assert.deepEqual(column('age')?.data.counts, { type: 1, minimum: 1, maximum: 1 });
    assert.deepEqual(column('age')?.data.lines, [3, 5, 6]);
    assert.deepEqual(column('visit')?.data.counts, { type: 2 }, '2020-13-01 and 2020-02-30 are not dates; the empty cell is missing, not required');
    assert.equal(column('age')?.range.start.character, 'id,race,'.length);
    assert.match(column('age')!.detail!, /^Column "age": 3 of 5 values \(60%\) do not fit field "age" of p\.schema\.yaml: 1 not a valid integer, 1 below its minimum 18, 1 above its maximum 90\. First at lines 3, 5, 6\.$/);
  });

  test('the schema\'s missingValues are missing, not violations; a column that fits has no finding', () => {
    // "NA" in age and race is missing (the schema lists it); nothing flagged for it.
    assert.equal(column('age')?.data.cells, 3);
    const clean = lintCsv(`${WS}/data/p.csv`, 'id,race,age,visit\nP001,White,NA,2020-01-02\nP002,NA,,2020-01-03\n', files);
    assert.deepEqual(mismatch(clean).filter((f) => f.data.kind === 'values'), []);
    const strict = { ...files, [`${WS}/schemas/p.schema.yaml`]: SCHEMA_YAML.replace("missingValues: ['', NA]", "missingValues: ['']") };
    const counted = mismatch(lintCsv(`${WS}/data/p.csv`, 'id,race,age,visit\nP001,White,NA,2020-01-02\n', strict));
    assert.deepEqual(counted.filter((f) => f.data.kind === 'values').map((f) => [f.data.column, f.data.counts]), [['age', { type: 1 }]], 'without NA in missingValues, NA is not an integer');
  });

  test('field-level missingValues, boolean trueValues, a primary key is required', () => {
    const schema = JSON.stringify({
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'smoker', type: 'boolean', trueValues: ['Yes'], falseValues: ['No'] },
        { name: 'score', type: 'number', missingValues: ['-9'] },
      ],
      primaryKey: 'id',
    });
    const text = 'id,smoker,score\n1,Yes,1.5\n,No,-9\n3,yes,-1\n';
    const found = mismatch(lintCsv(`${WS}/t.csv`, text, { [`${WS}/t.schema.json`]: schema }));
    assert.deepEqual(found.map((f) => [f.data.column, f.data.counts, f.data.lines]), [
      ['id', { required: 1 }, [3]],
      ['smoker', { type: 1 }, [4]],
    ]);
  });

  test('lengths count code points; patterns are anchored; dates must exist', () => {
    const schema = JSON.stringify({ fields: [
      { name: 'code', type: 'string', constraints: { maxLength: 2, pattern: '[A-Z]+' } },
      { name: 'day', type: 'date' },
    ] });
    const text = 'code,day\nAB,2024-02-29\n\u{1F600}\u{1F600},2023-02-29\nABC,2024-1-05\nxAB,2024-12-31\n';
    const found = mismatch(lintCsv(`${WS}/len.csv`, text, { [`${WS}/len.schema.json`]: schema }));
    assert.deepEqual(found.map((f) => [f.data.column, f.data.counts, f.data.lines]), [
      ['code', { pattern: 2, length: 2 }, [3, 4, 5]], // the two emoji are 2 code points (4 UTF-16 units): not too long
      ['day', { type: 2 }, [3, 4]],
    ]);
  });

  test('editing the schema changes the findings on the next lint', () => {
    const edited = { ...files, [`${WS}/schemas/p.schema.yaml`]: SCHEMA_YAML.replace('{minimum: 18, maximum: 90}', '{minimum: 0, maximum: 120}') };
    const after = mismatch(lintCsv(`${WS}/data/p.csv`, CSV, edited)).find((f) => f.data.column === 'age');
    assert.deepEqual(after?.data.counts, { type: 1 });
  });

  test('a schema of another file: one finding, not one per column', () => {
    const found = mismatch(lintCsv(`${WS}/x.csv`, 'a,b,c\n1,2,3\n', { [`${WS}/x.schema.json`]: '{"fields": [{"name": "p"}, {"name": "q"}]}' }));
    assert.equal(found.length, 1);
    assert.equal(found[0].data.kind, 'no-match');
  });

  test('no schema: no finding', () => {
    assert.deepEqual(mismatch(lintCsv(`${WS}/y.csv`, CSV, {})), []);
  });

  test('positions are capped at five lines; counts are not', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 2 === 0 ? 'x' : i}`);
    const found = mismatch(lintCsv(`${WS}/n.csv`, `n\n${rows.join('\n')}\n`, { [`${WS}/n.schema.json`]: '{"fields": [{"name": "n", "type": "integer"}]}' }));
    assert.equal(found[0].data.cells, 20);
    assert.deepEqual(found[0].data.lines, [2, 4, 6, 8, 10]);
  });

  test('streamed from disk (the CLI path for large files): the same counts', async (t) => {
    const dir = tempDir(t);
    mkdirSync(path.join(dir, 'data'));
    mkdirSync(path.join(dir, 'schemas'));
    writeFileSync(path.join(dir, 'data', 'p.csv'), CSV);
    writeFileSync(path.join(dir, 'schemas', 'p.schema.yaml'), SCHEMA_YAML);
    writeFileSync(path.join(dir, 'datapackage.json'), files[`${WS}/datapackage.json`]);
    const read = (p: string) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } };
    const schema = findDatasetSchema(path.join(dir, 'data', 'p.csv'), noPolicy(), read, dir);
    const streamed = await lintDatasetFile(path.join(dir, 'data', 'p.csv'), undefined, noPolicy(), {}, { schema });
    assert.equal(streamed.table.rows.length, 0, 'streamed: no rows kept');
    const summary = (list: Finding[]) => list.map((f) => [f.data.kind, f.data.column ?? f.data.fields, f.data.counts, f.data.lines]);
    assert.deepEqual(summary(mismatch(streamed)), summary(mismatch(a)));
  });
});

describe('quick fix: declare an undeclared column in the schema', () => {
  test('the field is added to the YAML schema file with the type its values fit, comments kept', () => {
    const files = {
      [`${WS}/datapackage.json`]: JSON.stringify({ resources: [{ name: 'p', path: 'data/p.csv', schema: 'schemas/p.schema.yaml' }] }),
      [`${WS}/schemas/p.schema.yaml`]: SCHEMA_YAML,
    };
    const a = lintCsv(`${WS}/data/p.csv`, 'id,race,age,visit,bmi,visits\nP001,White,34,2020-01-02,22.5,3\n', files);
    const finding = mismatch(a).find((f) => f.data.kind === 'undeclared');
    assert.equal(finding?.data.column, 'visits');
    const fixes = fixesFor(a, finding!, noPolicy(), reader(files));
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].changes[0].path, `${WS}/schemas/p.schema.yaml`);
    const schemaText = applyEdits(SCHEMA_YAML, fixes[0].changes[0].edits);
    assert.match(schemaText, /^# participants\n/);
    assert.match(schemaText, / {2}- name: bmi\n {4}type: number\n {2}- name: visits\n {4}type: integer\nmissingValues/);
    const after = lintCsv(`${WS}/data/p.csv`, 'id,race,age,visit,bmi,visits\nP001,White,34,2020-01-02,22.5,3\n', { ...files, [`${WS}/schemas/p.schema.yaml`]: schemaText });
    assert.deepEqual(mismatch(after), []);
  });

  test('type inference', () => {
    assert.equal(inferFieldType(['1', '-2']), 'integer');
    assert.equal(inferFieldType(['1', '2.5', '1e3']), 'number');
    assert.equal(inferFieldType(['true', 'FALSE']), 'boolean');
    assert.equal(inferFieldType(['2020-01-01']), 'date');
    assert.equal(inferFieldType(['a', '1']), 'string');
    assert.equal(inferFieldType([]), 'string');
  });
});

describe('per-race yes/no columns in data (ancestry/indicatorView)', () => {
  test('a row\'s group is the column marked yes; several yes: Two or more races; none: a missing marker', () => {
    const header = ['id', 'race_white', 'race_black', 'race_asian', 'race_other_specified'];
    const view = indicatorView(header);
    assert.ok(view);
    assert.deepEqual(view.variable.members.map((m) => m.index), [1, 2, 3]);
    assert.equal(view.derive(['1', 'Yes', 'No', 'No', '']), 'White');
    assert.equal(view.derive(['2', 'no', 'YES', '0', 'x']), 'Black or African American');
    assert.equal(view.derive(['3', '1', '1', '0', '']), 'Two or more races');
    assert.equal(view.derive(['4', 'No', 'No', 'No', '']), NONE_MARKED);
    assert.equal(view.derive(['5', 'No', '', 'NA', '']), UNANSWERED);
    assert.equal(indicatorView(['id', 'race', 'age']), undefined);
  });

  test('a schema\'s trueValues, missingValues and titles apply', () => {
    const schema = findDatasetSchema(`${WS}/r.csv`, noPolicy(), reader({
      [`${WS}/r.schema.json`]: JSON.stringify({
        fields: [
          { name: 'd3_white', title: 'Race: White', type: 'boolean', trueValues: ['Checked'], falseValues: ['Unchecked'] },
          { name: 'd3_hawaiian', title: 'Race: Native Hawaiian or Other Pacific Islander', type: 'boolean', trueValues: ['Checked'], falseValues: ['Unchecked'] },
        ],
        missingValues: ['Refused'],
      }),
    }), WS);
    const view = indicatorView(['d3_white', 'd3_hawaiian'], schema);
    assert.ok(view, 'recognised by the fields\' titles');
    assert.equal(view.derive(['Unchecked', 'Checked']), 'Native Hawaiian or Other Pacific Islander');
    assert.equal(view.derive(['Yes', 'Unchecked']), NONE_MARKED, 'only the schema\'s trueValues mean yes');
    assert.equal(view.derive(['Refused', 'Unchecked']), UNANSWERED);
  });
});

describe('the policy\'s schema map (policySchemaPathFindings, for the policy document)', () => {
  test('outside the workspace: reported on the value and never read; missing and invalid files reported; a good one is not', () => {
    const policyPath = `${WS}/cohortlint.yaml`;
    const text = 'schema:\n  a.csv: ../outside.schema.json\n  b.csv: schemas/none.json\n  c.csv: schemas/bad.json\n  d.csv: schemas/good.json\n';
    const schemas = policyFrom(text, policyPath).policy.schemas;
    const reads: string[] = [];
    const files = { [`${WS}/schemas/bad.json`]: '{"title": 1}', [`${WS}/schemas/good.json`]: '{"fields": []}', '/virtual/outside.schema.json': '{"fields": []}' };
    const found = policySchemaPathFindings(policyPath, text, schemas, reader(files, reads), WS);
    assert.deepEqual(found.map((f) => [f.data.dataset, f.data.problem, f.range.start.line, text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)]), [
      ['a.csv', 'outside', 1, '../outside.schema.json'],
      ['b.csv', 'missing', 2, 'schemas/none.json'],
      ['c.csv', 'invalid', 3, 'schemas/bad.json'],
    ]);
    assert.ok(!reads.includes('/virtual/outside.schema.json'));
  });
});

describe('schema bounds and markers without a workspace', () => {
  test('the policy map cannot name a schema outside the policy folder when there is no workspace root', () => {
    const files: Record<string, string> = {
      '/virtual/ws/cohortlint.yaml': 'schema:\n  data.csv: ../elsewhere/x.schema.json\n',
      '/virtual/elsewhere/x.schema.json': '{"fields": [{"name": "id"}]}',
    };
    const read = (p: string) => files[p];
    const loaded = loadPolicy('/virtual/ws/cohortlint.yaml', read);
    let reads = 0;
    const counting = (p: string) => { if (p.startsWith('/virtual/elsewhere')) reads++; return read(p); };
    assert.equal(findDatasetSchema('/virtual/ws/data.csv', loaded, counting, undefined), undefined);
    assert.equal(reads, 0);
  });

  test('a schema without missingValues keeps the clinical markers for profiling', () => {
    const schema = readTableSchema({ fields: [{ name: 'id' }, { name: 'bmi', type: 'number' }] }, '/virtual/ws/data.schema.json')!;
    assert.deepEqual(schema.missingValues, ['']);
    assert.equal(schema.declaredMissingValues, undefined);
    const a = lintDataset('/virtual/ws/data.csv', 'id,bmi\n1,?\n2,?\n3,21\n', 'csv', noPolicy(), {}, { schema });
    const bmi = a.profile.columns.find((c) => c.name === 'bmi')!;
    assert.equal(bmi.missing, 2);
  });
});
