// An edit of a large table changes a few lines; tokenizing the whole text again is most of
// a re-lint's cost. reparseTable splices the edited lines into the table parsed before:
// rows before the edit are kept, the edited lines tokenized, the rows after shifted. It
// answers only where that is certain to equal parseTable on the new text, and undefined
// otherwise (the caller then parses in full): an edit of the header or of the lines that
// decide it (comments above it, the delimiter's sample, the first rows that can turn a
// .csv's comma into another delimiter), of the first data row (a template directive row),
// a quote anywhere in the edited lines (a quoted field may span lines, so rows need not be
// lines), and tables parseTable had to recover (unclosed quotes, NUL).
import { markNonParticipants } from './nonParticipantRows';
import { chooseDelimiter, GUESS_SAMPLE, type Table, type TableProblem, type TableRow } from './parse';
import { LineIndex } from './lineIndex';
import { RowTokenizer } from './rowTokenizer';

/** Lines below a `#` preamble's header that header detection may read (LOOKAHEAD and a margin). */
const DETECTION_LINES = 64;
const BLOCK = 4096;

/** The edited span: [from, oldTo) of the old text became [from, newTo) of the new. */
export interface ChangedSpan {
  from: number;
  oldTo: number;
  newTo: number;
}

/**
 * How much of an earlier text an edit left alone, as an editor knows it: the first `prefix`
 * and the last `suffix` characters are the same in both texts (lsp/editSpans.ts).
 */
export interface UnchangedEnds {
  prefix: number;
  suffix: number;
}

/** The span the ends leave between them in each text, when they fit both. */
function spanOf(before: string, after: string, ends: UnchangedEnds): ChangedSpan | undefined {
  const { prefix, suffix } = ends;
  if (prefix < 0 || suffix < 0 || prefix + suffix > before.length || prefix + suffix > after.length) return undefined;
  return { from: prefix, oldTo: before.length - suffix, newTo: after.length - suffix };
}

/** Where two texts differ: their common prefix and suffix (not overlapping) left out. */
export function changedSpan(before: string, after: string): ChangedSpan | undefined {
  if (before === after) return undefined;
  const n = Math.min(before.length, after.length);
  let p = 0;
  // Whole blocks compare natively; the last one character by character.
  while (p + BLOCK <= n && before.slice(p, p + BLOCK) === after.slice(p, p + BLOCK)) p += BLOCK;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  const room = n - p;
  while (s + BLOCK <= room && before.slice(before.length - s - BLOCK, before.length - s) === after.slice(after.length - s - BLOCK, after.length - s)) s += BLOCK;
  while (s < room && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { from: p, oldTo: before.length - s, newTo: after.length - s };
}

const NOT_SPLICED = new Set<TableProblem['kind']>(['empty', 'binary', 'arff', 'undecodable', 'unclosed-quote', 'no-rows']);

/** Index of the first row starting at or after `offset`. */
function firstRowFrom(rows: readonly TableRow[], offset: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].start < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * The table of `text`, given the table `old` parsed (with the same delimiter hint) from
 * an earlier version of it; undefined when only a full parse can tell.
 */
export function reparseTable(old: Table, text: string, delimiterHint: string | undefined, ends?: UnchangedEnds): Table | undefined {
  const spliced = spliceTable(old, text, delimiterHint, ends);
  // A splice keeps rows, not which of them are participants: that is read again over the rows.
  return spliced && spliced !== old ? markNonParticipants(spliced) : spliced;
}

/**
 * `ends`, when the caller knows them, spare comparing the texts (20 ms for 19 MB); they must
 * be true. Without them the texts are compared.
 */
function spliceTable(old: Table, text: string, delimiterHint: string | undefined, ends?: UnchangedEnds): Table | undefined {
  const { headerRow, rows, lines } = old;
  if (delimiterHint !== undefined && delimiterHint !== (old.delimiterChoice?.named ?? old.delimiter)) return undefined;
  if (!headerRow || rows.length === 0 || old.problems.some((p) => NOT_SPLICED.has(p.kind))) return undefined;
  // With the ends known the texts are not compared at all (an equal-length edit compared half of them).
  const span = (ends && spanOf(old.text, text, ends)) ?? changedSpan(old.text, text);
  if (!span) return old;
  const delta = span.newTo - span.oldTo;
  // From the line before the edit (a \n typed after a \r joins two breaks) to the line after it.
  const firstLine = Math.max(0, lines.positionAt(span.from).line - 1);
  const a = lines.lineStart(firstLine);
  const lastLine = lines.positionAt(span.oldTo).line;
  const oldB = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : old.text.length;
  const newB = oldB + delta;
  if (a <= headerRow.end || a <= rows[0].start) return undefined;
  const preamble = old.preamble;
  if (preamble && preamble.metadata.length > 0 && firstLine < preamble.headerLine + DETECTION_LINES) return undefined;
  if (delimiterHint === undefined && a < (preamble?.headerStart ?? 0) + GUESS_SAMPLE) return undefined;
  // A named comma holds only while the first rows do not contradict it (sniffDelimiter.ts):
  // an edit among them can change the delimiter; reading them again costs a few rows.
  const chosen = delimiterHint === undefined ? undefined : chooseDelimiter(text, preamble?.headerStart ?? 0, delimiterHint);
  if (chosen && chosen.delimiter !== old.delimiter) return undefined;
  const oldPart = old.text.slice(a, oldB);
  const newPart = text.slice(a, newB);
  if (oldPart.includes('"') || newPart.includes('"') || newPart.includes('\u0000')) return undefined;
  const i0 = firstRowFrom(rows, a);
  // A row running into the edited lines from above (a quoted line break) rules splicing out.
  if (i0 > 0 && rows[i0 - 1].end >= a) return undefined;
  const i1 = firstRowFrom(rows, oldB);

  const spliced: TableRow[] = rows.slice(0, i0);
  const width = old.header.length;
  const rawWidth = headerRow.values.length;
  const added: TableProblem[] = [];
  const tokenizer = new RowTokenizer(old.delimiter, ({ values, start, end }) => {
    if (values.length === 1 && values[0].trim() === '') return;
    spliced.push({ values, start, end });
    const n = values.length;
    if (n !== width && n !== rawWidth) added.push({ kind: 'field-count', start, end, expected: width, actual: n });
  }, { startAt: a });
  tokenizer.push(newPart);
  tokenizer.finish();
  for (let i = i1; i < rows.length; i++) {
    const row = rows[i];
    spliced.push({ values: row.values, start: row.start + delta, end: row.end + delta });
  }
  const problems: TableProblem[] = [];
  for (const problem of old.problems) {
    if (problem.start < a) problems.push(problem);
  }
  problems.push(...added);
  for (const problem of old.problems) {
    if (problem.start >= oldB) problems.push({ ...problem, start: problem.start + delta, end: problem.end + delta });
  }
  return {
    text,
    lines: LineIndex.spliced(lines, text, span.from, span.oldTo, span.newTo),
    delimiter: old.delimiter,
    ...(chosen?.choice ? { delimiterChoice: chosen.choice } : {}),
    header: old.header,
    headerRow,
    rows: spliced,
    problems,
    charactersRead: (old.charactersRead ?? 0) - oldPart.length + newPart.length,
    preamble,
  };
}
