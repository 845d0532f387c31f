// The workflow actions over a real connection: Fix All (source.fixAll.cohortLint, what
// editor.codeActionsOnSave asks for) applies only the fixes marked safe; beside each quick
// fix, "Turn off <rule> in cohortlint.yaml" and "Show documentation for <rule>"; and
// cohortLint/lintFile, the request "Lint Workspace" sends per file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, CreateFile, Diagnostic, ShowDocumentParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, modes, serverPerSuite, uriOf, withTimeout } from './harness';

const fullRange = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

/** Two nonstandard race labels, two missing markers in bmi, rows without consent. */
function cohortCsv(rows = 240): string {
  const lines = ['id,race,sex,age,bmi,diagnosis,consent'];
  for (let i = 0; i < rows; i++) {
    const race = ['Caucasian', 'AfricanAmerican', 'Asian', 'White'][i % 4];
    const bmi = i % 7 === 0 ? 'NA' : i % 11 === 0 ? '?' : String(20 + (i % 10));
    lines.push(`p${i},${race},${i % 2 ? 'F' : 'M'},${30 + (i % 40)},${bmi},E11,${i % 13 === 0 ? '' : 'GRU'}`);
  }
  return `${lines.join('\n')}\n`;
}

const codes = (ds: Diagnostic[]) => new Set(ds.map((d) => String(d.code)));

function onlyEdit(action: CodeAction): { uri: string; edits: TextEdit[] }[] {
  const changes = action.edit?.documentChanges as (TextDocumentEdit | CreateFile)[] | undefined;
  assert.ok(changes, `${action.title}: documentChanges`);
  return changes.filter((c): c is TextDocumentEdit => !('kind' in c)).map((c) => ({ uri: c.textDocument.uri, edits: c.edits as TextEdit[] }));
}

for (const mode of modes) {
  describe(`workflow actions (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('declares the fix-all kind and the documentation command', () => {
      const caps = session.client.initializeResult?.capabilities;
      const provider = caps?.codeActionProvider;
      assert.ok(typeof provider === 'object' && provider.codeActionKinds?.includes('source.fixAll.cohortLint'), JSON.stringify(provider));
      assert.ok(caps?.executeCommandProvider?.commands.includes('cohortLint.showDocumentation'));
    });

    it('Fix All applies the label and marker fixes in one edit, and leaves consent rows alone', async () => {
      const text = cohortCsv();
      const uri = await session.client.open(ws.write('cohort.csv', text), text);
      const before = codes(await session.client.diagnostics(uri, (ds) => codes(ds).has('missing-marker-mixed')));
      for (const code of ['ancestry-label-nonstandard', 'missing-marker-mixed', 'consent-value-missing']) assert.ok(before.has(code), code);

      for (const only of [['source.fixAll'], ['source.fixAll.cohortLint'], ['source']]) {
        const actions = await session.client.codeActions(uri, fullRange, [], 1, { only });
        assert.equal(actions.length, 1, `${only}: ${actions.map((a) => a.title).join(' | ')}`);
        assert.equal(actions[0].kind, 'source.fixAll.cohortLint');
      }
      assert.deepEqual(await session.client.codeActions(uri, fullRange, [], 1, { only: ['refactor'] }), []);
      // On save VS Code asks automatically; the edit must come with the action, not later.
      const [action] = await session.client.codeActions(uri, fullRange, [], 2, { only: ['source.fixAll.cohortLint'] });
      assert.match(action.title, /^Fix all safe Cohort Lint problems in cohort\.csv \(3 fixes/);
      const [change] = onlyEdit(action);
      assert.equal(change.uri, uri);
      const fixed = applyTextEdits(text, change.edits);
      assert.equal(fixed.split('\n').length, text.split('\n').length, 'no row moved, added or removed');
      await session.client.change(uri, fixed);
      const after = codes(await session.client.diagnostics(uri, (ds) => !codes(ds).has('missing-marker-mixed')));
      assert.ok(!after.has('ancestry-label-nonstandard'));
      assert.ok(after.has('consent-value-missing'), 'quarantine is never applied unattended');
      assert.deepEqual(await session.client.codeActions(uri, fullRange, [], 1, { only: ['source.fixAll'] }), [], 'nothing left to fix');
    });

    it('offers "Turn off" and "Show documentation" once per rule beside the quick fixes', async () => {
      const text = cohortCsv(60);
      const uri = await session.client.open(ws.write('turnoff.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => codes(ds).has('ancestry-label-nonstandard'));
      const labels = items.filter((d) => d.code === 'ancestry-label-nonstandard');
      assert.ok(labels.length >= 2, 'two label findings on the header cell');
      const actions = await session.client.codeActions(uri, labels[0].range, labels, 1, { ruleActions: true });
      const titles = actions.map((a) => a.title);
      assert.equal(titles.filter((t) => t === 'Turn off ancestry-label-nonstandard in cohortlint.yaml').length, 1, titles.join(' | '));
      assert.equal(titles.filter((t) => t === 'Show documentation for ancestry-label-nonstandard').length, 1, titles.join(' | '));
      assert.ok(titles.some((t) => t.startsWith('Replace "Caucasian"')), 'the quick fixes are still there');

      // No policy yet: the action creates one at the workspace root, saying only that.
      const turnOff = actions.find((a) => a.title.startsWith('Turn off'))!;
      const changes = turnOff.edit?.documentChanges as (TextDocumentEdit | CreateFile)[];
      const create = changes.find((c): c is CreateFile => 'kind' in c && c.kind === 'create');
      assert.equal(create?.uri, uriOf(join(ws.root, 'cohortlint.yaml')));
      const content = applyTextEdits('', onlyEdit(turnOff)[0].edits);
      assert.match(content, /^# Cohort Lint policy/);
      assert.match(content, /rules:\n {2}ancestry-label-nonstandard: "off"/);

      // The documentation action asks the client to show the rule's page.
      const show = actions.find((a) => a.title.startsWith('Show documentation'))!;
      const shown: ShowDocumentParams[] = [];
      session.client.connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
        shown.push(params);
        return { success: true };
      });
      const ok = await withTimeout(session.client.connection.sendRequest(ExecuteCommandRequest.type, { command: show.command!.command, arguments: show.command!.arguments }), 'executeCommand');
      assert.equal(ok, true);
      assert.equal(shown.length, 1);
      assert.match(shown[0].uri, /^file:.*\/docs\/rules\/ancestry-label-nonstandard\.md$/);
      assert.equal(shown[0].external, false);
      const page = readFileSync(new URL(shown[0].uri), 'utf8');
      assert.match(page, /^# ancestry-label-nonstandard/);
    });

    it('"Turn off" edits an existing policy, and the finding goes once it is saved', async () => {
      const policyPath = ws.write('cohortlint.yaml', '# thresholds agreed with the PI\nancestry:\n  minCount: 10\n');
      await session.client.watchedFilesChanged([{ uri: uriOf(policyPath), type: 1 }]);
      const text = cohortCsv(60);
      const uri = await session.client.open(ws.write('turnoff2.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => codes(ds).has('missing-marker-mixed'));
      const marker = items.find((d) => d.code === 'missing-marker-mixed')!;
      const actions = await session.client.codeActions(uri, marker.range, [marker], 1, { ruleActions: true });
      const turnOff = actions.find((a) => a.title === 'Turn off missing-marker-mixed in cohortlint.yaml');
      assert.ok(turnOff, actions.map((a) => a.title).join(' | '));
      const [change] = onlyEdit(turnOff);
      assert.equal(change.uri, uriOf(policyPath));
      const updated = applyTextEdits(readFileSync(policyPath, 'utf8'), change.edits);
      assert.ok(updated.startsWith('# thresholds agreed with the PI\nancestry:\n  minCount: 10\n'), updated);
      ws.write('cohortlint.yaml', updated);
      await session.client.watchedFilesChanged([{ uri: uriOf(policyPath), type: 2 }]);
      await session.client.diagnostics(uri, (ds) => !codes(ds).has('missing-marker-mixed') && codes(ds).has('consent-value-missing'), 'missing-marker-mixed turned off');
      await session.client.close(uri);
    });

    it('cohortLint/lintFile lints a closed file from disk and pushes its diagnostics; an open one as it is in the editor', async () => {
      const closedPath = ws.write('closed.csv', cohortCsv(40));
      const uri = uriOf(closedPath);
      const result = await withTimeout(session.client.connection.sendRequest('cohortLint/lintFile', { uri }), 'lintFile') as { linted: boolean; findings: number };
      assert.equal(result.linted, true);
      const pushed = await session.client.pushedDiagnostics(uri, (ds) => codes(ds).has('consent-value-missing'), 'pushed from disk');
      assert.equal(pushed.length, result.findings);
      const plain = await withTimeout(session.client.connection.sendRequest('cohortLint/lintFile', { uri: uriOf(ws.write('package.json', '{"name": "x"}')) }), 'lintFile') as { linted: boolean };
      assert.equal(plain.linted, false, 'plain JSON is not linted');
      const panel = await withTimeout(session.client.connection.sendRequest('cohortLint/lintFile', {
        uri: uriOf(ws.write('samples.panel', 'sample\tpop\tsuper_pop\nS1\tGBR\tEUR\nS2\tYRI\tAFR\n')), languageId: 'tsv',
      }), 'lintFile') as { linted: boolean };
      assert.equal(panel.linted, true, 'a file associated with tsv is a table');

      // Opened with unsaved edits (no consent column at all): linted as the editor has it.
      const edited = 'id,race\n1,White\n2,Asian\n';
      await session.client.open(closedPath, edited);
      const open = await withTimeout(session.client.connection.sendRequest('cohortLint/lintFile', { uri }), 'lintFile') as { linted: boolean };
      assert.equal(open.linted, true);
      // Push: the live diagnostics are the editor's text's. Pull: a pushed copy for an open
      // document in no tab, withdrawn once the editor pulls its own.
      await session.client.pushedDiagnostics(uri, (ds) => codes(ds).has('consent-field-missing'), 'the unsaved text linted, not the disk');
      if (mode.pull) {
        await session.client.diagnostics(uri, (ds) => codes(ds).has('consent-field-missing'));
        await session.client.pushedDiagnostics(uri, (ds) => ds.length === 0, 'pushed copy withdrawn after the pull');
        // Named again while shown: pushed again, then a refresh makes the editor pull, which withdraws it.
        const refreshes = session.client.refreshRequests;
        await withTimeout(session.client.connection.sendRequest('cohortLint/lintFile', { uri }), 'lintFile');
        await session.client.until(() => (session.client.refreshRequests > refreshes ? true : undefined), 'workspace/diagnostic/refresh');
        await session.client.diagnostics(uri, (ds) => codes(ds).has('consent-field-missing'));
        await session.client.pushedDiagnostics(uri, (ds) => ds.length === 0, 'pushed copy withdrawn after the refresh pull');
      }
      // Closed again: the disk copy is back.
      await session.client.close(uri);
      await session.client.pushedDiagnostics(uri, (ds) => codes(ds).has('consent-value-missing'), 'disk copy back on close');
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
    });
  });
}
