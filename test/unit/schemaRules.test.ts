// Schema documents: schema-invalid on Table Schemas and Data Packages, the ancestry
// rules on schemas (single fields and per-group yes/no fields), and the enum quick fix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, lintDocument, type Finding, type LoadedPolicy, type StructuredAnalysis } from '../../server/src/engine';
import { detectIndicatorVariable } from '../../server/src/engine/ancestry/indicatorColumns';
import { schemaFieldHover } from '../../server/src/engine/schema/schemaHover';
import { applyEdits, byCode, fullText, noPolicy, policyFrom, repoRoot } from './helpers';

const ROOT = '/virtual/project';

function lintSchema(text: string, args: { path?: string; files?: Record<string, string>; policy?: LoadedPolicy; reads?: string[] } = {}): StructuredAnalysis {
  const file = args.path ?? `${ROOT}/data.schema.json`;
  const read = (p: string): string | undefined => { args.reads?.push(p); return args.files?.[p]; };
  const analysis = lintDocument(file, text, undefined, { policy: args.policy ?? noPolicy(), read, workspaceRoot: ROOT });
  assert.ok(analysis && analysis.kind !== 'dataset' && analysis.kind !== 'policy', `not a structured document: ${file}`);
  return analysis as StructuredAnalysis;
}

/** The text a finding's range covers. */
function covered(text: string, f: Finding): string {
  const lines = text.split('\n');
  if (f.range.start.line === f.range.end.line) return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  return lines.slice(f.range.start.line, f.range.end.line + 1).join('\n');
}

function invalid(a: StructuredAnalysis): Finding[] {
  return byCode(a.findings, 'schema-invalid');
}

describe('schema-invalid: Table Schema', () => {
  test('unknown type, with the type other tools call it, on the type value', () => {
    const text = '{"fields": [{"name": "age", "type": "int"}, {"name": "bmi", "type": "double"}, {"name": "x", "type": "colour"}]}';
    const found = invalid(lintSchema(text));
    assert.deepEqual(found.map((f) => [covered(text, f), f.data.kind, f.data.suggestion]), [
      ['"int"', 'unknown-type', 'integer'],
      ['"double"', 'unknown-type', 'number'],
      ['"colour"', 'unknown-type', undefined],
    ]);
    assert.match(found[0].message, /Unknown type "int" for field "age"; did you mean "integer"\?/);
    assert.equal(found[0].severity, 'error');
  });

  test('every Frictionless type (and v2 list) is accepted', () => {
    const types = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any', 'list'];
    const text = JSON.stringify({ fields: types.map((type, i) => ({ name: `f${i}`, type })) });
    assert.deepEqual(invalid(lintSchema(text)), []);
  });

  test('`fields` not an array: one finding on its value', () => {
    const text = '{"fields": {"name": "race"}}';
    const found = invalid(lintSchema(text));
    assert.equal(found.length, 1);
    assert.equal(found[0].data.kind, 'fields-not-array');
    assert.equal(covered(text, found[0]), '{"name": "race"}');
  });

  test('duplicate names: on the second declaration, naming both', () => {
    const text = 'fields:\n  - name: race\n  - name: age\n  - name: race\n';
    const found = invalid(lintSchema(text, { path: `${ROOT}/d.schema.yaml` }));
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 3);
    assert.equal(covered(text, found[0]), 'race');
    assert.match(found[0].message, /declared twice: fields 1 and 3/);
  });

  test('bad constraints: one finding per problem, each on its key or value', () => {
    const text = [
      'fields:',
      '  - name: age',
      '    type: integer',
      '    constraints:',
      '      required: "yes"',
      '      minimum: 90',
      '      maximum: 18',
      '      maxlength: 3',
      '  - name: code',
      '    type: string',
      '    constraints:',
      "      pattern: '[A-Z'",
      '      enum: A',
      '      minLength: -1',
      '      minimum: 3',
      '',
    ].join('\n');
    const found = invalid(lintSchema(text, { path: `${ROOT}/d.schema.yaml` }));
    const summary = found.map((f) => [f.range.start.line, covered(text, f), f.data.kind]);
    assert.deepEqual(summary, [
      [4, '"yes"', 'bad-constraint'],
      [6, '18', 'inverted-bounds'],
      [7, 'maxlength', 'unknown-constraint'],
      [11, "'[A-Z'", 'bad-pattern'],
      [12, 'A', 'bad-enum'],
      [13, '-1', 'bad-constraint'],
      [14, 'minimum', 'bad-constraint'],
    ]);
    assert.match(found[1].message, /minimum 90 above maximum 18, so no value can pass/);
    assert.match(found[2].message, /did you mean "maxLength"\?/);
    assert.match(found[6].message, /does not apply to field "code" of type string/);
  });

  test('enum: empty, duplicated, or not numbers for a numeric field', () => {
    const text = JSON.stringify({ fields: [
      { name: 'a', constraints: { enum: [] } },
      { name: 'b', constraints: { enum: ['x', 'y', 'x'] } },
      { name: 'c', type: 'integer', constraints: { enum: [1, 'two'] } },
    ] });
    assert.deepEqual(invalid(lintSchema(text)).map((f) => f.data.kind), ['bad-enum', 'duplicate-enum', 'enum-type']);
  });

  test('missingValues written as YAML numbers, and a primaryKey that names no field', () => {
    const text = 'fields:\n  - name: id\nmissingValues:\n  - ""\n  - -9\nprimaryKey: person_id\n';
    const found = invalid(lintSchema(text, { path: `${ROOT}/d.schema.yaml` }));
    assert.deepEqual(found.map((f) => [covered(text, f), f.data.kind]), [['-9', 'not-a-string'], ['person_id', 'undeclared-key']]);
    assert.match(fullText(found[0]), /write it as a string \("-9"\)/);
    assert.match(found[1].message, /"person_id", which is not among the 1 declared fields/);
  });

  test('$ref fields and a $ref missingValues are reported, not followed, never a crash', () => {
    const text = JSON.stringify({
      fields: [{ name: 'id' }, { $ref: '#/definitions/race' }, { $ref: 'other.json#/x' }],
      definitions: { race: { name: 'race' } },
      missingValues: { $ref: '#/nowhere' },
    }, null, 2);
    const found = invalid(lintSchema(text));
    assert.deepEqual(found.map((f) => [covered(text, f), f.data.resolution]), [
      ['"#/definitions/race"', 'resolves'],
      ['"other.json#/x"', 'external'],
      ['"#/nowhere"', 'dangling'],
    ]);
  });

  test('a schema that does not parse: exactly one finding', () => {
    const a = lintSchema('{"fields": [ {"name": "race", } ');
    assert.equal(a.findings.length, 1);
    assert.equal(a.findings[0].code, 'schema-invalid');
    assert.match(fullText(a.findings[0]), /Nothing else in this file was checked/);
  });

  test('Table Schema v2: missingValues as {value, label} objects, categories instead of an enum', () => {
    const text = JSON.stringify({ fields: [{ name: 'race', type: 'string', categories: ['White', 'Asian'] }], missingValues: [{ value: '-99', label: 'refused' }, ''] });
    const a = lintSchema(text);
    assert.deepEqual(invalid(a), []);
    assert.deepEqual(byCode(a.findings, 'schema-ancestry-unconstrained'), []);
  });

  test('a valid schema has no schema-invalid findings', () => {
    const text = JSON.stringify({ fields: [{ name: 'id', type: 'string', constraints: { required: true, pattern: 'P[0-9]{3}' } }, { name: 'race', constraints: { enum: ['White', 'Asian'] } }], primaryKey: ['id'], missingValues: ['', 'NA'] });
    assert.deepEqual(invalid(lintSchema(text)), []);
  });
});

describe('schema-invalid: Data Package', () => {
  const pkg = `${ROOT}/datapackage.json`;

  test('resources without a name or data, a schema of the wrong type', () => {
    const text = JSON.stringify({ profile: 'tabular-data-package', resources: [{ path: 'a.csv' }, { name: 'b' }, { name: 'c', path: 'c.csv', schema: 42 }] }, null, 2);
    const found = invalid(lintSchema(text, { path: pkg }));
    assert.deepEqual(found.map((f) => f.data.kind), ['resource-unnamed', 'resource-no-data', 'bad-schema']);
    assert.equal(covered(text, found[2]), '42');
  });

  test('a schema path outside the workspace is reported and never read', () => {
    const reads: string[] = [];
    const text = JSON.stringify({ resources: [{ name: 'a', path: 'a.csv', schema: '../../secret/schema.json' }] }, null, 2);
    const found = invalid(lintSchema(text, { path: pkg, reads }));
    assert.equal(found.length, 1);
    assert.equal(found[0].data.kind, 'schema-outside');
    assert.equal(covered(text, found[0]), '"../../secret/schema.json"');
    assert.ok(!reads.some((p) => p.includes('secret')), `read outside the workspace: ${reads.join(', ')}`);
  });

  test('a missing schema file, one that does not parse, one that is no Table Schema', () => {
    const files = { [`${ROOT}/bad.json`]: '{"fields": [', [`${ROOT}/other.json`]: '{"title": "x"}', [`${ROOT}/good.schema.json`]: '{"fields": [{"name": "id"}]}' };
    const text = JSON.stringify({ resources: [
      { name: 'a', path: 'a.csv', schema: 'nope.json' },
      { name: 'b', path: 'b.csv', schema: 'bad.json' },
      { name: 'c', path: 'c.csv', schema: 'other.json' },
      { name: 'd', path: 'd.csv', schema: 'good.schema.json' },
    ] }, null, 2);
    const found = invalid(lintSchema(text, { path: pkg, files }));
    assert.deepEqual(found.map((f) => [f.data.kind, covered(text, f)]), [
      ['schema-missing', '"nope.json"'],
      ['schema-unparsable', '"bad.json"'],
      ['schema-not-table-schema', '"other.json"'],
    ]);
  });

  test('an inline schema gets the Table Schema checks, named by its resource', () => {
    const text = JSON.stringify({ resources: [{ name: 'people', path: 'p.csv', schema: { fields: [{ name: 'age', type: 'int' }] } }] }, null, 2);
    const found = invalid(lintSchema(text, { path: pkg }));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^Resource "people" schema: Unknown type "int"/);
    assert.equal(covered(text, found[0]), '"int"');
  });

  test('a data path that leaves the workspace', () => {
    const text = JSON.stringify({ resources: [{ name: 'a', path: '../elsewhere/a.csv' }] });
    assert.deepEqual(invalid(lintSchema(text, { path: pkg })).map((f) => f.data.kind), ['path-outside']);
  });
});

describe('ancestry on schemas', () => {
  test('no ancestry field: a warning on the `fields` key with the field count', () => {
    const text = '{\n  "fields": [{"name": "id"}, {"name": "age"}]\n}';
    const found = byCode(lintSchema(text).findings, 'schema-ancestry-field-missing');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(covered(text, found[0]), '"fields"');
    assert.match(fullText(found[0]), /none of its 2 fields is named like ancestry/);
  });

  test('the policy\'s ancestry column counts; one named but absent is said so', () => {
    const text = JSON.stringify({ fields: [{ name: 'id' }, { name: 'cohort_label' }] });
    assert.equal(byCode(lintSchema(text, { policy: policyFrom('ancestry:\n  column: cohort_label\n') }).findings, 'schema-ancestry-field-missing').length, 0);
    const missing = byCode(lintSchema(text, { policy: policyFrom('ancestry:\n  column: super_pop\n') }).findings, 'schema-ancestry-field-missing');
    assert.match(fullText(missing[0]), /the policy names "super_pop" as the ancestry column/);
  });

  test('per-race yes/no fields are one ancestry variable: no field-missing warning', () => {
    const fields = ['race_white', 'race_black', 'race_AIAN', 'race_asian', 'race_other', 'race_other_specified'].map((name) => ({ name, type: name.endsWith('specified') ? 'string' : 'boolean', trueValues: ['Yes'], falseValues: ['No'] }));
    const text = JSON.stringify({ fields: [{ name: 'id' }, ...fields] });
    const a = lintSchema(text);
    assert.deepEqual(byCode(a.findings, 'schema-ancestry-field-missing'), []);
    assert.deepEqual(byCode(a.findings, 'schema-ancestry-unconstrained'), []);
  });

  test('indicator detection: groups by name or title, free-text companions left out', () => {
    const v = detectIndicatorVariable(['id', 'race_white', 'race_black', 'race_hawaiian_OPI', 'race_other_specified', 'race_AI_tribe'], [undefined, 'Race: White', undefined, 'Race: Native Hawaiian or Other Pacific Islander', 'Race: Other specified', undefined]);
    assert.ok(v);
    assert.equal(v.vocabulary.id, 'omb');
    assert.deepEqual(v.members.map((m) => [m.name, m.group]), [
      ['race_white', 'White'],
      ['race_black', 'Black or African American'],
      ['race_hawaiian_OPI', 'Native Hawaiian or Other Pacific Islander'],
    ]);
    assert.equal(detectIndicatorVariable(['race', 'race_concept_id', 'race_source_value']), undefined);
    assert.equal(detectIndicatorVariable(['race_white', 'age']), undefined, 'one column is not a set');
  });

  test('an indicator field typed string without an enum is unconstrained', () => {
    const text = JSON.stringify({ fields: [{ name: 'race_white', type: 'boolean' }, { name: 'race_asian', type: 'string' }] });
    const found = byCode(lintSchema(text).findings, 'schema-ancestry-unconstrained');
    assert.equal(found.length, 1);
    assert.equal(found[0].data.kind, 'indicator-unconstrained');
    assert.equal(found[0].data.group, 'Asian');
    assert.match(fullText(found[0]), /one of 2 per-group yes\/no fields/);
  });

  test('no enum: information on the field name, labels chosen by field name', () => {
    const text = JSON.stringify({ fields: [{ name: 'race' }, { name: 'ethnicity' }, { name: 'super_pop' }, { name: 'race_concept_id', type: 'integer' }] }, null, 2);
    const found = byCode(lintSchema(text).findings, 'schema-ancestry-unconstrained');
    assert.deepEqual(found.map((f) => [covered(text, f), f.severity, f.data.vocabulary, (f.data.labels as string[] | undefined)?.length, f.data.fixable]), [
      ['"race"', 'information', 'omb', 8, true],
      ['"ethnicity"', 'information', 'omb', 2, true],
      ['"super_pop"', 'information', 'continental', 5, true],
      ['"race_concept_id"', 'information', 'omb', undefined, false],
    ]);
    assert.deepEqual(found[1].data.labels, ['Hispanic or Latino', 'Not Hispanic or Latino']);
    assert.match(fullText(found[0]), /Constrain it to the 8 canonical labels of the US OMB/);
  });

  test('a canonical enum passes; synonyms are reported with their canonical labels', () => {
    const ok = JSON.stringify({ fields: [{ name: 'super_pop', constraints: { enum: ['AFR', 'AMR', 'EAS', 'EUR', 'SAS'] } }] });
    assert.deepEqual(byCode(lintSchema(ok).findings, 'schema-ancestry-unconstrained'), []);
    const text = JSON.stringify({ fields: [{ name: 'race', constraints: { enum: ['Caucasian', 'White', 'Black', 'Declined'] } }] });
    const [finding] = byCode(lintSchema(text).findings, 'schema-ancestry-unconstrained');
    assert.equal(finding.data.kind, 'nonstandard-enum');
    assert.deepEqual(finding.data.replacements, [{ value: 'Caucasian', canonical: 'White' }, { value: 'Black', canonical: 'Black or African American' }]);
    assert.deepEqual(finding.data.labels, ['White', 'Black or African American', 'Declined']);
    assert.match(fullText(finding), /uses 2 nonstandard labels .* \(4 values in all\): "Caucasian" \(canonical: "White"\)/);
  });
});

describe('quick fix on a YAML schema with comments', () => {
  const file = path.join(repoRoot, 'test', 'fixtures', 'schema', 'participants.schema.yaml');
  const text = readFileSync(file, 'utf8');
  const comments = text.split('\n').filter((l) => l.includes('#'));

  function applyFix(source: string, field: string): string {
    const a = lintSchema(source, { path: file });
    const finding = byCode(a.findings, 'schema-ancestry-unconstrained').find((f) => f.data.field === field);
    assert.ok(finding, `no finding for ${field}`);
    const fixes = fixesFor(a, finding, noPolicy(), () => undefined);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].changes[0].path, file);
    return applyEdits(source, fixes[0].changes[0].edits);
  }

  test('the fixture has both findings: race (2 synonyms) and ethnicity (no enum)', () => {
    const found = byCode(lintSchema(text, { path: file }).findings, 'schema-ancestry-unconstrained');
    assert.deepEqual(found.map((f) => [f.data.field, f.data.kind]), [['race', 'nonstandard-enum'], ['ethnicity', 'no-enum']]);
  });

  test('both fixes applied in turn: every comment line kept, 4-space layout kept, findings gone', () => {
    const once = applyFix(text, 'race');
    const twice = applyFix(once, 'ethnicity');
    for (const line of comments) {
      const expected = line.replace('- African American', '- Black or African American');
      assert.ok(twice.split('\n').includes(expected), `comment line lost: ${line}\n${twice}`);
    }
    assert.match(twice, /\n {14}- Some Other Race\n/);
    assert.match(twice, /\n {6}type: string\n {6}constraints:\n {10}enum:\n {14}- Hispanic or Latino\n {14}- Not Hispanic or Latino\n/);
    const after = lintSchema(twice, { path: file });
    assert.deepEqual(byCode(after.findings, 'schema-ancestry-unconstrained'), []);
    assert.deepEqual(invalid(after), []);
    // Nothing but the enum lines changed: the lines added, counting repeats.
    const remaining = new Map<string, number>();
    for (const l of text.split('\n')) remaining.set(l, (remaining.get(l) ?? 0) + 1);
    const changed = twice.split('\n').filter((l) => {
      const n = remaining.get(l) ?? 0;
      remaining.set(l, n - 1);
      return n <= 0;
    });
    assert.deepEqual(changed.sort(), [
      '              - Black or African American   # spelled as on the 2019 form',
      '              - Some Other Race',
      '      constraints:',
      '          enum:',
      '              - Hispanic or Latino',
      '              - Not Hispanic or Latino',
    ].sort());
    assert.equal(twice.split('\n').length, text.split('\n').length + 4);
  });
});

describe('hover on a schema field name (schemaFieldHover, registered by the lead in hovers.ts)', () => {
  test('a per-race yes/no field shows the whole set and its groups; an ancestry field its vocabulary', () => {
    const text = JSON.stringify({ fields: [
      { name: 'race_white', type: 'boolean' }, { name: 'race_black', type: 'boolean' }, { name: 'race_asian', type: 'boolean' },
      { name: 'super_pop', constraints: { enum: ['AFR', 'EUR'] } }, { name: 'age', type: 'integer' },
    ] }, null, 2);
    const a = lintSchema(text);
    const at = (name: string) => {
      const line = text.split('\n').findIndex((l) => l.includes(`"name": "${name}"`));
      return { line, character: text.split('\n')[line].indexOf(`"${name}"`) + 2 };
    };
    const black = schemaFieldHover(a, at('race_black'))!;
    assert.match(black, /One of 3 per-group yes\/no fields read together as one ancestry variable \(US OMB/);
    assert.match(black, /\| race_black ◀ \| Black or African American \|/);
    assert.match(black, /\| race_asian \| Asian \|/);
    assert.match(schemaFieldHover(a, at('super_pop'))!, /An ancestry field: its values are read in the 1000 Genomes super-populations \(its enum lists 2 values\)/);
    assert.match(schemaFieldHover(a, at('age'))!, /^\*\*Cohort Lint: field "age"\*\*\n\nType integer; no constraints\.$/);
    assert.equal(schemaFieldHover(a, { line: 0, character: 0 }), undefined);
  });
});
