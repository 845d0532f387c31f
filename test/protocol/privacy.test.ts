// Privacy over a real connection. Seeded values: a file whose identifier columns (and a
// shifted consent cell) hold unique values; none of them appears in anything the server
// sends (diagnostics, hovers on every header and cell, code action titles, log messages).
// The move-identifiers fix on the Synthea patients file, applied as the WorkspaceEdit the
// server sends, leaves a dataset with none of the identifier columns and an identifiers
// file that joins back to the original rows.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { ALL_SEEDED, seededCsv } from '../unit/privacyFixtures';
import { applyTextEdits, hoverText, repoRoot, serverPerSuite, uriOf } from './harness';

type Change = TextDocumentEdit | CreateFile;

function changesOf(action: CodeAction): Change[] {
  assert.ok(action.edit?.documentChanges, `${action.title}: an edit with documentChanges`);
  return action.edit.documentChanges as Change[];
}
const isCreate = (c: Change): c is CreateFile => 'kind' in c && c.kind === 'create';

describe('privacy over the protocol', () => {
  const session = serverPerSuite({ pull: false });
  const ws = session.ws;

  it('no seeded identifier value in diagnostics, hovers, code action titles or logs', async () => {
    const text = seededCsv();
    const uri = await session.client.open(ws.write('seeded.csv', text), text);
    const items = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'privacy-direct-identifier'));
    const codes = new Set(items.map((d) => d.code));
    for (const code of ['privacy-direct-identifier', 'privacy-date', 'privacy-geography', 'consent-value-invalid']) assert.ok(codes.has(code), `${code} reported`);
    const sent: string[] = [JSON.stringify(items)];
    const lines = text.split('\n');
    for (let line = 0; line < lines.length - 1; line++) {
      // A hover on every cell: the header's and each row's.
      let character = 0;
      for (const cell of lines[line].split(',')) {
        sent.push(hoverText(await session.client.hover(uri, { line, character: character + 1 })));
        character += cell.length + 1;
      }
    }
    for (const d of items) {
      const actions = await session.client.codeActions(uri, d.range, [d]);
      sent.push(...actions.map((a) => a.title));
    }
    sent.push(...session.client.logs);
    const everything = sent.join('\n');
    assert.ok(everything.includes('privacy-') || everything.includes('Move '), 'something was sent');
    for (const value of ALL_SEEDED) assert.ok(!everything.includes(value), `${value} was sent to the client`);
  });

  it('the move-identifiers fix on the Synthea patients file: no identifier left, and the identifiers file joins back', async (t) => {
    const source = join(repoRoot, '..', 'shared', 'realdata', 'synthea_patients.csv');
    if (!existsSync(source)) { t.skip(`realdata file absent: ${source}`); return; }
    const text = readFileSync(source, 'utf8');
    const path = ws.write('patients.csv', text);
    const uri = await session.client.open(path, text);
    const items = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'privacy-direct-identifier'));
    const ssn = items.find((d: Diagnostic) => d.code === 'privacy-direct-identifier' && (d.data as { column?: string }).column === 'SSN')!;
    const action = (await session.client.codeActions(uri, ssn.range, [ssn])).find((a) => a.title.startsWith('Move '));
    assert.ok(action, 'a move fix');
    const resolved = action.edit ? action : await session.client.resolveCodeAction(action);
    const changes = changesOf(resolved);
    const sideUri = uriOf(path.replace(/\.csv$/, '.identifiers.csv'));
    assert.ok(changes.some((c) => isCreate(c) && c.uri === sideUri), 'creates patients.identifiers.csv');
    const editOf = (u: string) => changes.find((c): c is TextDocumentEdit => !isCreate(c) && c.textDocument.uri === u)!;
    const dataset = applyTextEdits(text, editOf(uri).edits as TextEdit[]);
    const side = applyTextEdits('', editOf(sideUri).edits as TextEdit[]);

    const parse = (s: string) => Papa.parse<string[]>(s.trim(), { skipEmptyLines: false }).data;
    const original = parse(text);
    const kept = parse(dataset);
    const moved = parse(side);
    const gone = ['SSN', 'DRIVERS', 'PASSPORT', 'FIRST', 'LAST', 'MAIDEN', 'ADDRESS', 'BIRTHDATE', 'ZIP', 'CITY', 'COUNTY', 'BIRTHPLACE', 'LAT', 'LON', 'DEATHDATE'];
    for (const column of gone) assert.ok(!kept[0].includes(column), `${column} left in the dataset`);
    assert.deepEqual(kept[0].slice(0, 2), ['study_id', 'Id']);
    assert.equal(moved[0][0], 'study_id');
    const bySide = new Map(moved.slice(1).map((row) => [row[0], row]));
    assert.equal(bySide.size, original.length - 1);
    for (let r = 1; r < original.length; r++) {
      const row = kept[r];
      const other = bySide.get(row[0])!;
      const rebuilt = original[0].map((name) => (kept[0].includes(name) ? row[kept[0].indexOf(name)] : other[moved[0].indexOf(name)]));
      assert.deepEqual(rebuilt, original[r], `row ${r} joins back`);
    }
    await session.client.change(uri, dataset);
    await session.client.diagnostics(uri, (ds) => !ds.some((d) => ['privacy-direct-identifier', 'privacy-date', 'privacy-geography'].includes(String(d.code))), 'no identifier findings left');
  });
});
