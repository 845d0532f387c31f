// An edit spliced into the table parsed before (reparseTable) gives exactly the table a
// full parse of the new text gives: rows, offsets, problems, line index. Random tables
// (fast-check) with every line break kind, quoted fields, blank lines, short rows and a
// `#` preamble, then a random sequence of inserts, deletes and replacements anywhere
// (the header too), with and without the edit's ends given; where reparseTable declines,
// the full parse is what the editor uses.
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describe, test } from 'node:test';
import { LineIndex } from '../../server/src/engine/table/lineIndex';
import { parseTable, type Table } from '../../server/src/engine/table/parse';
import { changedSpan, reparseTable } from '../../server/src/engine/table/reparse';

const BREAK = fc.constantFrom('\n', '\r\n', '\r');
const CELL = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('White', 'Asian', 'NA', '', '?', '42', 'E11', 'x y') },
  { weight: 1, arbitrary: fc.constantFrom('"q"', '"a,b"', '"a\nb"', 'say "hi"', '#', ' ') },
);
/** Text an edit inserts: cell text, delimiters, breaks, now and then a quote. */
const INSERTED = fc.array(fc.oneof(
  { weight: 10, arbitrary: fc.oneof(CELL, fc.constantFrom(',', ',', '\n', '\r\n', '\r')) },
  { weight: 1, arbitrary: fc.constant('"') },
), { maxLength: 6 }).map((parts) => parts.join(''));

const TABLE = fc.record({
  preamble: fc.boolean(),
  nul: fc.constantFrom(false, false, false, true),
  header: fc.array(fc.constantFrom('id', 'race', 'age', 'diag', 'note'), { minLength: 2, maxLength: 5 }),
  rows: fc.array(fc.tuple(fc.array(CELL, { minLength: 1, maxLength: 6 }), BREAK), { minLength: 30, maxLength: 200 }),
  last: fc.constantFrom('', '\n', '\r\n'),
}).map(({ preamble, nul, header, rows, last }) => {
  // A NUL byte (undecodable input) in one table in four, in its first data row.
  const head = (preamble ? '# exported\n' : '') + header.join(',') + '\n' + (nul ? 'a\u0000b\n' : '');
  return head + rows.map(([cells, br], i) => cells.join(',') + (i < rows.length - 1 ? br : last)).join('');
});

/** An edit as offsets into the text it applies to. */
const EDIT = fc.record({ at: fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1e6), length: fc.nat({ max: 40 }), text: INSERTED });

function apply(text: string, edit: { at: number; length: number; text: string }): string {
  const from = Math.floor(edit.at * text.length);
  return text.slice(0, from) + edit.text + text.slice(Math.min(text.length, from + edit.length));
}

/** The table without the tokenizer's cost figure, which counts work, not content. */
function content(table: Table): Omit<Table, 'charactersRead'> {
  const { charactersRead: _, ...rest } = table;
  return rest;
}

describe('reparseTable', () => {
  test('after any sequence of edits, equals parseTable on the new text', () => {
    let spliced = 0;
    let splicedWithEnds = 0;
    let declined = 0;
    fc.assert(fc.property(TABLE, fc.array(EDIT, { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ',', ',', undefined), (start, edits, hint) => {
      let text = start;
      let table = parseTable(text, hint);
      for (const edit of edits) {
        const before = text;
        text = apply(text, edit);
        const full = parseTable(text, hint);
        const again = reparseTable(table, text, hint);
        // The same with the edit's ends given, as an editor knows them (not always the longest common ones).
        const from = Math.floor(edit.at * before.length);
        const ends = { prefix: from, suffix: before.length - Math.min(before.length, from + edit.length) };
        // A wider span than the texts' own may hold a quote theirs does not, and be declined.
        const told = reparseTable(table, text, hint, ends);
        if (told) {
          splicedWithEnds++;
          assert.deepStrictEqual(content(told), content(full));
        }
        if (again) {
          spliced++;
          assert.deepStrictEqual(content(again), content(full));
        } else declined++;
        table = again ?? full;
      }
    }), {
      numRuns: 400,
      examples: [
        // A header with unnamed trailing columns ("id,,"): the rows are read against the
        // trimmed header by the full parse too, so id-only rows are judged alike.
        ['id,,\nWhite\nWhite\nWhite\nWhite,White\n', [{ at: 0.5, length: 0, text: ',' }], ','],
      ],
    });
    // Both paths ran: the property is not vacuous.
    assert.ok(spliced > 100, `only ${spliced} edits spliced`);
    assert.ok(declined > 50, `only ${declined} edits declined`);
    assert.ok(splicedWithEnds > 100, `only ${splicedWithEnds} edits spliced with their ends given`);
  });

  test('declines an edit of the header and one that opens a quote', () => {
    const text = 'id,race\n1,White\n2,Asian\n3,Black\n4,Asian\n';
    const table = parseTable(text, ',');
    assert.equal(reparseTable(table, text.replace('race', 'ethnicity'), ','), undefined);
    assert.equal(reparseTable(table, text.replace('3,Black', '3,"Black'), ','), undefined);
    const edited = reparseTable(table, text.replace('3,Black', '3,Black,extra'), ',');
    assert.ok(edited);
    assert.deepStrictEqual(edited.problems.map((p) => [p.kind, p.actual]), [['field-count', 3]]);
  });

  test('changedSpan finds the one differing span, across whole blocks', () => {
    const before = 'a'.repeat(10_000) + 'XY' + 'b'.repeat(9_000);
    const after = 'a'.repeat(10_000) + 'Z' + 'b'.repeat(9_000);
    assert.deepStrictEqual(changedSpan(before, after), { from: 10_000, oldTo: 10_002, newTo: 10_001 });
    assert.deepStrictEqual(changedSpan('aaa', 'aaaa'), { from: 3, oldTo: 3, newTo: 4 });
    assert.equal(changedSpan('same', 'same'), undefined);
  });

  test('LineIndex.spliced equals a fresh index for every break kind', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n'), { maxLength: 30 }).map((p) => p.join('')), EDIT, (text, edit) => {
      const next = apply(text, edit);
      const span = changedSpan(text, next);
      if (!span) return;
      assert.deepStrictEqual(LineIndex.spliced(new LineIndex(text), next, span.from, span.oldTo, span.newTo), new LineIndex(next));
    }), { numRuns: 2000 });
  });
});
