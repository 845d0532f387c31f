// Format-preserving edits (structured/edits.ts): only the text that must change is
// touched, so comments, indentation, quoting and line endings elsewhere survive.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { addSchemaField, appendToArray, setFieldEnum, setValue } from '../../server/src/engine/structured/edits';
import { parseStructured } from '../../server/src/engine/structured/structuredDocument';
import { applyEdits, repoRoot } from './helpers';

/** Applies the edits and checks the result parses to `expected` (as plain data). */
function edit(file: string, text: string, make: (doc: ReturnType<typeof parseStructured>) => ReturnType<typeof setValue>): { out: string; value: unknown } {
  const edits = make(parseStructured(file, text));
  const out = applyEdits(text, edits);
  const reparsed = parseStructured(file, out);
  assert.deepEqual(reparsed.parseErrors, [], `edited text does not parse:\n${out}`);
  return { out, value: JSON.parse(JSON.stringify(reparsed.value)) as unknown };
}

/** Every line of `before` that is not in `changed` is still in `after`, in order. */
function keepsLines(before: string, after: string, changed: (line: string) => boolean = () => false): void {
  const rest = after.split(/\r?\n/);
  let at = 0;
  for (const line of before.split(/\r?\n/)) {
    if (changed(line)) continue;
    const found = rest.indexOf(line, at);
    assert.ok(found >= 0, `line lost or moved: ${JSON.stringify(line)}\n--- after ---\n${after}`);
    at = found + 1;
  }
}

const fixture = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'schema', 'participants.schema.yaml'), 'utf8');

describe('YAML: comments, indentation and quoting survive', () => {
  test('addSchemaField appends a field in the file\'s 4-space style, every line kept', () => {
    const { out, value } = edit('p.schema.yaml', fixture, (doc) => addSchemaField(doc, [], { name: 'sex', type: 'string', constraints: { enum: ['F', 'M'] } }));
    keepsLines(fixture, out);
    const fields = (value as { fields: { name: string }[] }).fields;
    assert.deepEqual(fields.map((f) => f.name), ['participant_id', 'race', 'ethnicity', 'age', 'sex']);
    assert.match(out, /\n {4}- name: sex\n {6}type: string\n {6}constraints:\n {10}enum:\n {14}- F\n {14}- M\nmissingValues:/);
  });

  test('setFieldEnum on a field without constraints adds them under it', () => {
    const { out, value } = edit('p.schema.yaml', fixture, (doc) => setFieldEnum(doc, ['fields', 2], ['Hispanic or Latino', 'Not Hispanic or Latino']));
    keepsLines(fixture, out);
    assert.deepEqual((value as any).fields[2], { name: 'ethnicity', type: 'string', constraints: { enum: ['Hispanic or Latino', 'Not Hispanic or Latino'] } });
    assert.match(out, / {6}type: string\n {6}constraints:\n {10}enum:\n {14}- Hispanic or Latino\n {14}- Not Hispanic or Latino\n\n {4}- name: age/);
  });

  test('setFieldEnum of the same length edits items in place: the comment beside an item stays', () => {
    const { out, value } = edit('p.schema.yaml', fixture, (doc) => setFieldEnum(doc, ['fields', 1], ['White', 'Black or African American', 'Asian', 'Some Other Race']));
    assert.deepEqual((value as any).fields[1].constraints.enum, ['White', 'Black or African American', 'Asian', 'Some Other Race']);
    assert.match(out, / {14}- Black or African American {3}# spelled as on the 2019 form\n/);
    keepsLines(fixture, out, (line) => /- (African American|Other)\b/.test(line));
  });

  test('setFieldEnum with another length rewrites only the enum block', () => {
    const { out, value } = edit('p.schema.yaml', fixture, (doc) => setFieldEnum(doc, ['fields', 1], ['White', 'Asian']));
    assert.deepEqual((value as any).fields[1].constraints, { enum: ['White', 'Asian'], required: true });
    assert.match(out, / {10}enum:\n {14}- White\n {14}- Asian\n {10}required: true\n/);
    keepsLines(fixture, out, (line) => /^ {14}- (White|African American|Asian|Other)/.test(line));
  });

  test('a new key in an existing map sits after its last pair, comment lines kept', () => {
    const { out, value } = edit('p.schema.yaml', fixture, (doc) => setValue(doc, ['fields', 3, 'constraints', 'required'], true));
    keepsLines(fixture, out);
    assert.deepEqual((value as any).fields[3].constraints, { minimum: 18, maximum: 90, required: true });
    assert.match(out, / {10}maximum: 90 {6}# top-coded\n {10}required: true\n/);
  });

  test('appendToArray on a flow list keeps it one flow line, comment after it kept', () => {
    const { out, value } = edit('p.schema.yaml', fixture, (doc) => appendToArray(doc, ['missingValues'], 'Refused'));
    assert.deepEqual((value as any).missingValues, ['', 'NA', 'Refused']);
    assert.match(out, /^missingValues: \[ "", NA, Refused \] {3}# what the export writes for blanks$/m);
  });

  test('2-space style with unindented sequences is followed', () => {
    const text = 'fields:\n- name: id\n  type: integer\n- name: race  # self-reported\n';
    const { out } = edit('s.yaml', text, (doc) => addSchemaField(doc, [], { name: 'ancestry', type: 'string' }));
    assert.equal(out, 'fields:\n- name: id\n  type: integer\n- name: race  # self-reported\n- name: ancestry\n  type: string\n');
    const enumOut = edit('s.yaml', text, (doc) => setFieldEnum(doc, ['fields', 1], ['White'])).out;
    assert.equal(enumOut, 'fields:\n- name: id\n  type: integer\n- name: race  # self-reported\n  constraints:\n    enum:\n    - White\n');
  });

  test('CRLF line endings stay CRLF', () => {
    const text = 'fields:\r\n  - name: id\r\n    type: integer\r\n';
    const { out } = edit('s.yaml', text, (doc) => addSchemaField(doc, [], { name: 'race' }));
    assert.equal(out, 'fields:\r\n  - name: id\r\n    type: integer\r\n  - name: race\r\n');
  });

  test('`constraints:` with no value gets the value', () => {
    const text = 'fields:\n  - name: race\n    constraints:\n  - name: age\n';
    const { value } = edit('s.yaml', text, (doc) => setFieldEnum(doc, ['fields', 0], ['Asian']));
    assert.deepEqual(value, { fields: [{ name: 'race', constraints: { enum: ['Asian'] } }, { name: 'age' }] });
  });

  test('a flow field map is rewritten as a flow map', () => {
    const text = 'fields:\n  - {name: race, type: string}  # inline\n';
    const { out, value } = edit('s.yaml', text, (doc) => setFieldEnum(doc, ['fields', 0], ['Asian']));
    assert.deepEqual(value, { fields: [{ name: 'race', type: 'string', constraints: { enum: ['Asian'] } }] });
    assert.match(out, /# inline\n$/);
  });

  test('missing fields array is created; an empty or comment-only document gets one', () => {
    assert.deepEqual(edit('s.yaml', 'title: T # t\n', (doc) => addSchemaField(doc, [], { name: 'race' })).value, { title: 'T', fields: [{ name: 'race' }] });
    const { out, value } = edit('s.yaml', '# nothing yet\n', (doc) => addSchemaField(doc, [], { name: 'race' }));
    assert.deepEqual(value, { fields: [{ name: 'race' }] });
    assert.match(out, /^# nothing yet\n/);
  });

  test('values that need quoting are quoted', () => {
    const { value } = edit('s.yaml', 'fields:\n  - name: x\n', (doc) => setFieldEnum(doc, ['fields', 0], ['yes', 'a: b', '#1', '-9']));
    assert.deepEqual((value as any).fields[0].constraints.enum, ['yes', 'a: b', '#1', '-9']);
  });

  test('inline schema of a Data Package resource', () => {
    const text = 'resources:\n  - name: p\n    path: p.csv\n    schema:\n      fields:\n        - name: id\n';
    const { value } = edit('datapackage.yaml', text, (doc) => addSchemaField(doc, ['resources', 0, 'schema'], { name: 'race' }));
    assert.deepEqual((value as any).resources[0].schema.fields, [{ name: 'id' }, { name: 'race' }]);
  });
});

describe('JSON: jsonc-parser edits in the document\'s own indentation', () => {
  const json = '{\n    "fields": [\n        {"name": "id", "type": "integer"},\n        {\n            "name": "race",\n            "constraints": {"required": true}\n        }\n    ],\n    // the export writes NA for blanks\n    "missingValues": ["", "NA"]\n}\n';

  test('addSchemaField: 4-space indentation, comment kept', () => {
    const { out, value } = edit('s.schema.json', json, (doc) => addSchemaField(doc, [], { name: 'age', type: 'integer' }));
    keepsLines(json, out, (line) => line === '        }');
    assert.deepEqual((value as any).fields.map((f: { name: string }) => f.name), ['id', 'race', 'age']);
    assert.match(out, /\n {8}\{\n {12}"name": "age",\n {12}"type": "integer"\n {8}\}\n {4}\],/);
  });

  test('setFieldEnum adds into existing constraints; same-length enums edit items only', () => {
    const { out, value } = edit('s.schema.json', json, (doc) => setFieldEnum(doc, ['fields', 1], ['Asian', 'White']));
    assert.deepEqual((value as any).fields[1].constraints, { required: true, enum: ['Asian', 'White'] });
    assert.match(out, /\/\/ the export writes NA for blanks/);
    const again = edit('s.schema.json', out, (doc) => setFieldEnum(doc, ['fields', 1], ['Asian', 'Some Other Race']));
    const edits = setFieldEnum(parseStructured('s.schema.json', out), ['fields', 1], ['Asian', 'Some Other Race']);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, '"Some Other Race"');
    assert.deepEqual((again.value as any).fields[1].constraints.enum, ['Asian', 'Some Other Race']);
  });

  test('the element before the insertion is not re-formatted; one-line containers stay on one line', () => {
    const text = '{\n  "fields": [\n    {"name": "id", "type": "integer"},\n    {"name": "race", "constraints": {"required": true}}\n  ]\n}\n';
    const added = edit('s.json', text, (doc) => addSchemaField(doc, [], { name: 'age', type: 'integer' })).out;
    assert.equal(added, '{\n  "fields": [\n    {"name": "id", "type": "integer"},\n    {"name": "race", "constraints": {"required": true}},\n    {\n      "name": "age",\n      "type": "integer"\n    }\n  ]\n}\n');
    const constrained = edit('s.json', text, (doc) => setFieldEnum(doc, ['fields', 1], ['White', 'Asian'])).out;
    assert.equal(constrained.split('\n')[3], '    {"name": "race", "constraints": {"required": true, "enum": [ "White", "Asian" ]}}');
  });

  test('tab-indented JSON stays tab-indented', () => {
    const text = '{\n\t"fields": [\n\t\t{"name": "id"}\n\t]\n}';
    const { out } = edit('s.json', text, (doc) => addSchemaField(doc, [], { name: 'race' }));
    assert.match(out, /\n\t\t\{\n\t\t\t"name": "race"\n\t\t\}\n\t\]/);
  });

  test('an empty document becomes a schema', () => {
    assert.deepEqual(edit('s.json', '', (doc) => addSchemaField(doc, [], { name: 'race' })).value, { fields: [{ name: 'race' }] });
  });
});
