// Table Schemas and Data Packages over a real connection: positioned diagnostics on a
// YAML schema, the enum fix keeping its comments, a dataset checked against the schema a
// datapackage.json names (and re-checked when the open schema is edited), and a schema
// path outside the workspace reported on the descriptor.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, diagnosticText, messageOf, modes, serverPerSuite } from './harness';

const ErrorSeverity = 1;
const Warning = 2;
const Information = 3;

function byCode(items: Diagnostic[], code: string): Diagnostic[] {
  return items.filter((d) => d.code === code);
}

function dataOf(d: Diagnostic): Record<string, any> {
  return (d.data ?? {}) as Record<string, any>;
}

function covered(text: string, d: Diagnostic): string {
  return text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

function singleEdit(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.ok(changes, `${action.title}: an edit with documentChanges`);
  assert.equal(changes.length, 1, 'one document changed');
  assert.equal(changes[0].textDocument.uri, uri);
  return changes[0].edits as TextEdit[];
}

const SCHEMA_YAML = [
  '# Participants (reviewed by the data steward)',
  'fields:',
  '    - name: participant_id',
  '      type: string',
  '    # self-reported, collected at enrolment',
  '    - name: race',
  '      type: string',
  '    - name: age',
  '      type: int          # years',
  "missingValues: ['', NA]  # export blanks",
  '',
].join('\n');

const DATA_SCHEMA = [
  'fields:',
  '  - name: id',
  '    type: string',
  '  - name: race',
  '    constraints:',
  '      enum: [White, Asian, Black or African American]',
  '  - name: age',
  '    type: integer',
  '    constraints: {minimum: 18, maximum: 90}',
  "missingValues: ['', NA]",
  '',
].join('\n');

const DATA_CSV = 'id,race,age\nP1,White,34\nP2,Caucasian,17\nP3,Asian,NA\nP4,Asian,abc\nP5,White,91\n';

for (const mode of modes) {
  describe(`schema documents (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('a YAML Table Schema: schema-invalid on the bad type, ancestry-unconstrained on "race", each exactly positioned', async () => {
      const uri = await session.client.open(ws.write('participants.schema.yaml', SCHEMA_YAML), SCHEMA_YAML, 'yaml');
      const items = await session.client.diagnostics(uri, (ds) => byCode(ds, 'schema-ancestry-unconstrained').length > 0 && byCode(ds, 'schema-invalid').length > 0, 'schema findings');
      const [invalid] = byCode(items, 'schema-invalid');
      assert.equal(invalid.severity, ErrorSeverity);
      assert.equal(covered(SCHEMA_YAML, invalid), 'int');
      assert.match(messageOf(invalid), /did you mean "integer"\?/);
      assert.match(invalid.codeDescription?.href ?? '', /schema-invalid\.md$/);
      const [unconstrained] = byCode(items, 'schema-ancestry-unconstrained');
      assert.equal(unconstrained.severity, Information);
      assert.equal(covered(SCHEMA_YAML, unconstrained), 'race');
      assert.equal(dataOf(unconstrained).labels.length, 8);
      assert.deepEqual(byCode(items, 'schema-ancestry-field-missing'), []);
    });

    it('the enum quick fix keeps every comment and the 4-space layout; the finding goes', async () => {
      const path = ws.write('fix.schema.yaml', SCHEMA_YAML);
      const uri = await session.client.open(path, SCHEMA_YAML, 'yaml');
      const items = await session.client.diagnostics(uri, (ds) => byCode(ds, 'schema-ancestry-unconstrained').length > 0, 'unconstrained');
      const [d] = byCode(items, 'schema-ancestry-unconstrained');
      const actions = await session.client.codeActions(uri, d.range, [d]);
      assert.equal(actions.length, 1);
      assert.match(actions[0].title, /Constrain "race" to the 8 canonical labels/);
      const fixed = applyTextEdits(SCHEMA_YAML, singleEdit(actions[0], uri));
      for (const line of SCHEMA_YAML.split('\n')) assert.ok(fixed.split('\n').includes(line), `line kept: ${line}`);
      assert.match(fixed, /\n {6}type: string\n {6}constraints:\n {10}enum:\n {14}- White\n/);
      await session.client.change(uri, fixed);
      await session.client.diagnostics(uri, (ds) => byCode(ds, 'schema-ancestry-unconstrained').length === 0 && byCode(ds, 'schema-invalid').length === 1, 'the finding gone after the fix');
    });

    it('a dataset named by datapackage.json gets schema-data-mismatch with its counts; editing the open schema relints it', async () => {
      mkdirSync(join(ws.root, 'data'));
      mkdirSync(join(ws.root, 'schemas'));
      ws.write('datapackage.json', JSON.stringify({ name: 'study', resources: [{ name: 'p', path: 'data/p.csv', schema: 'schemas/p.schema.yaml' }] }, null, 2));
      const schemaPath = ws.write(join('schemas', 'p.schema.yaml'), DATA_SCHEMA);
      const uri = await session.client.open(ws.write(join('data', 'p.csv'), DATA_CSV), DATA_CSV);
      const age = (ds: Diagnostic[]) => byCode(ds, 'schema-data-mismatch').find((d) => dataOf(d).column === 'age');
      const items = await session.client.diagnostics(uri, (ds) => age(ds) !== undefined, 'schema-data-mismatch');
      const found = age(items)!;
      assert.equal(found.severity, Warning);
      assert.deepEqual(dataOf(found).counts, { type: 1, minimum: 1, maximum: 1 });
      assert.deepEqual(dataOf(found).lines, [3, 5, 6]);
      assert.deepEqual(found.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } });
      assert.match(diagnosticText(found), /3 of 5 values \(60%\) do not fit field "age" of p\.schema\.yaml/);
      const race = byCode(items, 'schema-data-mismatch').find((d) => dataOf(d).column === 'race');
      assert.deepEqual(dataOf(race!).counts, { enum: 1 });

      const schemaUri = await session.client.open(schemaPath, DATA_SCHEMA, 'yaml');
      await session.client.change(schemaUri, DATA_SCHEMA.replace('{minimum: 18, maximum: 90}', '{minimum: 0, maximum: 120}'));
      const after = await session.client.diagnostics(uri, (ds) => { const d = age(ds); return d !== undefined && JSON.stringify(dataOf(d).counts) === JSON.stringify({ type: 1 }); }, 'age counts after the schema edit');
      assert.deepEqual(dataOf(age(after)!).lines, [5]);
    });

    it('a datapackage whose schema path leaves the workspace: a positioned error on the path', async () => {
      mkdirSync(join(ws.root, 'pkg'));
      const text = JSON.stringify({ name: 'x', resources: [{ name: 'a', path: 'a.csv', schema: '../../etc/schema.json' }] }, null, 2);
      const uri = await session.client.open(ws.write(join('pkg', 'datapackage.json'), text), text, 'json');
      const items = await session.client.diagnostics(uri, (ds) => byCode(ds, 'schema-invalid').length > 0, 'schema-invalid');
      const [d] = byCode(items, 'schema-invalid');
      assert.equal(dataOf(d).kind, 'schema-outside');
      assert.equal(covered(text, d), '"../../etc/schema.json"');
    });
  });
}
