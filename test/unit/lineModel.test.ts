// One line model everywhere: `\r\n`, `\n` and `\r` end lines for positions, parsing and
// edits, as vscode-languageserver-textdocument counts them. Random tables (fast-check)
// with random line breaks (LF, CRLF, CR, mixed), quoted cells holding any of them, a
// BOM or not: the parse gives back the generated rows, and every table fix, applied by
// TextDocument.applyEdits, keeps the multiset of rows (dataset plus quarantine file) and
// changes only the cells it says it changes.
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixesFor, lintDataset, type DatasetAnalysis, type Finding, type Fix } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/table/lineIndex';
import { parseTable } from '../../server/src/engine/table/parse';
import { TODAY } from './consentFixtures';
import { noPolicy } from './helpers';


const RUNS = 600;
const MIN_PER_FIX = 500;
const DATASET = '/virtual/project/cohort.csv';
const QUARANTINE = '/virtual/project/cohort.quarantine.csv';

const BREAK = fc.constantFrom('\n', '\r\n', '\r');
/** Text that needs quoting: breaks of every kind, quotes, delimiters. */
const AWKWARD = fc.constantFrom('a\nb', 'a\r\nb', 'a\rb', 'say "hi"', 'x,y', '\r', '\n', '"', ' lead', 'tail ', 'é ü 🧬');

const cell = (plain: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: AWKWARD });
const RACE = cell(fc.constantFrom('White', 'Caucasian', 'Black', 'African American', 'Asian', 'Hispanic', 'NA', ''));
const CONSENT = cell(fc.constantFrom('GRU', 'HMB', 'hmb', 'GRU', 'withdrawn', '', 'NA', 'DUO:0000042', 'nope'));
const DIAGNOSIS = cell(fc.constantFrom('E11', 'I10', 'NA', '?', '', 'unknown'));
const NOTE = cell(fc.string({ maxLength: 6 }));

interface Case {
  header: string[];
  rows: string[][];
  breaks: string[];
  quoteAll: boolean[];
  bom: boolean;
  trailing: boolean;
  /** The quarantine file already on disk (its rows), or undefined. */
  quarantine?: { rows: string[][]; bom: boolean; eol: string };
}

const caseArb = (withConsent: boolean): fc.Arbitrary<Case> => fc
  .record({
    rows: fc.array(fc.tuple(RACE, CONSENT, DIAGNOSIS, NOTE), { minLength: 6, maxLength: 25 }),
    mode: fc.constantFrom('lf', 'crlf', 'cr', 'mixed'),
    mixed: fc.array(BREAK, { minLength: 30, maxLength: 30 }),
    quoteAll: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
    bom: fc.boolean(),
    trailing: fc.boolean(),
    existing: fc.option(fc.record({ rows: fc.array(fc.tuple(RACE, CONSENT, DIAGNOSIS, NOTE), { maxLength: 3 }), bom: fc.boolean(), eol: BREAK, trailing: fc.boolean() })),
  })
  .map((r) => {
    const pick = (t: string[]) => (withConsent ? t : [t[0], t[2], t[3]]);
    const header = pick(['race', 'consent', 'diagnosis', 'note']);
    const fixed = { lf: '\n', crlf: '\r\n', cr: '\r' } as Record<string, string>;
    const breaks = r.mixed.map((b) => fixed[r.mode] ?? b);
    const c: Case = { header: ['id', ...header], rows: r.rows.map((row, i) => [String(i + 1), ...pick(row)]), breaks, quoteAll: r.quoteAll, bom: r.bom, trailing: r.trailing };
    if (r.existing && withConsent) c.quarantine = { rows: r.existing.rows.map((row, i) => [String(100 + i), ...row]), bom: r.existing.bom, eol: r.existing.eol };
    return c;
  });

function encode(value: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(value) || value.startsWith(' ') || value.endsWith(' ') ? `"${value.replace(/"/g, '""')}"` : value;
}

function serialise(lines: string[][], breaks: string[], quoteAll: boolean[], trailing: boolean): string {
  const text = lines.map((l, i) => l.map((v, j) => encode(v, quoteAll[(i + j) % quoteAll.length])).join(',')).map((l, i) => (i === 0 ? l : breaks[(i - 1) % breaks.length] + l)).join('');
  return trailing ? text + breaks[(lines.length - 1) % breaks.length] : text;
}

/** The rows of a table text as parsed, header first. */
function parsed(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const t = parseTable(body, ',');
  assert.deepEqual(t.problems.filter((p) => p.kind !== 'no-rows' && p.kind !== 'field-count'), [], `clean parse of ${JSON.stringify(text)}`);
  return [t.header, ...t.rows.map((r) => r.values)];
}

/** Applies a fix's edits to a file the way an editor does: on its text without the BOM. */
function applyTo(text: string, fix: Fix, path: string): string | undefined {
  const change = fix.changes.find((c) => c.path === path);
  if (!change) return undefined;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return TextDocument.applyEdits(TextDocument.create(`file://${path}`, 'csv', 1, body), change.edits);
}

const key = (row: string[]) => JSON.stringify(row);
function multiset(rows: string[][]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}

type Kind = 'quarantine' | 'label' | 'markers' | 'add-column' | 'add-consent-column';

/** Which fix this is, from the finding that offered it. */
function kindOf(finding: Finding, fix: Fix): Kind | undefined {
  if (fix.title.startsWith('Move ')) return 'quarantine';
  if (finding.code === 'ancestry-label-nonstandard' || (finding.code === 'consent-value-invalid' && fix.title.startsWith('Replace'))) return 'label';
  if (finding.code === 'missing-marker-mixed') return 'markers';
  if (finding.code === 'phenotype-field-missing') return 'add-column';
  if (finding.code === 'consent-field-missing') return 'add-consent-column';
  return undefined;
}

/** Rows (header first) as the fix should leave the dataset, for fixes that edit cells in place. */
function expectedRows(kind: Kind, finding: Finding, rows: string[][], analysis: DatasetAnalysis): string[][] {
  const d = finding.data as Record<string, unknown>;
  const [header, ...body] = rows;
  switch (kind) {
    case 'label': {
      const col = d.columnIndex as number;
      const to = (d.canonical ?? d.suggestion) as string;
      return [header, ...body.map((r) => r.map((v, i) => (i === col && v === d.value ? to : v)))];
    }
    case 'markers': {
      const col = analysis.table.header.indexOf(d.column as string);
      const markers = Object.keys(d.markers as object);
      const isMarker = (v: string) => markers.includes(v) || (markers.includes('(empty)') && v.trim() === '');
      return [header, ...body.map((r) => r.map((v, i) => (i === col && isMarker(v) ? analysis.policy.phenotype.missingValue : v)))];
    }
    case 'add-column':
    case 'add-consent-column': {
      const name = (kind === 'add-column' ? d.newColumn : d.column || 'consent') as string;
      const added = analysis.table.header.length + 1;
      return [[...header, name], ...body.map((r) => [...r, ...Array(Math.max(0, added - r.length)).fill('')])];
    }
    default:
      return rows;
  }
}

describe('line model', () => {
  test('LineIndex counts lines as vscode-languageserver-textdocument does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '\r', '\n', '\r\n', ','), { maxLength: 40 }), fc.nat(60), (parts, at) => {
      const text = parts.join('');
      const ours = new LineIndex(text);
      const theirs = TextDocument.create('file:///x.csv', 'csv', 1, text);
      assert.equal(ours.lineCount, theirs.lineCount);
      const offset = Math.min(at, text.length);
      assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset));
      const p = { line: at % (ours.lineCount + 1), character: at % 7 };
      assert.equal(ours.offsetAt(p), theirs.offsetAt(p));
    }), { numRuns: 1000 });
  });

  test('lineOf from any hint is positionAt\'s line', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '\r', '\n', '\r\n', ','), { maxLength: 60 }), fc.nat(70), fc.nat(40), (parts, at, hint) => {
      const text = parts.join('');
      const lines = new LineIndex(text);
      const offset = Math.min(at, text.length);
      assert.equal(lines.lineOf(offset, hint), lines.positionAt(offset).line);
    }), { numRuns: 2000 });
  });

  test('rows parse back as generated, whatever the line breaks and quoting', () => {
    fc.assert(fc.property(fc.boolean().chain(caseArb), (c) => {
      const text = (c.bom ? '\uFEFF' : '') + serialise([c.header, ...c.rows], c.breaks, c.quoteAll, c.trailing);
      assert.deepEqual(parsed(text), [c.header, ...c.rows]);
    }), { numRuns: RUNS });
  });

  for (const withConsent of [true, false]) {
  const kinds: Kind[] = withConsent ? ['quarantine', 'label', 'markers', 'add-column'] : ['add-consent-column', 'label', 'markers', 'add-column'];
  test(`${kinds.join(', ')}: the fix keeps the rows and changes only its cells (${RUNS} random tables ${withConsent ? 'with' : 'without'} a consent column, at least ${MIN_PER_FIX} cases per fix)`, () => {
    const exercised = new Map<Kind, number>(kinds.map((k) => [k, 0]));
    fc.assert(fc.property(caseArb(withConsent), (c) => {
      const text = (c.bom ? '\uFEFF' : '') + serialise([c.header, ...c.rows], c.breaks, c.quoteAll, c.trailing);
      const existing = c.quarantine
        ? (c.quarantine.bom ? '\uFEFF' : '') + serialise([c.header, ...c.quarantine.rows], [c.quarantine.eol], [false], true)
        : undefined;
      const read = (p: string) => (p === QUARANTINE ? existing : undefined);
      const analysis = lintDataset(DATASET, text, 'csv', noPolicy(), { today: TODAY });
      const seen = new Set<Kind>();
      for (const finding of analysis.findings) {
        for (const fix of fixesFor(analysis, finding, noPolicy(), read)) {
          const kind = kindOf(finding, fix);
          if (!kind) continue;
          seen.add(kind);
          const after = applyTo(text, fix, DATASET);
          assert.ok(after !== undefined, `${kind} edits the dataset`);
          const rows = parsed(after);
          if (kind === 'quarantine') {
            const side = applyTo(existing ?? '', fix, QUARANTINE);
            assert.ok(side !== undefined, 'the quarantine file is written');
            const sideRows = parsed(side);
            assert.deepEqual(rows[0], c.header, 'dataset header kept');
            assert.deepEqual(sideRows[0], c.header, 'quarantine header is the dataset header');
            const before = [...c.rows, ...(c.quarantine?.rows ?? [])];
            assert.deepEqual(multiset([...rows.slice(1), ...sideRows.slice(1)]), multiset(before), 'no row lost or duplicated');
          } else {
            assert.deepEqual(rows, expectedRows(kind, finding, [c.header, ...c.rows], analysis), `${kind}: ${fix.title}`);
          }
        }
      }
      for (const kind of seen) exercised.set(kind, (exercised.get(kind) ?? 0) + 1);
    }), { numRuns: RUNS, seed: withConsent ? 15 : 16 });
    for (const [kind, n] of exercised) assert.ok(n >= MIN_PER_FIX, `${kind} exercised in ${n} of ${RUNS} cases, fewer than ${MIN_PER_FIX}`);
  });
  }
});
