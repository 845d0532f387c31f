// While an edited dataset is re-linted, hovers and code actions are answered from the
// last finished analysis, with positions mapped across the edit (lsp/staleView.ts); a
// position inside the edit waits for the current analysis. Requests are sent right after
// the change, inside the debounce, so the current version has not been linted yet: what
// they answer shows which analysis answered (counts of the version before the edit).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DidChangeTextDocumentNotification, type Range } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverText, serverPerSuite } from './harness';

const RACES = ['Caucasian', 'AfricanAmerican', 'Caucasian', 'Asian', 'Hispanic', 'Caucasian', 'Other', '?'];

function dataset(rows: number): string {
  const lines = ['encounter_id,patient_nbr,race,gender,age'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${1000 + i},${RACES[i % RACES.length]},${i % 2 ? 'Female' : 'Male'},[${(i % 9) * 10}-${(i % 9) * 10 + 10})`);
  return lines.join('\n') + '\n';
}

/** The n of the group row in the ancestry header's hover table. */
function groupCount(markdown: string, group: string): number {
  const row = markdown.split('\n').find((l) => l.startsWith(`| ${group} |`));
  assert.ok(row, `no ${group} row in the hover`);
  return Number(row.split('|')[2].replace(/[^\d]/g, ''));
}

describe('answers while re-linting (push)', () => {
  const session = serverPerSuite({ pull: false });

  it('hovers and code actions answer from the last analysis, mapped across the edit', async () => {
    const client = session.client;
    const text = dataset(400);
    const path = session.ws.write('stale.csv', text);
    const uri = await client.open(path, text);
    const first = await client.diagnostics(uri);
    const label = first.find((d) => d.code === 'ancestry-label-nonstandard' && JSON.stringify(d).includes('Caucasian'));
    assert.ok(label, 'a label finding for Caucasian');
    const header = { line: 0, character: text.indexOf('race') + 1 };
    const asianBefore = groupCount(hoverText(await client.hover(uri, header)), 'Asian');

    let doc = TextDocument.create(uri, 'csv', 1, text);
    const change = async (range: Range, newText: string) => {
      doc = TextDocument.update(doc, [{ range, text: newText }], doc.version + 1);
      (client as unknown as { versions: Map<string, number> }).versions.set(uri, doc.version);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: newText }] });
    };
    // A row inserted near the top: every row below it moves down a line.
    await change({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, '9999,9999,Asian,Male,[50-60)\n');
    const [hover, actions] = await Promise.all([client.hover(uri, header), client.codeActions(uri, label.range, [label])]);
    assert.equal(groupCount(hoverText(hover), 'Asian'), asianBefore, 'the hover answered from the analysis before the edit');
    const edits = actions.flatMap((a) => a.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : []));
    assert.ok(edits.length > 100, `the label fix's edits (${edits.length})`);
    // Each edit lands on a Caucasian cell of the current text, below the inserted row too.
    for (const edit of edits) assert.equal(doc.getText(edit.range), 'Caucasian');
    assert.ok(edits.some((e) => e.range.start.line > 3));

    await client.diagnostics(uri);
    assert.equal(groupCount(hoverText(await client.hover(uri, header)), 'Asian'), asianBefore + 1, 'once linted, the current analysis answers');

    // An edit of the header cell itself: a hover there has no counterpart before the edit, so it waits.
    await change({ start: { line: 0, character: header.character - 1 }, end: { line: 0, character: header.character } }, 'R');
    assert.match(hoverText(await client.hover(uri, { line: 0, character: header.character - 1 })), /ancestry column "Race"/);
    await client.close(uri);
  });
});

describe('answers across a relint of everything', () => {
  const session = serverPerSuite({ pull: false });

  // A policy file created or deleted relints every document. A request that was waiting on
  // the lint that change dropped gets the newer lint's answer, not nothing.
  it('a code action waiting while a policy change relints gets its fixes', async () => {
    const client = session.client;
    const text = dataset(60_000);
    const path = session.ws.write('relint.csv', text);
    const uri = await client.open(path, text);
    const first = await client.diagnostics(uri);
    const label = first.find((d) => d.code === 'ancestry-label-nonstandard' && JSON.stringify(d).includes('Caucasian'));
    assert.ok(label, 'a label finding for Caucasian');
    const policyEvent = async (type: 1 | 3) => client.watchedFilesChanged([{ uri: `${uri.slice(0, uri.lastIndexOf('/'))}/cohortlint.yaml`, type }]);
    // The first change drops the analysis: the request waits for a new lint, which the
    // second change (while that lint runs) drops in its turn.
    await policyEvent(1);
    const actions = client.codeActions(uri, label.range, [label]);
    await new Promise((done) => setTimeout(done, 100));
    await policyEvent(3);
    const titles = (await actions).map((a) => a.title);
    assert.ok(titles.some((t) => t.includes('Caucasian')), `the label fix is offered; offered: ${titles.join(' | ') || 'none'}`);
    await client.close(uri);
  });
});
