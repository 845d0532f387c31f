// Phenotype and Phenopacket findings over a real connection: diagnostics on a CSV and on
// JSON documents, the phenotype hover on a column header, and the add-column,
// normalise-markers and add-field fixes as one WorkspaceEdit each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, diagnosticText, hoverText, modes, serverPerSuite } from './harness';

function byCode(items: Diagnostic[], code: string): Diagnostic[] {
  return items.filter((d) => d.code === code);
}

function singleEdit(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.ok(changes, `${action.title}: an edit with documentChanges`);
  assert.equal(changes.length, 1, 'one document changed');
  assert.equal(changes[0].textDocument.uri, uri);
  return changes[0].edits as TextEdit[];
}

/** Patients without a diagnosis column; bmi written missing two ways; bmi missing far more often for one group. */
function patientsCsv(): string {
  const lines = ['id,race,GENDER,age,bmi'];
  let id = 1;
  for (let j = 0; j < 100; j++) lines.push(`${id++},White,F,50,${j < 10 ? 'NA' : '22.5'}`);
  for (let j = 0; j < 100; j++) lines.push(`${id++},Asian,M,40,${j < 40 ? (j % 2 ? 'NA' : '') : '24.0'}`);
  return lines.join('\n') + '\n';
}

function packetJson(): string {
  return JSON.stringify({
    id: 'P1',
    subject: { id: 'Patient 1', sex: 'FEMALE', vitalStatus: { status: 'ALIVE' }, timeAtLastEncounter: { age: { iso8601duration: 'P4Y' } } },
    phenotypicFeatures: [
      { type: { id: 'HP:0001596', label: 'Alopecia' }, excluded: true },
      { type: { id: 'HP:12345', label: 'Malformed' } },
    ],
    metaData: {
      createdBy: 'test',
      resources: [{ id: 'hp', name: 'hpo', url: 'x', version: '1', namespacePrefix: 'HP', iriPrefix: 'y' }],
      phenopacketSchemaVersion: '2.0.2',
    },
  }, null, 2) + '\n';
}

for (const mode of modes) {
  describe(`phenotype (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('reports the missing diagnosis column; the fix adds it to the header and every row, and the finding goes', async () => {
      const text = patientsCsv();
      const uri = await session.client.open(ws.write('patients.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => byCode(ds, 'phenotype-field-missing').length > 0, 'phenotype-field-missing');
      const missing = byCode(items, 'phenotype-field-missing');
      assert.deepEqual(missing.map((d) => (d.data as { requirement: string }).requirement), ['diagnosis']);
      assert.equal(missing[0].severity, 2);
      assert.match(missing[0].codeDescription?.href ?? '', /phenotype-field-missing\.md$/);
      assert.equal(missing[0].range.start.line, 0);

      const actions = await session.client.codeActions(uri, missing[0].range, [missing[0]]);
      assert.equal(actions.length, 1);
      assert.match(actions[0].title, /Add column "diagnosis"/);
      const fixed = applyTextEdits(text, singleEdit(actions[0], uri));
      const rows = fixed.split('\n').filter((l) => l.length > 0);
      assert.equal(rows[0], 'id,race,GENDER,age,bmi,diagnosis');
      assert.ok(rows.every((r) => r.split(',').length === 6), 'rectangular');

      await session.client.change(uri, fixed);
      await session.client.diagnostics(uri, (ds) => byCode(ds, 'phenotype-field-missing').length === 0 && ds.length > 0, 'the finding gone after the fix');
    });

    it('reports bmi missing more often for Asian than White rows, with its numbers, and hovers the group table', async () => {
      const text = patientsCsv();
      const uri = await session.client.open(ws.write('disparity.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => byCode(ds, 'phenotype-missingness-disparity').length > 0, 'disparity');
      const [d] = byCode(items, 'phenotype-missingness-disparity');
      const data = d.data as Record<string, any>;
      assert.equal(data.column, 'bmi');
      assert.deepEqual(data.worst, { group: 'Asian', rows: 100, missing: 40, share: 0.4 });
      assert.deepEqual(data.best, { group: 'White', rows: 100, missing: 10, share: 0.1 });
      assert.match(diagnosticText(d), /highest Asian 40% \(40 of 100\), lowest White 10% \(10 of 100\), ratio 4/);
      const header = text.slice(0, text.indexOf('\n'));
      assert.deepEqual(d.range, { start: { line: 0, character: header.indexOf('bmi') }, end: { line: 0, character: header.indexOf('bmi') + 3 } });

      const hover = hoverText(await session.client.hover(uri, { line: 0, character: header.indexOf('bmi') + 1 }));
      assert.match(hover, /missing values in "bmi"/);
      assert.match(hover, /\| Asian ▲ highest \| 100 \| 40 \| 40% \|/);
      assert.match(hover, /\| White ▼ lowest \| 100 \| 10 \| 10% \|/);
    });

    it('normalises mixed missing markers of one column in one edit', async () => {
      const text = patientsCsv();
      const uri = await session.client.open(ws.write('markers.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => byCode(ds, 'missing-marker-mixed').length > 0, 'missing-marker-mixed');
      const [d] = byCode(items, 'missing-marker-mixed');
      assert.equal(d.severity, 3, 'information');
      const actions = await session.client.codeActions(uri, d.range, [d]);
      assert.equal(actions.length, 1);
      const fixed = applyTextEdits(text, singleEdit(actions[0], uri));
      assert.equal(fixed.split('\n').filter((l) => l.endsWith(',NA')).length, 0);
      assert.equal(fixed.split('\n').filter((l) => /^\d+,[A-Za-z]+,[FM],\d+,$/.test(l)).length, 50);
    });

    it('lints a Phenopacket JSON document: the missing created date and a malformed HPO id, exactly positioned', async () => {
      const text = packetJson();
      const uri = await session.client.open(ws.write('patient.json', text), text, 'json');
      const items = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'phenopacket-term-invalid'), 'phenopacket findings');
      const lines = text.split('\n');
      const at = (d: Diagnostic) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
      assert.deepEqual(items.map((d) => [d.code, at(d)]).sort(), [
        ['phenopacket-field-missing', '"metaData"'],
        ['phenopacket-term-invalid', '"HP:12345"'],
      ]);
      assert.ok(items.every((d) => d.codeDescription?.href.endsWith(`${d.code}.md`)));
    });

    it('adds the missing diagnosis field to a Table Schema, keeping its formatting', async () => {
      const text = '{\n    "fields": [\n        {"name": "participant_id", "type": "string"},\n        {"name": "sex", "type": "string"},\n        {"name": "age", "type": "integer"}\n    ]\n}\n';
      const uri = await session.client.open(ws.write('cohort.schema.json', text), text, 'json');
      const items = await session.client.diagnostics(uri, (ds) => byCode(ds, 'phenotype-field-missing').length > 0, 'schema phenotype-field-missing');
      const [d] = byCode(items, 'phenotype-field-missing');
      assert.equal(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character), '"fields"');
      const actions = await session.client.codeActions(uri, d.range, [d]);
      const fix = actions.find((a) => /Add field "diagnosis"/.test(a.title));
      assert.ok(fix, 'an add-field fix');
      const fixed = applyTextEdits(text, singleEdit(fix, uri));
      assert.ok(fixed.startsWith('{\n    "fields": [\n        {"name": "participant_id", "type": "string"},\n'), 'untouched before the insertion');
      assert.deepEqual(JSON.parse(fixed).fields.map((f: { name: string }) => f.name), ['participant_id', 'sex', 'age', 'diagnosis']);
    });
  });
}
