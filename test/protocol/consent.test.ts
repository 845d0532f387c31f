// Consent over a real connection: positioned consent errors with their docs link; the
// quarantine fix as one WorkspaceEdit creating (or appending to an open) quarantine file
// and removing the rows from the dataset; the consent field added to a YAML schema.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, diagnosticText, modes, serverPerSuite, uriOf } from './harness';

const Error = 1;
const Warning = 2;
type Change = TextDocumentEdit | CreateFile;

const DATASET = 'id,consent,consent_status\n1,GRU,active\n2,,active\n3,HMB,withdrawn\n4,"HMB;NPU",active\n5,GRU,active\n';

function changesOf(action: CodeAction): Change[] {
  assert.ok(action.edit?.documentChanges, `${action.title}: an edit with documentChanges`);
  return action.edit.documentChanges as Change[];
}

function isCreate(change: Change): change is CreateFile {
  return 'kind' in change && change.kind === 'create';
}

function editsFor(changes: Change[], uri: string): TextDocumentEdit {
  const edit = changes.find((c): c is TextDocumentEdit => !isCreate(c) && c.textDocument.uri === uri);
  assert.ok(edit, `an edit of ${uri}`);
  return edit;
}

const summary = (code: string) => (d: Diagnostic) => d.code === code && (d.data as { kind?: string })?.kind === 'summary';

for (const mode of modes) {
  describe(`consent (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('missing and withdrawn consent are errors on the header and on each cell, linked to their docs', async () => {
      const uri = await session.client.open(ws.write('errors.csv', DATASET), DATASET);
      const items = await session.client.diagnostics(uri, (ds) => ds.some(summary('consent-withdrawn')));
      const missing = items.filter((d) => d.code === 'consent-value-missing');
      assert.deepEqual(missing.map((d) => [d.severity, d.range.start.line, d.range.start.character]), [[Error, 0, 3], [Error, 2, 2]]);
      assert.equal(missing[0].source, 'cohort-lint');
      assert.match(missing[0].codeDescription!.href, /consent-value-missing\.md$/);
      const withdrawn = items.filter((d) => d.code === 'consent-withdrawn').map((d) => d.range.start.line);
      assert.deepEqual(withdrawn, [0, 3]);
    });

    it('the quarantine fix: one edit creating errors.quarantine.csv with the header and both rows, removing them from the dataset', async () => {
      const path = ws.write('move.csv', DATASET);
      const uri = await session.client.open(path, DATASET);
      const items = await session.client.diagnostics(uri, (ds) => ds.some(summary('consent-value-missing')));
      const diagnostic = items.find(summary('consent-value-missing'))!;
      const actions = await session.client.codeActions(uri, diagnostic.range, [diagnostic]);
      const move = actions.find((a) => a.title.startsWith('Move '));
      assert.ok(move, `a move fix among: ${actions.map((a) => a.title).join('; ')}`);
      assert.equal(move.title, 'Move 2 rows without usable consent to move.quarantine.csv');
      assert.equal(move.kind, 'quickfix');
      assert.notEqual(move.isPreferred, true, 'moving rows is never applied automatically');
      const changes = changesOf(move);
      const quarantineUri = uriOf(path.replace(/\.csv$/, '.quarantine.csv'));
      assert.deepEqual(changes[0], { kind: 'create', uri: quarantineUri, options: { ignoreIfExists: true } });
      const quarantine = editsFor(changes, quarantineUri);
      const dataset = editsFor(changes, uri);
      assert.equal(dataset.textDocument.version, session.client.version(uri));
      assert.equal(changes.length, 3);
      assert.equal(applyTextEdits('', quarantine.edits as TextEdit[]), 'id,consent,consent_status\n2,,active\n3,HMB,withdrawn\n');
      const kept = applyTextEdits(DATASET, dataset.edits as TextEdit[]);
      assert.equal(kept, 'id,consent,consent_status\n1,GRU,active\n4,"HMB;NPU",active\n5,GRU,active\n');

      await session.client.change(uri, kept);
      await session.client.diagnostics(uri, (ds) => !ds.some((d) => d.code === 'consent-value-missing' || d.code === 'consent-withdrawn'), 'consent errors gone');
    });

    it('appends to the quarantine file open in the editor, with its unsaved text and version', async () => {
      const path = ws.write('open.csv', DATASET);
      const quarantinePath = path.replace(/\.csv$/, '.quarantine.csv');
      const quarantineText = 'id,consent,consent_status\n9,,active\n';
      const quarantineUri = await session.client.open(quarantinePath, quarantineText);
      const uri = await session.client.open(path, DATASET);
      const items = await session.client.diagnostics(uri, (ds) => ds.some(summary('consent-withdrawn')));
      const diagnostic = items.find(summary('consent-withdrawn'))!;
      const move = (await session.client.codeActions(uri, diagnostic.range, [diagnostic])).find((a) => a.title.startsWith('Move '))!;
      const changes = changesOf(move);
      assert.ok(!changes.some(isCreate), 'no create for an existing file');
      const quarantine = editsFor(changes, quarantineUri);
      assert.equal(quarantine.textDocument.version, session.client.version(quarantineUri));
      assert.equal(applyTextEdits(quarantineText, quarantine.edits as TextEdit[]), 'id,consent,consent_status\n9,,active\n2,,active\n3,HMB,withdrawn\n');
    });

    it('scope mismatch against the intendedUse of cohortlint.yaml', async () => {
      const dir = `scope-${mode.name}`;
      mkdirSync(join(ws.root, dir));
      ws.write(`${dir}/cohortlint.yaml`, 'intendedUse: commercial\n');
      const uri = await session.client.open(ws.write(`${dir}/data.csv`, DATASET), DATASET);
      const items = await session.client.diagnostics(uri, (ds) => ds.some(summary('consent-scope-mismatch')));
      const scope = items.find(summary('consent-scope-mismatch'))!;
      assert.equal(scope.severity, Error);
      assert.match(diagnosticText(scope), /1 row with consent "HMB;NPU" \(first at line 5\) does not permit the declared use "commercial" \(intendedUse\): NPU \(DUO:0000045\)/);
    });

    it('a YAML schema without a consent field: warning on fields, and the fix adds a required DUO field keeping the comments', async () => {
      const text = '# participants\nfields:\n  - name: id  # study id\n    type: integer\n';
      const uri = await session.client.open(ws.write(`participants-${mode.name}.schema.yaml`, text), text);
      const items = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'consent-field-missing'));
      const missing = items.find((d) => d.code === 'consent-field-missing')!;
      assert.equal(missing.severity, Warning);
      assert.equal(missing.range.start.line, 1);
      const [fix] = await session.client.codeActions(uri, missing.range, [missing]);
      assert.match(fix.title, /Add a required "consent" field of DUO permissions/);
      const edited = applyTextEdits(text, editsFor(changesOf(fix), uri).edits as TextEdit[]);
      assert.ok(edited.startsWith(text), edited);
      assert.match(edited, /- name: consent\n\s+type: string\n[\s\S]*required: true[\s\S]*- GRU/);
      await session.client.change(uri, edited);
      await session.client.diagnostics(uri, (ds) => !ds.some((d) => String(d.code).includes('consent')), 'no consent findings on the fixed schema');
    });
  });
}
