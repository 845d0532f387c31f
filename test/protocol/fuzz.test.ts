// Fuzz of one server process: generated documents (test/fuzz/inputs.ts, fixed seed) are
// opened, edited by random incremental changes (line breaks of every kind, quotes,
// delimiters inserted anywhere), and asked for diagnostics, hovers and code actions.
// Asserted: every request gets its answer, every diagnostic lies inside its document, and
// the server is still running at the end. The slowest answers are printed, not asserted.
// FUZZ_SEED and FUZZ_SERVER_DOCS (default 250) make a longer run.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeTextDocumentNotification, type Diagnostic, type Position } from 'vscode-languageserver-protocol/node';
import { documentText, editText, Gen, random } from '../fuzz/inputs';
import { serverPerSuite, withTimeout } from './harness';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201) + 1;
const DOCS = Number(process.env.FUZZ_SERVER_DOCS ?? 250);
/** Generous: a bound on waiting so a lost answer fails the test instead of hanging it. */
const ANSWER_WITHIN_MS = 120_000;

describe('server fuzz', () => {
  const session = serverPerSuite({ pull: true });

  it(`${DOCS} generated documents, random edits, diagnostics, hovers and code actions (seed ${SEED})`, async (t) => {
    const g = new Gen(random(SEED));
    const worst = new Map<string, { ms: number; doc: string }>();
    const counts = new Map<string, number>();
    const timed = async <T>(what: string, doc: string, request: () => Promise<T>): Promise<T> => {
      const start = process.hrtime.bigint();
      const result = await withTimeout(request(), `${what} on ${doc}`, ANSWER_WITHIN_MS);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      counts.set(what, (counts.get(what) ?? 0) + 1);
      if (ms > (worst.get(what)?.ms ?? -1)) worst.set(what, { ms, doc });
      return result;
    };
    const position = (doc: TextDocument): Position => doc.positionAt(g.int(doc.getText().length + 1));
    const inside = (doc: TextDocument, d: Diagnostic) => d.range.start.line < doc.lineCount && d.range.end.line < doc.lineCount
      && d.range.start.character >= 0 && d.range.end.character >= 0;
    let edits = 0;

    for (let n = 0; n < DOCS; n++) {
      const { name, text } = documentText(g);
      // A folder per document: a policy file must keep its own name.
      const docName = `d${n}/${name}`;
      mkdirSync(join(session.ws.root, `d${n}`));
      const file = session.ws.write(docName, text);
      const uri = await session.client.open(file, text);
      let doc = TextDocument.create(uri, 'plaintext', 1, text);
      const editCount = g.int(8);
      for (let e = 0; e < editCount; e++) {
        const a = g.int(doc.getText().length + 1);
        const b = Math.min(doc.getText().length, a + g.int(20));
        const change = { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: editText(g) };
        doc = TextDocument.update(doc, [change], doc.version + 1);
        await session.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
        edits++;
        if (g.chance(0.3)) await timed('diagnostic', docName, () => session.client.pullDiagnostics(uri));
      }
      const diagnostics = await timed('diagnostic', docName, () => session.client.pullDiagnostics(uri));
      const outside = diagnostics.filter((d) => !inside(doc, d));
      assert.deepEqual(outside.map((d) => ({ code: d.code, range: d.range })), [], `diagnostics outside ${docName} (${doc.lineCount} lines)`);
      for (let h = 0; h < 3; h++) await timed('hover', docName, () => session.client.hover(uri, position(doc)));
      if (diagnostics.length > 0) await timed('hover', docName, () => session.client.hover(uri, diagnostics[0].range.start));
      for (const d of diagnostics.slice(0, 3)) {
        const actions = await timed('codeAction', docName, () => session.client.codeActions(uri, d.range, [d]));
        for (const action of actions.filter((x) => !x.edit).slice(0, 2)) await timed('codeAction/resolve', docName, () => session.client.resolveCodeAction(action));
      }
      await session.client.close(uri);
    }
    assert.equal(session.client.child.exitCode, null, `the server exited: ${session.client.stderr.slice(-2000)}`);
    const report = [...worst].map(([what, w]) => `${what} ${counts.get(what)} requests, slowest ${w.ms.toFixed(0)} ms (${w.doc})`).join('; ');
    t.diagnostic(`server fuzz: ${DOCS} documents, ${edits} edits; ${report}`);
  });
});
