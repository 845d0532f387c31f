// Consent quick fixes. The quarantine fix loses nothing: on every fixture and on random
// tables (fast-check), the rows of the dataset and of the quarantine file together are
// the original rows, each file keeping their order, and the inverse edits (what undo
// applies) restore both texts. Also: near-miss corrections, the added column, schema fields.
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describe, test } from 'node:test';
import { fixesFor, lintDocument, type DatasetAnalysis, type Fix, type LoadedPolicy, type StructuredAnalysis, type TextEdit } from '../../server/src/engine';
import { parseTable } from '../../server/src/engine/table/parse';
import { FIXTURES, TODAY } from './consentFixtures';
import { applyEdits, byCode, lint as lintUntimed, noPolicy, policyFrom, type LintArgs } from './helpers';

/** Lints under the fixtures' "today", injected into the analysis. */
function lint(text: string, args: LintArgs = {}): DatasetAnalysis {
  return lintUntimed(text, { ...args, options: { today: TODAY, ...args.options } });
}

const ROW_RULES = ['consent-value-missing', 'consent-value-invalid', 'consent-withdrawn', 'consent-scope-mismatch'];

/** Offsets of line starts, computed here rather than by the engine's LineIndex. */
function offsetOf(text: string, p: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
    line++;
  }
  const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
  return Math.min(i + p.character, lineEnd);
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The edits that turn the edited text back into `original`: what an editor's undo applies. */
function inverseEdits(original: string, edits: TextEdit[]): { edited: string; inverse: TextEdit[] } {
  const spans = edits.map((e) => ({ start: offsetOf(original, e.range.start), end: offsetOf(original, e.range.end), text: e.newText })).sort((a, b) => a.start - b.start);
  const edited = applyEdits(original, edits);
  let shift = 0;
  const inverse = spans.map((s) => {
    const start = s.start + shift;
    shift += s.text.length - (s.end - s.start);
    return { start, end: start + s.text.length, old: original.slice(s.start, s.end) };
  }).map((s) => ({ range: { start: positionOf(edited, s.start), end: positionOf(edited, s.end) }, newText: s.old }));
  return { edited, inverse };
}

function rowsOf(text: string, delimiter: string): { header: string[]; rows: string[][] } {
  const table = parseTable(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, delimiter);
  return { header: table.header, rows: table.rows.map((r) => r.values) };
}

interface Applied {
  fix: Fix;
  dataset: string;
  quarantine: string;
  quarantinePath: string;
}

/** Finds the quarantine fix on a row finding, applies it to both texts, and checks that undo restores them. */
function applyQuarantine(a: DatasetAnalysis, policy: LoadedPolicy, files: Record<string, string> = {}): Applied | undefined {
  const finding = a.findings.find((f) => ROW_RULES.includes(f.code));
  if (!finding) return undefined;
  const fix = fixesFor(a, finding, policy, (p) => files[p]).find((f) => f.title.startsWith('Move '));
  assert.ok(fix, `no quarantine fix on ${finding.code}`);
  assert.equal(fix.changes.length, 2, 'one edit with two files');
  const [q, d] = fix.changes;
  assert.equal(d.path, a.path);
  const before = files[q.path];
  assert.equal(q.create === true, before === undefined, 'create exactly when the file does not exist');
  const originalQ = before ?? '';
  const dataset = inverseEdits(a.table.text, d.edits);
  const quarantine = inverseEdits(originalQ, q.edits);
  // Undo: the inverse edits restore both files exactly.
  assert.equal(applyEdits(dataset.edited, dataset.inverse), a.table.text);
  assert.equal(applyEdits(quarantine.edited, quarantine.inverse), originalQ);
  return { fix, dataset: dataset.edited, quarantine: quarantine.edited, quarantinePath: q.path };
}

/** The no-loss property: kept + moved rows = original rows (multiset), order kept in each file. */
function assertNoLoss(original: string, applied: Applied, delimiter: string, existingQuarantine = ''): void {
  const orig = rowsOf(original, delimiter);
  const kept = rowsOf(applied.dataset, delimiter);
  const q = rowsOf(applied.quarantine, delimiter);
  const preexisting = existingQuarantine.trim() ? rowsOf(existingQuarantine, delimiter).rows : [];
  assert.deepEqual(kept.header, orig.header);
  assert.deepEqual(q.header, orig.header, 'the quarantine file has the dataset header');
  assert.deepEqual(q.rows.slice(0, preexisting.length), preexisting, 'rows already in the quarantine file stay first, unchanged');
  const moved = q.rows.slice(preexisting.length);
  // Merge kept and moved back in the original order: both must be subsequences that
  // together are exactly the original rows.
  let k = 0;
  let m = 0;
  for (const row of orig.rows) {
    const key = JSON.stringify(row);
    if (k < kept.rows.length && JSON.stringify(kept.rows[k]) === key) k++;
    else if (m < moved.length && JSON.stringify(moved[m]) === key) m++;
    else assert.fail(`row ${key} was lost or reordered`);
  }
  assert.equal(k, kept.rows.length, 'the dataset gained rows');
  assert.equal(m, moved.length, 'the quarantine file gained rows that were not in the dataset');
}

describe('quarantine fix on every fixture', () => {
  for (const f of FIXTURES) {
    test(`${f.name}: moves exactly the unusable rows, loses none, undo restores`, () => {
      const policy = f.policy ? policyFrom(f.policy) : noPolicy();
      const a = lint(f.text, { policy, path: f.path });
      const applied = applyQuarantine(a, policy);
      assert.ok(applied, 'the fixture has row findings');
      assertNoLoss(f.text, applied, a.table.delimiter);
      assert.equal(applied.quarantinePath, (f.path ?? '/virtual/project/data.csv').replace(/(\.\w+)$/, '.quarantine$1'));
      // What stays is usable: no row finding remains.
      const again = lint(applied.dataset, { policy, path: f.path });
      assert.deepEqual(again.findings.filter((x) => ROW_RULES.includes(x.code)).map((x) => x.message), []);
      // What moved is every row the rules reported.
      const moved = rowsOf(applied.quarantine, a.table.delimiter).rows.length;
      const reported = new Set(a.findings.filter((x) => ROW_RULES.includes(x.code) && x.data.kind === 'cell').map((x) => x.range.start.line));
      assert.equal(moved, reported.size);
      assert.match(applied.fix.title, new RegExp(`^Move ${moved} rows? without usable consent to data\\.quarantine\\.(csv|tsv)$`));
    });
  }
});

describe('quarantine fix with an existing quarantine file', () => {
  const text = 'id,consent\n1,GRU\n2,\n3,HMB\n4,withdrawn\n';
  const q = '/virtual/project/data.quarantine.csv';
  const a = lint(text);

  test('header only, no trailing line break: rows appended after it', () => {
    const existing = 'id,consent';
    const applied = applyQuarantine(a, noPolicy(), { [q]: existing })!;
    assert.equal(applied.quarantine, 'id,consent\n2,\n4,withdrawn\n');
    assertNoLoss(text, applied, ',', existing);
  });

  test('with rows already: appended at its end, CRLF kept', () => {
    const existing = 'id,consent\r\n9,\r\n';
    const applied = applyQuarantine(a, noPolicy(), { [q]: existing })!;
    assert.equal(applied.quarantine, 'id,consent\r\n9,\r\n2,\r\n4,withdrawn\r\n');
    assertNoLoss(text, applied, ',', existing);
  });

  test('empty: the header is written', () => {
    const applied = applyQuarantine(a, noPolicy(), { [q]: '' })!;
    assert.equal(applied.quarantine, 'id,consent\n2,\n4,withdrawn\n');
  });

  test('another header: the next free name, never mixing columns', () => {
    const applied = applyQuarantine(a, noPolicy(), { [q]: 'x,y\n1,2\n' })!;
    assert.equal(applied.quarantinePath, '/virtual/project/data.quarantine-2.csv');
    assert.equal(applied.fix.changes[0].create, true);
  });

  test('the dataset keeps its usable rows, in order', () => {
    const applied = applyQuarantine(a, noPolicy())!;
    assert.equal(applied.dataset, 'id,consent\n1,GRU\n3,HMB\n');
  });
});

describe('quarantine fix: property over random tables (fast-check)', () => {
  const consentValues = ['GRU', 'HMB', 'HMB;NPU', 'DUO:0000042', '', 'NA', 'hmb', 'withdrawn', 'POA', 'DS-MONDO:0005148', 'GRU;NPOA', 'nope'];
  const plainCells = ['a', 'b c', 'x,y', 'say "hi"', 'two\nlines', 'crlf\r\nin cell', '', ' lead', '1.5'];
  const encode = (v: string, quoteAlways: boolean) => (quoteAlways || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const table = fc.record({
    width: fc.integer({ min: 1, max: 3 }),
    consentAt: fc.integer({ min: 0, max: 3 }),
    rows: fc.array(fc.record({ consent: fc.constantFrom(...consentValues), cells: fc.array(fc.constantFrom(...plainCells), { minLength: 3, maxLength: 3 }), quote: fc.boolean() }), { minLength: 1, maxLength: 12 }),
    eol: fc.constantFrom('\n', '\r\n'),
    trailingBreak: fc.boolean(),
    existing: fc.constantFrom('none', 'header', 'header-no-break', 'rows', 'empty'),
    purpose: fc.constantFrom('', 'intendedUse: ancestry-research\n', 'intendedUse: commercial\n'),
  });

  test('rows of both files together equal the original rows; undo restores both texts', () => {
    fc.assert(fc.property(table, (t) => {
      const at = Math.min(t.consentAt, t.width);
      const names = Array.from({ length: t.width }, (_, i) => `c${i}`);
      names.splice(at, 0, 'consent');
      const lines = [names.join(',')];
      for (const r of t.rows) {
        const cells = r.cells.slice(0, t.width).map((c) => encode(c, r.quote));
        cells.splice(at, 0, encode(r.consent, false));
        lines.push(cells.join(','));
      }
      const text = lines.join(t.eol) + (t.trailingBreak ? t.eol : '');
      const header = names.join(',');
      const existing = { none: undefined, header: header + t.eol, 'header-no-break': header, rows: `${header}${t.eol}${encode('old', true)}${',x'.repeat(t.width)}${t.eol}`, empty: '' }[t.existing];
      const policy = t.purpose ? policyFrom(t.purpose) : noPolicy();
      const a = lint(text, { policy });
      const files: Record<string, string> = existing === undefined ? {} : { '/virtual/project/data.quarantine.csv': existing };
      const applied = applyQuarantine(a, policy, files);
      if (!applied) {
        assert.deepEqual(a.findings.filter((x) => ROW_RULES.includes(x.code)), []);
        return;
      }
      assertNoLoss(text, applied, ',', existing ?? '');
      const again = lint(applied.dataset, { policy });
      assert.deepEqual(again.findings.filter((x) => ROW_RULES.includes(x.code)).map((x) => x.message), []);
    }), { numRuns: 300 });
  });
});

describe('near-miss correction', () => {
  test('replaces every such cell in the column in one edit, leaving other columns alone', () => {
    const text = 'id,consent,note\n1,hmb,hmb\n2,"hmb",x\n3,GRU,y\n4,hmb,z\n';
    const a = lint(text);
    const finding = byCode(a.findings, 'consent-value-invalid').find((f) => f.data.kind === 'summary')!;
    const fixes = fixesFor(a, finding, noPolicy(), () => undefined);
    const near = fixes.find((f) => f.title.includes('"HMB"'))!;
    assert.ok(near, fixes.map((f) => f.title).join(' | '));
    assert.equal(near.isPreferred, true);
    assert.match(near.title, /Replace "hmb" with "HMB" in column "consent" \(3 cells\)/);
    const fixed = applyEdits(text, near.changes[0].edits);
    assert.equal(fixed, 'id,consent,note\n1,HMB,hmb\n2,HMB,x\n3,GRU,y\n4,HMB,z\n');
    assert.deepEqual(byCode(lint(fixed).findings, 'consent-value-invalid'), []);
    assert.ok(fixes.some((f) => f.title.startsWith('Move 3 rows')), 'the quarantine fix is offered too');
  });

  test('DUO:42 becomes DUO:0000042 from a cell finding', () => {
    const text = 'id,consent\n1,DUO:42\n';
    const a = lint(text);
    const cell = byCode(a.findings, 'consent-value-invalid').find((f) => f.data.kind === 'cell')!;
    const near = fixesFor(a, cell, noPolicy(), () => undefined)[0];
    assert.equal(applyEdits(text, near.changes[0].edits), 'id,consent\n1,DUO:0000042\n');
  });
});

describe('add consent column', () => {
  test('the header gets the name and every row an empty cell; the rows then lack consent', () => {
    const text = 'id,"note"\r\n1,"a,\r\nb"\r\n2,x\r\n\r\n3,y';
    const a = lint(text);
    const [finding] = byCode(a.findings, 'consent-field-missing');
    const [fix] = fixesFor(a, finding, noPolicy(), () => undefined);
    assert.match(fix.title, /Add a "consent" column \(header and an empty cell in each of 3 rows\)/);
    const fixed = applyEdits(text, fix.changes[0].edits);
    assert.equal(fixed, 'id,"note",consent\r\n1,"a,\r\nb",\r\n2,x,\r\n\r\n3,y,');
    const again = lint(fixed);
    assert.deepEqual(byCode(again.findings, 'consent-field-missing'), []);
    assert.equal(byCode(again.findings, 'consent-value-missing').find((f) => f.data.kind === 'summary')!.data.rows, 3);
  });

  test('a column the policy names is added under that name', () => {
    const a = lint('id\n1\n', { policy: policyFrom('consent:\n  column: dul\n') });
    const [fix] = fixesFor(a, byCode(a.findings, 'consent-field-missing')[0], noPolicy(), () => undefined);
    assert.equal(applyEdits(a.table.text, fix.changes[0].edits), 'id,dul\n1,\n');
  });
});

describe('schema fixes keep the formatting', () => {
  const lintSchema = (text: string, file: string): StructuredAnalysis => {
    const a = lintDocument(file, text, undefined, { policy: noPolicy(), read: () => undefined, workspaceRoot: '/virtual/project' });
    return a as StructuredAnalysis;
  };
  const consentFindings = (a: StructuredAnalysis) => a.findings.filter((f) => f.code.includes('consent'));

  for (const [file, text] of [
    ['/virtual/project/data.schema.json', '{\n    // the study schema\n    "fields": [\n        {\n            "name": "id",\n            "type": "integer"\n        }\n    ],\n    "primaryKey": "id"\n}\n'],
    ['/virtual/project/data.schema.yaml', '# study schema\nfields:\n  - name: id  # the participant\n    type: integer\nprimaryKey: id\n'],
  ] as const) {
    test(`add a required consent field of DUO permissions (${file.slice(-4)})`, () => {
      const a = lintSchema(text, file);
      const [finding] = byCode(a.findings, 'consent-field-missing');
      const [fix] = fixesFor(a, finding, noPolicy(), () => undefined);
      assert.match(fix.title, /Add a required "consent" field of DUO permissions/);
      const fixed = applyEdits(text, fix.changes[0].edits);
      assert.deepEqual(consentFindings(lintSchema(fixed, file)), [], fixed);
      // Untouched lines keep their text: comments and indentation survive.
      for (const line of text.split('\n').filter((l) => /#|\/\/|primaryKey|"id"|name: id|integer/.test(l))) assert.ok(fixed.includes(line), `lost ${line}\n${fixed}`);
      assert.ok(fixed.includes('GRU') && fixed.includes('NRES'));
    });
  }

  // structured/edits.ts (jsonc-parser's modify) re-formats the line of the element before
  // the insertion point, so a one-line field object is spread over several lines.
  test('a one-line JSON field object before the new field stays on one line', () => {
    const file = '/virtual/project/data.schema.json';
    const text = '{\n  "fields": [\n    {"name": "id", "type": "integer"}\n  ]\n}\n';
    const a = lintSchema(text, file);
    const [fix] = fixesFor(a, byCode(a.findings, 'consent-field-missing')[0], noPolicy(), () => undefined);
    assert.ok(applyEdits(text, fix.changes[0].edits).includes('    {"name": "id", "type": "integer"}'));
  });

  test('require and constrain an existing field', () => {
    const file = '/virtual/project/data.schema.yaml';
    let text = 'fields:\n  - name: consent\n    type: string\n';
    for (const code of ['schema-consent-not-required', 'schema-consent-unconstrained']) {
      const a = lintSchema(text, file);
      const [finding] = byCode(a.findings, code);
      const [fix] = fixesFor(a, finding, noPolicy(), () => undefined);
      text = applyEdits(text, fix.changes[0].edits);
    }
    assert.deepEqual(consentFindings(lintSchema(text, file)), [], text);
    assert.ok(text.startsWith('fields:\n  - name: consent\n    type: string\n'), text);
  });
});
