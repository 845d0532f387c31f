// The ends an editor's changes left alone (lsp/editSpans.ts), noted as TextDocuments
// applies them: for any sequence of change events (several changes each, full-text
// replacements now and then) and any two versions, the first `prefix` and last `suffix`
// characters are the same in both texts; versions not in the chain give nothing.
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describe, test } from 'node:test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EditSpans } from '../../server/src/lsp/editSpans';

const PIECE = fc.constantFrom('', 'a', 'White', ',', '\n', '\r\n', 'é', '12');
const CHANGE = fc.record({ start: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 12 }), text: PIECE, full: fc.constantFrom(false, false, false, false, false, false, false, false, false, true) });

describe('edit spans', () => {
  test('after any sequence of changes, the ends since any version are unchanged in both texts', () => {
    let checked = 0;
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.array(fc.array(CHANGE, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }), (start, events) => {
      const spans = new EditSpans();
      const config = spans.documents();
      let doc: TextDocument = config.create('file:///a.csv', 'csv', 1, start);
      const texts = new Map<number, string>([[1, start]]);
      let version = 1;
      for (const event of events) {
        // Each change's range is in the text the change before it left (as clients send them).
        let text = doc.getText();
        const changes = event.map((c) => {
          if (c.full) { text = c.text; return { text: c.text }; }
          // A position is never inside a \r\n (LSP has no position there).
          const from = outsideBreak(text, Math.floor(c.start * text.length));
          const to = outsideBreak(text, Math.min(text.length, from + c.length));
          const change = { range: { start: positionAt(text, from), end: positionAt(text, to) }, text: c.text };
          text = text.slice(0, from) + c.text + text.slice(to);
          return change;
        });
        version += 2;
        doc = config.update(doc, changes, version);
        assert.equal(doc.getText(), text);
        texts.set(version, text);
      }
      for (const [from, before] of texts) {
        for (const [to, after] of texts) {
          const ends = spans.since('file:///a.csv', from, to);
          if (from >= to) { assert.equal(ends, undefined); continue; }
          assert.ok(ends, `ends from ${from} to ${to}`);
          assert.ok(ends.prefix + ends.suffix <= Math.min(before.length, after.length));
          assert.equal(before.slice(0, ends.prefix), after.slice(0, ends.prefix));
          assert.equal(before.slice(before.length - ends.suffix), after.slice(after.length - ends.suffix));
          checked++;
        }
      }
      assert.equal(spans.since('file:///a.csv', 2, version), undefined, 'a version never seen');
      spans.forgetBefore('file:///a.csv', version);
      assert.equal(spans.since('file:///a.csv', 1, version), undefined, 'steps forgotten');
    }), { numRuns: 300 });
    assert.ok(checked > 1000, `only ${checked} pairs checked`);
  });
});

/** The LSP position of an offset: UTF-16 code units after the last line break (\r\n, \r or \n). */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n' && i + 1 < offset) continue;
    if (c === '\n' || c === '\r') { line++; lineStart = i + 1; }
  }
  return { line, character: offset - lineStart };
}

function outsideBreak(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}
