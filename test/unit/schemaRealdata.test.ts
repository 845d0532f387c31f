// The JCOIN baseline schema (../shared/realdata: jcoin_table-schema-baseline.json and its
// YAML source jcoin_baseline.yaml), as written by others: no crash, positioned findings,
// per-race yes/no fields recognised, the YAML's `$ref` reported, and a dataset checked
// against the JSON schema through a Data Package. Skips, saying so, when the files are absent.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, lintDocument, type DatasetAnalysis, type Finding, type StructuredAnalysis } from '../../server/src/engine';
import { schemaAncestry, schemasIn } from '../../server/src/engine/rules/schema/schemasInDocument';
import { applyEdits, byCode, fullText, noPolicy, realdataDir, tempDir } from './helpers';

type Ctx = { skip(message?: string): void };

function load(t: Ctx, name: string): { file: string; text: string } | undefined {
  const file = path.join(realdataDir, name);
  if (!existsSync(realdataDir)) { t.skip(`realdata folder absent: ${realdataDir}`); return undefined; }
  if (!existsSync(file)) { t.skip(`realdata file absent: ${file}`); return undefined; }
  return { file, text: readFileSync(file, 'utf8') };
}

function lintSchema(file: string, text: string): StructuredAnalysis {
  const a = lintDocument(file, text, undefined, { policy: noPolicy(), read: () => undefined, workspaceRoot: path.dirname(file) });
  assert.equal(a?.kind, 'tableSchema');
  return a as StructuredAnalysis;
}

function lineOf(text: string, f: Finding): string {
  return text.split('\n')[f.range.start.line];
}

const RACE_MEMBERS = [
  ['race_white', 'White'],
  ['race_black', 'Black or African American'],
  ['race_AIAN', 'American Indian or Alaska Native'],
  ['race_hawaiian_OPI', 'Native Hawaiian or Other Pacific Islander'],
  ['race_asian', 'Asian'],
  ['race_other', 'Some Other Race'],
];

describe('jcoin_table-schema-baseline.json', () => {
  test('valid Table Schema: no schema-invalid, no ancestry-field-missing', (t) => {
    const d = load(t, 'jcoin_table-schema-baseline.json'); if (!d) return;
    const a = lintSchema(d.file, d.text);
    assert.deepEqual(byCode(a.findings, 'schema-invalid'), []);
    assert.deepEqual(byCode(a.findings, 'schema-ancestry-field-missing'), []);
  });

  test('the six per-race yes/no fields are one ancestry variable beside the derived "race"', (t) => {
    const d = load(t, 'jcoin_table-schema-baseline.json'); if (!d) return;
    const a = lintSchema(d.file, d.text);
    const ancestry = schemaAncestry(schemasIn(a)[0], noPolicy().policy);
    assert.deepEqual(ancestry.fields.map((f) => f.name), ['race']);
    assert.equal(ancestry.indicators?.vocabulary.id, 'omb');
    assert.deepEqual(ancestry.indicators?.members.map((m) => [m.name, m.group]), RACE_MEMBERS);
  });

  test('without the derived "race" field, the yes/no fields alone still count as the ancestry variable', (t) => {
    const d = load(t, 'jcoin_table-schema-baseline.json'); if (!d) return;
    const value = JSON.parse(d.text) as { fields: { name: string }[] };
    value.fields = value.fields.filter((f) => f.name !== 'race');
    const a = lintSchema(d.file, JSON.stringify(value, null, 4));
    assert.deepEqual(byCode(a.findings, 'schema-ancestry-field-missing'), []);
    const stripped = { ...value, fields: value.fields.filter((f) => !f.name.startsWith('race_')) };
    assert.equal(byCode(lintSchema(d.file, JSON.stringify(stripped, null, 4)).findings, 'schema-ancestry-field-missing').length, 1, 'the rule does fire without them');
  });

  test('"race" enum: "Multiracial" is a nonstandard OMB label ("Some other race" differs only in case), on the race field\'s enum key', (t) => {
    const d = load(t, 'jcoin_table-schema-baseline.json'); if (!d) return;
    const found = byCode(lintSchema(d.file, d.text).findings, 'schema-ancestry-unconstrained');
    assert.equal(found.length, 1);
    assert.equal(found[0].data.field, 'race');
    assert.deepEqual(found[0].data.replacements, [{ value: 'Multiracial', canonical: 'Two or more races' }]);
    assert.match(lineOf(d.text, found[0]), /^\s+"enum": \[$/);
    const before = d.text.split('\n').slice(0, found[0].range.start.line).reverse();
    assert.match(before.find((l) => l.includes('"name"'))!, /"name": "race"/);
  });
});

describe('jcoin_baseline.yaml', () => {
  test('no crash; the $ref field, the $ref missingValues and the primaryKey it hides are reported where they are', (t) => {
    const d = load(t, 'jcoin_baseline.yaml'); if (!d) return;
    const found = byCode(lintSchema(d.file, d.text).findings, 'schema-invalid');
    assert.deepEqual(found.map((f) => [f.data.kind, lineOf(d.text, f).trim()]), [
      ['ref', '- $ref: "#ref/_definitions/jdc_person_id"'],
      ['undeclared-key', '- jdc_person_id'],
      ['ref', '$ref: "#/_definitions/missingValues"'],
    ]);
    assert.equal(found[0].data.resolution, 'malformed');
    assert.equal(found[2].data.resolution, 'dangling');
    assert.match(fullText(found[1]), /1 field is a \$ref that may define it/);
    for (const f of found) assert.equal(f.range.start.line, f.range.end.line, 'one line each');
  });

  test('the race enum fix keeps every other line of the file (comments, folding, quoting)', (t) => {
    const d = load(t, 'jcoin_baseline.yaml'); if (!d) return;
    const a = lintSchema(d.file, d.text);
    const [finding] = byCode(a.findings, 'schema-ancestry-unconstrained');
    assert.equal(finding.data.field, 'race');
    const [fix] = fixesFor(a, finding, noPolicy(), () => undefined);
    const out = applyEdits(d.text, fix.changes[0].edits);
    const before = d.text.split('\n');
    const after = out.split('\n');
    assert.equal(after.length, before.length);
    const changed = before.map((line, i) => [line, after[i]]).filter(([b, x]) => b !== x);
    assert.deepEqual(changed, [['        - Multiracial', '        - Two or more races']]);
    assert.deepEqual(byCode(lintSchema(d.file, out).findings, 'schema-ancestry-unconstrained'), []);
  });
});

describe('a dataset described by the JCOIN schema through a Data Package', () => {
  test('schema-data-mismatch counts per column, honouring the schema\'s missingValues', (t) => {
    const d = load(t, 'jcoin_table-schema-baseline.json'); if (!d) return;
    const dir = tempDir(t);
    copyFileSync(d.file, path.join(dir, 'baseline.schema.json'));
    writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify({ name: 'jcoin', resources: [{ name: 'baseline', path: 'baseline.csv', schema: 'baseline.schema.json' }] }));
    const header = 'jdc_person_id,hub_id,current_study_status,age,race_white,race_black,race,extra';
    const rows = [
      'A123-4567,1,On study,34,Yes,No,White,x',
      'A123-4568,1,Re-incarcerated,Refused,No,Yes,Black or African American,x', // status not in the JSON's 5 values; Refused is a missing value
      'a1234567,2,Completed study,41,Yes,Yes,Multiracial,x', // id pattern
      'A123-4570,Left blank,Unknown,abc,Maybe,No,Asian,x', // "Left blank" is missing and hub_id required; age not an integer; race_white not Yes/No
      'A123-4572,,Unknown,,No,No,Asian,x', // "" is not among this schema's missingValues: not an integer
      'A123-4571,3,Dropped out,Missing,No,No,Missing,x', // "Missing" is a missing value; race is required
    ];
    const text = [header, ...rows].join('\n') + '\n';
    const file = path.join(dir, 'baseline.csv');
    const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
    const a = lintDocument(file, text, undefined, { policy: noPolicy(), read, workspaceRoot: dir }) as DatasetAnalysis;
    const found = byCode(a.findings, 'schema-data-mismatch');
    const values = Object.fromEntries(found.filter((f) => f.data.kind === 'values').map((f) => [f.data.column, [f.data.counts, f.data.lines]]));
    assert.deepEqual(values, {
      jdc_person_id: [{ pattern: 1 }, [4]],
      hub_id: [{ required: 1, type: 1 }, [5, 6]],
      current_study_status: [{ enum: 1 }, [3]],
      age: [{ type: 2 }, [5, 6]],
      race_white: [{ type: 1 }, [5]],
      race: [{ required: 1 }, [7]],
    });
    const absent = found.find((f) => f.data.kind === 'absent-fields');
    assert.equal((absent?.data.fields as string[]).length, 38 - 7);
    assert.deepEqual(found.filter((f) => f.data.kind === 'undeclared').map((f) => f.data.column), ['extra']);
    assert.equal(a.schema?.descriptorPath, path.join(dir, 'datapackage.json'));
  });
});
