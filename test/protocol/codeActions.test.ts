// Quick fixes over a real connection: label normalisation edits every cell of the column
// in one WorkspaceEdit; "acknowledge" creates or edits cohortlint.yaml, after which the
// finding is a hint quoting the reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { column, raceCounts, raceCsv, superPopTsv } from './fixtures';
import { applyTextEdits, messageOf, modes, serverPerSuite, uriOf } from './harness';

const Warning = 2;
const Hint = 4;

type Change = TextDocumentEdit | CreateFile;

function changesOf(action: CodeAction): Change[] {
  assert.ok(action.edit?.documentChanges, `${action.title}: an edit with documentChanges`);
  return action.edit.documentChanges as Change[];
}

/** Our server sends plain TextEdits (no snippets or annotations). */
function editsOf(change: TextDocumentEdit): TextEdit[] {
  return change.edits as TextEdit[];
}

function isCreate(change: Change): change is CreateFile {
  return 'kind' in change && change.kind === 'create';
}

function underrepresented(group: string, severity?: number) {
  return (d: Diagnostic): boolean =>
    d.code === 'ancestry-underrepresented' && (d.data as { group?: string })?.group === group && (severity === undefined || d.severity === severity);
}

/** The reason the acknowledge fix wrote (a JSON-quoted YAML scalar). */
function reasonIn(yaml: string): string {
  const match = /^\s*reason:\s*(".*")\s*$/m.exec(yaml);
  assert.ok(match, 'the acknowledgement has a reason');
  return JSON.parse(match[1]) as string;
}

for (const mode of modes) {
  describe(`code actions (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('replaces every Caucasian in the race column, and only there, in one edit', async () => {
      const text = raceCsv();
      const uri = await session.client.open(ws.write('race.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'ancestry-label-nonstandard' && (d.data as { value?: string }).value === 'Caucasian'));
      const diagnostic = items.find((d) => (d.data as { value?: string }).value === 'Caucasian')!;

      const actions = await session.client.codeActions(uri, diagnostic.range, [diagnostic]);
      assert.equal(actions.length, 1, 'one fix for the label');
      const [action] = actions;
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.isPreferred, true);
      assert.deepEqual(action.diagnostics?.map((d) => d.code), ['ancestry-label-nonstandard']);
      const changes = changesOf(action);
      assert.equal(changes.length, 1);
      const edit = changes[0] as TextDocumentEdit;
      assert.equal(edit.textDocument.uri, uri);
      assert.equal(edit.textDocument.version, session.client.version(uri), 'the edit is pinned to the analysed version');
      assert.equal(edit.edits.length, raceCounts.Caucasian, 'one edit per cell');

      const fixed = applyTextEdits(text, editsOf(edit));
      const canonical = editsOf(edit)[0].newText;
      assert.ok(canonical.length > 0 && canonical !== 'Caucasian');
      const before = column(text, 1);
      const after = column(fixed, 1);
      assert.equal(after.length, before.length);
      assert.equal(after.filter((v) => v === 'Caucasian').length, 0);
      assert.equal(after.filter((v) => v === canonical.replace(/^"|"$/g, '')).length, before.filter((v) => v === canonical.replace(/^"|"$/g, '')).length + raceCounts.Caucasian);
      after.forEach((v, i) => { if (before[i] !== 'Caucasian') assert.equal(v, before[i], `row ${i + 1} untouched`); });
      assert.deepEqual(column(fixed, 0), column(text, 0));
      assert.deepEqual(column(fixed, 2), column(text, 2), 'Caucasian in the comment column stays');

      // As the editor would: apply, and the finding goes.
      await session.client.change(uri, fixed);
      const now = await session.client.diagnostics(uri, (ds) => !ds.some((d) => (d.data as { value?: string })?.value === 'Caucasian'), 'Caucasian fixed');
      assert.ok(now.some((d) => (d.data as { value?: string })?.value === 'AfricanAmerican'));
    });

    it('defers the edit to codeAction/resolve when asked automatically (the light bulb)', async () => {
      const text = raceCsv();
      const uri = await session.client.open(ws.write('bulb.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => ds.some((d) => (d.data as { value?: string })?.value === 'Caucasian'));
      const diagnostic = items.find((d) => (d.data as { value?: string })?.value === 'Caucasian')!;
      const [eager] = await session.client.codeActions(uri, diagnostic.range, [diagnostic], 1);
      const [lazy] = await session.client.codeActions(uri, diagnostic.range, [diagnostic], 2);
      assert.equal(lazy.title, eager.title);
      assert.equal(lazy.edit, undefined, 'no edit in an automatic request');
      assert.ok(lazy.data, 'what resolving needs');
      const resolved = await session.client.resolveCodeAction(lazy);
      assert.deepEqual(resolved.edit, eager.edit);

      await session.client.change(uri, text.replace('Caucasian', 'White'));
      const stale = await session.client.resolveCodeAction(lazy);
      assert.equal(stale.edit, undefined, 'no edit for a version the document has left');
    });

    it('acknowledges a finding by creating cohortlint.yaml; the finding becomes a hint quoting the reason', async () => {
      const text = superPopTsv();
      const uri = await session.client.open(ws.write('panel.tsv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => ds.some(underrepresented('EAS', Warning)));
      const diagnostic = items.find(underrepresented('EAS'))!;

      const actions = await session.client.codeActions(uri, diagnostic.range, [diagnostic]);
      const acknowledge = actions.find((a) => changesOf(a).some(isCreate));
      assert.ok(acknowledge, `an acknowledge fix among: ${actions.map((a) => a.title).join('; ')}`);
      assert.equal(acknowledge.kind, 'quickfix');
      const policyPath = join(ws.root, 'cohortlint.yaml');
      const [create, edit, ...rest] = changesOf(acknowledge);
      assert.deepEqual(create, { kind: 'create', uri: uriOf(policyPath), options: { ignoreIfExists: true } });
      assert.ok(!isCreate(edit));
      assert.equal(edit.textDocument.uri, uriOf(policyPath));
      assert.equal(edit.textDocument.version, null);
      assert.equal(rest.length, 0);

      const yaml = applyTextEdits('', editsOf(edit));
      const reason = reasonIn(yaml);
      ws.write('cohortlint.yaml', yaml);
      const refreshes = session.client.refreshRequests;
      await session.client.watchedFilesChanged([{ uri: uriOf(policyPath), type: 1 }]);
      if (mode.pull) await session.client.until(() => (session.client.refreshRequests > refreshes ? true : undefined), 'workspace/diagnostic/refresh');

      const after = await session.client.diagnostics(uri, (ds) => ds.some(underrepresented('EAS', Hint)), 'EAS acknowledged');
      const hint = after.find(underrepresented('EAS'))!;
      assert.ok(messageOf(hint).includes(reason), `the hint quotes the reason: ${messageOf(hint)}`);
      assert.ok(after.some(underrepresented('SAS', Warning)), 'SAS is not acknowledged');
    });

    it('acknowledges into the existing policy file with a plain edit', async () => {
      const uri = uriOf(join(ws.root, 'panel.tsv'));
      const items = await session.client.diagnostics(uri, (ds) => ds.some(underrepresented('SAS', Warning)));
      const diagnostic = items.find(underrepresented('SAS'))!;
      const actions = await session.client.codeActions(uri, diagnostic.range, [diagnostic]);
      const policyPath = join(ws.root, 'cohortlint.yaml');
      const acknowledge = actions.find((a) => changesOf(a).some((c) => !isCreate(c) && c.textDocument.uri === uriOf(policyPath)));
      assert.ok(acknowledge, 'an acknowledge fix editing cohortlint.yaml');
      const changes = changesOf(acknowledge);
      assert.equal(changes.some(isCreate), false, 'no CreateFile when the file exists');

      const updated = applyTextEdits(readFileSync(policyPath, 'utf8'), editsOf(changes[0] as TextDocumentEdit));
      ws.write('cohortlint.yaml', updated);
      await session.client.watchedFilesChanged([{ uri: uriOf(policyPath), type: 2 }]);
      const after = await session.client.diagnostics(uri, (ds) => ds.some(underrepresented('SAS', Hint)), 'SAS acknowledged');
      assert.ok(after.some(underrepresented('EAS', Hint)), 'EAS stays acknowledged');
    });

    it('offers no fix for an acknowledged finding', async () => {
      const uri = uriOf(join(ws.root, 'panel.tsv'));
      const items = await session.client.diagnostics(uri, (ds) => ds.some(underrepresented('EAS', Hint)));
      const diagnostic = items.find(underrepresented('EAS'))!;
      assert.deepEqual(await session.client.codeActions(uri, diagnostic.range, [diagnostic]), []);
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
    });
  });
}
