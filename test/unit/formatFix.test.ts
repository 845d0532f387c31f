// The phenotype-format-mixed quick fix, property-tested (fast-check) over random tables:
// it changes only the cells it names, each to the value an independent oracle expects
// (the generator knows every cell's date and how it was written), and nothing else in
// the file: other columns, quoting, line breaks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import Papa from 'papaparse';
import { fixesFor } from '../../server/src/engine';
import { applyEdits, byCode, lint, noPolicy, policyFrom } from './helpers';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (d: { y: number; m: number; d: number }) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;
const otherCells = ['a', 'b c', 'x,y', 'say "hi"', 'two\nlines', '', '1.5', '03/04/2019'];
const encode = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

type Kind = 'iso' | 'mdy' | 'dmy' | 'ambiguous' | 'datetime' | 'missing';
const cell = fc.record({
  kind: fc.constantFrom<Kind>('iso', 'iso', 'mdy', 'dmy', 'ambiguous', 'datetime', 'missing'),
  y: fc.integer({ min: 1950, max: 2024 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
  other: fc.constantFrom(...otherCells),
});

/** How the generator writes a cell: the text, and the date it means (day and month set per kind). */
function written(c: { kind: Kind; y: number; m: number; d: number }): { text: string; date?: { y: number; m: number; d: number } } {
  switch (c.kind) {
    case 'iso': return { text: iso(c), date: c };
    case 'mdy': { const d = Math.max(13, c.d); return { text: `${pad(c.m)}/${d}/${c.y}`, date: { ...c, d } }; }
    case 'dmy': { const d = Math.max(13, c.d); return { text: `${d}/${pad(c.m)}/${c.y}`, date: { ...c, d } }; }
    case 'ambiguous': { const d = Math.min(12, c.d); return { text: `${pad(c.m)}/${pad(d)}/${c.y}`, date: { ...c, d } }; }
    case 'datetime': return { text: `${iso(c)}T10:30:00Z`, date: c };
    default: return { text: '' };
  }
}

function parse(text: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
}

describe('phenotype-format-mixed fix: property over random tables (fast-check)', () => {
  const table = fc.record({
    rows: fc.array(cell, { minLength: 6, maxLength: 30 }),
    eol: fc.constantFrom('\n', '\r\n'),
    order: fc.constantFrom(undefined, 'DMY', 'MDY'),
  });

  test('only the dates it names change, each to the ISO date the cell means; every other byte stays', () => {
    fc.assert(fc.property(table, (t) => {
      const cells = t.rows.map(written);
      const text = ['id,visit_date,note', ...t.rows.map((r, i) => `${i + 1},${cells[i].text},${encode(r.other)}`)].join(t.eol) + t.eol;
      const policy = policyFrom(`phenotype:\n  dateFormat: YYYY-MM-DD\n${t.order ? `  dateOrder: ${t.order}\n` : ''}`);
      const a = lint(text, { policy });
      const finding = byCode(a.findings, 'phenotype-format-mixed').find((f) => f.data.column === 'visit_date');
      const kinds = new Set(t.rows.filter((r) => r.kind !== 'missing').map((r) => r.kind));
      // An ambiguous 01/02/1950 is written as the month-first or day-first dates beside it:
      // with either of them in the column it is one way of writing, not a second one.
      if (kinds.has('mdy') || kinds.has('dmy')) kinds.delete('ambiguous');
      if (!finding) {
        // Only one way of writing dates (or too few dates): nothing to report.
        assert.ok(kinds.size <= 1 || cells.filter((c) => c.date).length < 5, `no finding for kinds ${[...kinds]}`);
        return;
      }
      // The order the fix may read a day/month value in: the policy's, else the one the column proves.
      const proves = new Set(t.rows.filter((r) => r.kind === 'mdy' || r.kind === 'dmy').map((r) => r.kind));
      const order = t.order ?? (proves.size === 1 ? (proves.has('mdy') ? 'MDY' : 'DMY') : undefined);
      const expected = t.rows.map((r, i) => {
        const { text: was, date } = cells[i];
        if (r.kind === 'mdy' || r.kind === 'dmy') return iso(date!);
        if (r.kind === 'ambiguous') {
          const [first, second] = was.split('/').map(Number);
          if (first === second) return iso(date!);
          if (order === 'MDY') return iso({ y: r.y, m: first, d: second });
          if (order === 'DMY') return iso({ y: r.y, m: second, d: first });
        }
        return was;
      });
      const fixes = fixesFor(a, finding, policy, () => undefined);
      const changed = expected.filter((e, i) => e !== cells[i].text).length;
      if (changed === 0) { assert.equal(fixes.length, 0); return; }
      assert.equal(fixes.length, 1);
      assert.match(fixes[0].title, new RegExp(`\\(${changed} cells?\\)$`));
      const fixed = applyEdits(text, fixes[0].changes[0].edits);
      const before = parse(text);
      const after = parse(fixed);
      assert.equal(after.length, before.length);
      after.forEach((row, i) => {
        assert.deepEqual([row[0], row[2]], [before[i][0], before[i][2]], `row ${i}: other columns untouched`);
        if (i > 0) assert.equal(row[1], expected[i - 1], `row ${i}: ${before[i][1]}`);
      });
      assert.equal(fixed.split(t.eol).length, text.split(t.eol).length, 'line breaks kept');
    }), { numRuns: 300 });
  });

  const sexValues = ['M', 'F', 'male', 'female', 'Male', 'MALE', '1', '2', ''];
  test('category spellings: only cells in the rewrite map change, to their mapped spelling; digits never', () => {
    fc.assert(fc.property(fc.array(fc.record({ sex: fc.constantFrom(...sexValues), other: fc.constantFrom(...otherCells) }), { minLength: 2, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
      const text = ['id,sex,note', ...rows.map((r, i) => `${i + 1},${r.sex},${encode(r.other)}`)].join(eol) + eol;
      const a = lint(text);
      const finding = byCode(a.findings, 'phenotype-format-mixed').find((f) => f.data.column === 'sex');
      if (!finding) return;
      const rewrites = finding.data.rewrites as Record<string, string>;
      assert.ok(!('1' in rewrites) && !('2' in rewrites) && !Object.values(rewrites).some((v) => /^\d$/.test(v)));
      const [fix] = fixesFor(a, finding, noPolicy(), () => undefined);
      if (!fix) { assert.ok(!rows.some((r) => r.sex in rewrites)); return; }
      const after = parse(applyEdits(text, fix.changes[0].edits));
      const before = parse(text);
      after.forEach((row, i) => {
        assert.deepEqual([row[0], row[2]], [before[i][0], before[i][2]]);
        if (i > 0) assert.equal(row[1], rewrites[before[i][1]] ?? before[i][1]);
      });
    }), { numRuns: 300 });
  });
});

describe('phenotype-format-mixed fix on a CRLF file with quoted cells', () => {
  test('one edit, quoting and CRLF line breaks kept', () => {
    const text = 'id,visit_date,note\r\n1,2019-03-04,"a, b"\r\n2,03/25/2019,x\r\n3,2020-01-01,"say ""hi"""\r\n4,2021-05-06,y\r\n5,2018-07-08,z\r\n';
    const a = lint(text);
    const [fix] = fixesFor(a, byCode(a.findings, 'phenotype-format-mixed')[0], noPolicy(), () => undefined);
    assert.equal(applyEdits(text, fix.changes[0].edits), text.replace('03/25/2019', '2019-03-25'));
  });
});
