// Editing a dataset re-lints it incrementally (the edit spliced into the table linted
// before, stale versions dropped): after a random sequence of edits (fast-check: rows
// inserted, deleted and changed, characters typed, the header edited, some sent faster
// than the server lints), the diagnostics published for the last version equal those of
// a full lint of the same text, which the server makes when the document is opened anew.
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describe, it } from 'node:test';
import { DidChangeTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverPerSuite } from './harness';

const HEADER = 'patient_id,race,gender,age,zip,consent,diag_1,hba1c';
const RACE = ['White', 'Caucasian', 'Black', 'AfricanAmerican', 'Asian', '?', '', 'Hispanic'];
const CONSENT = ['GRU', 'HMB', 'withdrawn', '', 'DUO:0000042'];
const DIAG = ['E11', '250.83', 'I10', '?', '', 'V57'];
const HBA1C = ['6.5 %', '48 mmol/mol', '7.1', '', 'NA'];

const ROW = fc.record({
  id: fc.integer({ min: 1, max: 60 }),
  race: fc.constantFrom(...RACE),
  gender: fc.constantFrom('Male', 'Female', 'Unknown/Invalid'),
  age: fc.oneof(fc.integer({ min: 18, max: 95 }).map(String), fc.constantFrom('[70-80)', '[90-100)')),
  zip: fc.integer({ min: 1000, max: 99999 }).map((n) => String(n).padStart(5, '0')),
  consent: fc.constantFrom(...CONSENT),
  diag: fc.constantFrom(...DIAG),
  hba1c: fc.constantFrom(...HBA1C),
  quoted: fc.constantFrom(false, false, false, false, false, false, false, true),
}).map((r) => [`P${r.id}`, r.race, r.gender, r.age, r.zip, r.consent, r.quoted ? `"${r.diag}, see notes"` : r.diag, r.hba1c].join(','));

/** An edit, by where it falls in the current text (fractions, so any text can take it). */
const EDIT = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(999), rows: fc.array(ROW, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(999), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(999), row: ROW }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(999), text: fc.constantFrom('x', '1', ',', '?', ' ', '"') }),
  fc.record({ kind: fc.constant('header' as const), text: fc.constantFrom(',notes', '_x') }),
);
type Edit = typeof EDIT extends fc.Arbitrary<infer T> ? T : never;

/** The edit as the incremental change an editor sends for it. */
function changeFor(doc: TextDocument, edit: Edit): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const rows = doc.lineCount - 2; // header and the empty last line
  const line = 1 + Math.floor((edit.kind === 'header' ? 0 : edit.at) / 1000 * Math.max(1, rows));
  const at = (l: number, character = 0) => ({ line: l, character });
  switch (edit.kind) {
    case 'insert': return { range: { start: at(line), end: at(line) }, text: edit.rows.map((r) => `${r}\n`).join('') };
    case 'delete': return { range: { start: at(line), end: at(Math.min(doc.lineCount - 1, line + edit.count)) }, text: '' };
    case 'change': return { range: { start: at(line), end: at(line + 1) }, text: `${edit.row}\n` };
    case 'type': {
      const length = doc.getText({ start: at(line), end: at(line + 1) }).replace(/\n$/, '').length;
      const character = Math.floor(edit.at % 37 / 37 * (length + 1));
      return { range: { start: at(line, character), end: at(line, character) }, text: edit.text };
    }
    case 'header': {
      const end = doc.getText({ start: at(0), end: at(1) }).replace(/\n$/, '').length;
      return { range: { start: at(0, end), end: at(0, end) }, text: edit.text };
    }
  }
}

/** What a diagnostic says and where, for comparing two lints. */
function comparable(items: Diagnostic[]): string[] {
  return items.map((d) => JSON.stringify([d.range, d.code, d.severity, d.message, d.data])).sort();
}

describe('incremental re-lint (push)', () => {
  const session = serverPerSuite({ pull: false });
  let run = 0;

  it('after random edits equals a full lint of the same text', async () => {
    // fast-check reports the counterexample; the assertion's own message says what differed.
    let failure: unknown;
    await fc.assert(fc.asyncProperty(fc.array(ROW, { minLength: 150, maxLength: 300 }), fc.array(fc.tuple(EDIT, fc.boolean()), { minLength: 1, maxLength: 6 }), async (rows, edits) => {
      try {
        await editAndCompare(rows, edits);
      } catch (error) {
        failure ??= error;
        throw error;
      }
    }), { numRuns: 12, endOnFailure: true }).catch((error) => { throw failure ?? error; });
    // The sequences went through the splicing path, not only through full lints.
    assert.ok(session.client.logs.some((line) => line.includes('edit spliced into the table')), 'no edit was spliced');
  });

  // A large document's first lint profiles its rows in one pass and builds the blocks edits
  // reuse afterwards (lsp/analyses.ts prepareBlocks): edits made before and after that equal
  // a full lint too.
  it('a large document: edits before and after its blocks are prepared equal a full lint', async () => {
    const big = fc.sample(ROW, { numRuns: 25_000, seed: 7 });
    const edits = fc.sample(fc.array(fc.tuple(EDIT.filter((e) => e.kind !== 'header'), fc.constant(true)), { minLength: 3, maxLength: 3 }), { numRuns: 2, seed: 11 });
    const before = session.client.logs.length;
    await editAndCompare(big, edits[0], 'at once');
    await editAndCompare(big, edits[1], 'prepared');
    const logs = session.client.logs.slice(before);
    assert.ok(logs.some((line) => /^Prepared edited-\d+\.csv v1 for edits/.test(line)), logs.join('\n'));
    assert.ok(logs.some((line) => line.includes('edit spliced into the table')), logs.join('\n'));
  });

  async function editAndCompare(rows: string[], edits: [Edit, boolean][], large?: 'at once' | 'prepared'): Promise<void> {
    {
      const client = session.client;
      const text = `${HEADER}\n${rows.join('\n')}\n`;
      const name = `edited-${run++}.csv`;
      const path = session.ws.write(name, text);
      const uri = await client.open(path, text);
      await client.diagnostics(uri);
      if (large === 'prepared') await client.until(() => client.logs.some((line) => line.startsWith(`Prepared ${name} v1 for edits`)) || undefined, 'the blocks prepared');
      let doc = TextDocument.create(uri, 'csv', 1, text);
      for (const [edit, waitForLint] of edits) {
        const change = changeFor(doc, edit);
        doc = TextDocument.update(doc, [change], doc.version + 1);
        // The harness tracks versions for its diagnostics wait: keep it in step.
        (client as unknown as { versions: Map<string, number> }).versions.set(uri, doc.version);
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
        // Some edits follow faster than the server lints: their versions are dropped.
        if (waitForLint) await client.diagnostics(uri);
      }
      const incremental = await client.diagnostics(uri);
      await client.close(uri);
      // Closing publishes an empty list; the reopened document's own comes after it.
      await client.until(() => (client.lastPublished(uri)?.diagnostics.length === 0 ? true : undefined), 'the closed document cleared');
      const seen = client.published.get(uri)!.length;
      await client.open(path, doc.getText());
      const full = await client.until(() => client.published.get(uri)!.slice(seen).find((p) => p.version === 1)?.diagnostics, 'diagnostics of the reopened document');
      const [a, b] = [comparable(incremental), comparable(full)];
      const onlyIncremental = a.filter((x) => !b.includes(x));
      const onlyFull = b.filter((x) => !a.includes(x));
      assert.ok(onlyIncremental.length === 0 && onlyFull.length === 0 && a.length === b.length,
        `incremental lint differs from a full lint:\n  only incremental: ${onlyIncremental.join('\n    ')}\n  only full: ${onlyFull.join('\n    ')}`);
      await client.close(uri);
    }
  }
});
