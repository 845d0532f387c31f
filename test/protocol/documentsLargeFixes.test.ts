// Quick fixes on large documents. A label fix on the diabetes table is one 19 MB edit, and
// its race header carries five such fixes: sent inline with every explicit request, that
// was 97 MB per request. An explicit request now gets such a fix as a command the server
// applies when it is picked (the same edit, through workspace/applyEdit); small fixes stay
// inline, the light bulb's automatic requests still resolve lazily, and only diagnostics
// at the requested range get fixes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  ExecuteCommandRequest, type ApplyWorkspaceEditParams, type CodeAction, type Diagnostic, type Range, type TextDocumentEdit, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { column, raceCsv } from './fixtures';
import { applyTextEdits, pollFor, repoRoot, serverPerSuite, withTimeout, type TestClient } from './harness';

const applyFixCommand = 'cohortLint.applyFix';
const diabetic = resolve(repoRoot, '..', 'shared', 'realdata', 'diabetic_data.csv');

function label(value: string) {
  return (d: Diagnostic): boolean => d.code === 'ancestry-label-nonstandard' && (d.data as { value?: string })?.value === value;
}

function editsFor(edit: ApplyWorkspaceEditParams['edit'] | undefined, uri: string): TextEdit[] {
  const changes = (edit?.documentChanges ?? []) as TextDocumentEdit[];
  const mine = changes.filter((c) => 'textDocument' in c && c.textDocument.uri === uri);
  assert.equal(mine.length, 1, 'one change to the dataset');
  return mine[0].edits as TextEdit[];
}

/** What VS Code sends along: every diagnostic that overlaps or touches the range. */
function touching(items: Diagnostic[], range: Range): Diagnostic[] {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return items.filter((d) => !before(d.range.end, range.start) && !before(range.end, d.range.start));
}

/** Answers the server's workspace/applyEdit requests, recording what they carried. */
function recordApplyEdits(client: TestClient): ApplyWorkspaceEditParams[] {
  const received: ApplyWorkspaceEditParams[] = [];
  client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    received.push(params);
    return { applied: true };
  });
  return received;
}

function execute(client: TestClient, action: CodeAction): Promise<unknown> {
  assert.ok(action.command, `${action.title}: a command`);
  return withTimeout(client.connection.sendRequest(ExecuteCommandRequest.type, { command: action.command.command, arguments: action.command.arguments }), 'workspace/executeCommand');
}

describe('quick fixes on large documents', () => {
  const session = serverPerSuite({ pull: true });
  const ws = session.ws;

  it('a 1.2 MB label fix: a command on explicit requests that applies the very edit resolve gives', async () => {
    const client = session.client;
    const applied = recordApplyEdits(client);
    const warnings: string[] = [];
    client.connection.onNotification('window/showMessage', (params: { message: string }) => { warnings.push(params.message); });
    const text = raceCsv({ Caucasian: 40_000, AfricanAmerican: 500, Asian: 500, '?': 10 });
    const uri = await client.open(ws.write('large.csv', text), text);
    const items = await client.diagnostics(uri, (ds) => ds.some(label('Caucasian')), 'the Caucasian finding');
    const caucasian = items.find(label('Caucasian'))!;

    const explicit = await client.codeActions(uri, caucasian.range, [caucasian]);
    assert.equal(explicit.length, 1);
    const [action] = explicit;
    assert.match(action.title, /Replace "Caucasian" with "White" in column "race" \(40,000 cells\)/);
    assert.equal(action.edit, undefined, 'no 1.2 MB edit in the response');
    assert.equal(action.command?.command, applyFixCommand);
    assert.ok(JSON.stringify(explicit).length < 5_000, 'a response of a few hundred bytes');

    // The light bulb's way: deferred, then resolved into the edit.
    const [automatic] = await client.codeActions(uri, caucasian.range, [caucasian], 2);
    assert.equal(automatic.edit, undefined);
    const resolved = await client.resolveCodeAction(automatic);
    const expected = editsFor(resolved.edit, uri);

    assert.equal(await execute(client, action), true);
    assert.equal(applied.length, 1, 'one workspace/applyEdit');
    assert.equal(applied[0].label, action.title);
    assert.deepEqual(editsFor(applied[0].edit, uri), expected, 'the command applies exactly the resolved edit');
    const fixed = applyTextEdits(text, expected);
    assert.deepEqual(column(fixed, 1).filter((v) => v === 'Caucasian'), []);
    assert.equal(column(fixed, 1).filter((v) => v === 'White').length, 40_000);
    assert.deepEqual(column(fixed, 2), column(text, 2), 'the comment column untouched');

    // The document moved on (as after applying): the stale command applies nothing and says why.
    await client.change(uri, fixed);
    assert.equal(await execute(client, action), false);
    assert.equal(applied.length, 1, 'no second applyEdit');
    await pollFor(async () => (warnings.some((m) => /changed since/.test(m)) ? true : undefined), 'a warning that the file changed');
    await client.diagnostics(uri, (ds) => !ds.some(label('Caucasian')), 'the finding gone after the fix');
    await client.close(uri);
  });

  it('small fixes stay inline on explicit requests; diagnostics away from the range get no fix', async () => {
    const client = session.client;
    const text = raceCsv();
    const uri = await client.open(ws.write('small.csv', text), text);
    const items = await client.diagnostics(uri, (ds) => ds.some(label('Caucasian')), 'the Caucasian finding');
    const caucasian = items.find(label('Caucasian'))!;
    const [action] = await client.codeActions(uri, caucasian.range, [caucasian]);
    assert.ok(action.edit, 'the edit inline');
    assert.equal(action.command, undefined);

    const elsewhere: Range = { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } };
    assert.deepEqual(await client.codeActions(uri, elsewhere, [caucasian]), [], 'a header finding sent along with a range on row 5');
    assert.equal((await client.codeActions(uri, { start: caucasian.range.end, end: caucasian.range.end }, [caucasian])).length, 1, 'a cursor at its end still touches it');
    await client.close(uri);
  });

  it('diabetic_data.csv (19 MB): the race header\'s explicit request is small, and the Caucasian command applies', async (t) => {
    if (!existsSync(diabetic)) return t.skip(`realdata folder absent: ${diabetic}`);
    const client = session.client;
    const applied = recordApplyEdits(client);
    const text = readFileSync(diabetic, 'utf8');
    const uri = await client.open(ws.write('diabetic_data.csv', text), text);
    let started = performance.now();
    const items = await client.diagnostics(uri, (ds) => ds.some(label('Caucasian')), 'the Caucasian finding');
    t.diagnostic(`diagnostics: ${Math.round(performance.now() - started)} ms`);
    const caucasian = items.find(label('Caucasian'))!;
    const context = touching(items, caucasian.range);
    assert.ok(context.length >= 5, `the race header's findings and the header-wide ones (${context.length})`);

    started = performance.now();
    const actions = await client.codeActions(uri, caucasian.range, context);
    const size = JSON.stringify(actions).length;
    t.diagnostic(`explicit code actions: ${Math.round(performance.now() - started)} ms, ${actions.length} actions, ${size} characters`);
    assert.ok(size < 100_000, `the response is ${size} characters`);
    assert.ok(actions.filter((a) => a.command?.command === applyFixCommand).length >= 4, 'the label and column fixes as commands');
    assert.ok(actions.some((a) => a.edit && /^Acknowledge/.test(a.title)), 'the small acknowledge fixes inline');

    const fix = actions.find((a) => /Replace "Caucasian" with "White"/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    started = performance.now();
    assert.equal(await execute(client, fix), true);
    t.diagnostic(`executing "${fix.title}": ${Math.round(performance.now() - started)} ms`);
    const fixed = applyTextEdits(text, editsFor(applied.at(-1)?.edit, uri));
    assert.equal(fixed.includes(',Caucasian,'), false);
    assert.equal(fixed.length, text.length + ('White'.length - 'Caucasian'.length) * 76_099);
    await client.close(uri);
  });
});
