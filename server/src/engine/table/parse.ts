// Turns CSV/TSV text into a table whose rows remember where they start, so findings can
// point at a row or a cell. Rows come from rowTokenizer (every line break kind, linear
// cost); the delimiter is the file name's (a .csv's comma only while its first rows agree,
// sniffDelimiter.ts) or papaparse's guess. This file adds positions, leading `#` comment
// lines, ragged headers, and recovery after an unclosed quote so the rest of the file is
// still linted.
import Papa from 'papaparse';
import type { DecodeReport } from './decode';
import { arffHead } from './arff';
import { detectHeader, type HeaderDetection } from './headerDetection';
import { LineIndex } from './lineIndex';
import { drain } from '../steps';
import { RowTokenizer, type TokenizedRow } from './rowTokenizer';
import { markNonParticipants, type NonParticipantCounts } from './nonParticipantRows';
import { isTemplateDirectiveRow } from './templateRow';
import { sniffDelimiter, type DelimiterChoice } from './sniffDelimiter';

export interface TableRow {
  values: string[];
  /** Offset of the row's first character. */
  start: number;
  /** Offset after the row's last character, before its line break. */
  end: number;
}

export type TableProblemKind =
  | 'empty' | 'no-rows' | 'binary' | 'arff' | 'undecodable' | 'unclosed-quote' | 'bad-quote' | 'field-count' | 'ragged-header';

export interface TableProblem {
  kind: TableProblemKind;
  /** Offsets of the offending span (usually the row). */
  start: number;
  end: number;
  /** Field counts for field-count problems. */
  expected?: number;
  actual?: number;
  /** 0-based line, set when the text is streamed and offsets past the header are not kept. */
  line?: number;
}

export interface Table {
  text: string;
  lines: LineIndex;
  delimiter: string;
  header: string[];
  headerRow?: TableRow;
  rows: TableRow[];
  problems: TableProblem[];
  /** Characters the tokenizer read, recoveries included: a small multiple of the text's length at most. */
  charactersRead?: number;
  /** What the lines above the header were read as (cBioPortal metadata, comments). */
  preamble?: HeaderDetection;
  /** Rows under the header left out as not participants (metadata rows, id-only rows). */
  nonParticipants?: NonParticipantCounts;
  /** Those rows: kept in `rows` (so a fix edits every line alike) but consumed by no rule. */
  excludedRows?: Set<TableRow>;
  /** Set when the delimiter the file's name or language gives was not used (sniffDelimiter.ts). */
  delimiterChoice?: DelimiterChoice;
  /** How the file's bytes decoded, when read from disk; for a streamed file, the columns whose cells showed U+FFFD. */
  decoding?: { report: DecodeReport; replacementColumns?: number[] };
}

/**
 * Delimiter from the language id or the file name; undefined lets papaparse guess. A comma
 * is a hint only: readLayout uses another delimiter when the first rows contradict it.
 */
export function delimiterFor(languageId: string | undefined, path: string): string | undefined {
  if (languageId === 'tsv') return '\t';
  if (languageId === 'csv') return ',';
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return '\t';
  if (lower.endsWith('.csv')) return ',';
  return undefined;
}

const BINARY_SAMPLE = 8192;

export function looksBinary(text: string): boolean {
  const sample = text.slice(0, BINARY_SAMPLE);
  let nul = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0) nul++;
  return nul > 0 && nul >= sample.length / 100;
}

/** Index of the next line break (`\r` or `\n`) at or after `from`, or -1. */
function nextBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  return cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
}

/** Offset after the line break at `at` (`\r\n` counts as one). */
function afterBreak(text: string, at: number): number {
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

function isBlank(values: string[]): boolean {
  return values.length === 1 && values[0].trim() === '';
}

/** Characters of the text papaparse looks at to guess the delimiter. */
export const GUESS_SAMPLE = 64 * 1024;

/**
 * The delimiter papaparse guesses (comma, tab, pipe, semicolon, ...) from the first lines.
 * Its guess reads one kind of line break, so the sample's breaks are made `\n` first.
 */
export function guessDelimiter(text: string, from = 0): string {
  let sample = text.slice(from, from + GUESS_SAMPLE).replace(/\r\n?/g, '\n');
  // A line cut by the sample's end would count as a short row.
  if (from + GUESS_SAMPLE < text.length && sample.lastIndexOf('\n') > 0) sample = sample.slice(0, sample.lastIndexOf('\n'));
  const guessed = Papa.parse<string[]>(sample, { delimiter: '', newline: '\n', preview: 10, skipEmptyLines: true }).meta.delimiter || ',';
  return spaceSeparated(sample, guessed) ? ' ' : guessed;
}

/**
 * The delimiter to read `text` with from its header at `from`: papaparse's guess without a
 * hint; with one, the hint, unless it is a comma the first rows contradict (sniffDelimiter.ts).
 */
export function chooseDelimiter(text: string, from: number, delimiterHint: string | undefined, whole = true): { delimiter: string; choice?: DelimiterChoice } {
  if (delimiterHint === undefined) return { delimiter: guessDelimiter(text, from) };
  const choice = sniffDelimiter(text, from, delimiterHint, whole);
  return choice ? { delimiter: choice.used, choice } : { delimiter: delimiterHint };
}

/**
 * The lines above the header and the delimiter, read together: the `#` lines are split on
 * the hint first, and again on the delimiter chosen when it is another one. `whole` is false
 * when `text` is the first part of a file only.
 */
export function readLayout(text: string, delimiterHint: string | undefined, whole = true): { preamble: HeaderDetection; delimiter: string; choice?: DelimiterChoice } {
  const first = detectHeader(text, delimiterHint);
  const { delimiter, choice } = chooseDelimiter(text, first.headerStart, delimiterHint, whole);
  const preamble = choice && first.metadata.length > 0 ? detectHeader(text, delimiter) : first;
  return { preamble, delimiter, choice };
}

/** Lines looked at to call a file space-separated. */
const SPACE_LINES = 10;
/** Fields a space-separated line has at least: fewer, and a one-column file of phrases could pass. */
const SPACE_MIN_FIELDS = 3;

/**
 * True when the sample has no `guessed` delimiter on its first line, papaparse's candidates
 * having found none, and its first lines split on single spaces into one same number of
 * fields (three or more): UCI's german.data and its preprocessed copies, PLINK .fam files.
 * Papaparse does not consider a space. Lines of free text rarely split alike.
 */
function spaceSeparated(sample: string, guessed: string): boolean {
  const lines = sample.split('\n').filter((line) => line.trim() !== '').slice(0, SPACE_LINES);
  if (lines.length < 2 || lines[0].includes(guessed) || lines.some((line) => line.includes('\t'))) return false;
  const width = lines[0].trim().split(' ').length;
  return width >= SPACE_MIN_FIELDS && lines.every((line) => line.trim().split(' ').length === width);
}

/** Where reading resumes after an unclosed quote: the line after the quote's own line. */
function resumeAfter(text: string, quoteAt: number): number {
  const nl = nextBreak(text, quoteAt);
  return nl === -1 ? text.length : afterBreak(text, nl);
}

/** Characters tokenized between two yields of parseTableSteps (some 10 ms of work). */
export const PARSE_SLICE = 1 << 20;

export function parseTable(text: string, delimiterHint?: string): Table {
  return drain(parseTableSteps(text, delimiterHint));
}

/**
 * parseTable in steps: it yields after every PARSE_SLICE characters so a caller with
 * other work (an editor's hover) can interleave it, and returns the table.
 */
export function* parseTableSteps(text: string, delimiterHint?: string): Generator<void, Table> {
  const table: Table = { text, lines: new LineIndex(text), delimiter: delimiterHint ?? ',', header: [], rows: [], problems: [] };
  if (text.trim() === '') {
    table.problems.push({ kind: 'empty', start: 0, end: 0 });
    return table;
  }
  if (looksBinary(text)) {
    table.problems.push({ kind: 'binary', start: 0, end: table.lines.lineEnd(0) });
    return table;
  }
  // Weka ARFF: its @attribute lines would each be a row of the wrong width (arff.ts).
  const arff = arffHead(table.lines);
  if (arff) {
    table.problems.push({ kind: 'arff', start: table.lines.lineStart(arff.relationLine), end: table.lines.lineEnd(arff.relationLine), expected: arff.attributes });
    return table;
  }
  // Invalid UTF-8 is decided on the bytes (decode.ts): a U+FFFD in the text can be data.
  const checkUndecodable = text.includes('\u0000');
  const layout = readLayout(text, delimiterHint);
  table.preamble = layout.preamble;
  let offset = table.preamble.headerStart;
  const delimiter = layout.delimiter;
  table.delimiter = delimiter;
  if (layout.choice) table.delimiterChoice = layout.choice;
  // A field left open runs to the end of the text; once one has, no quote after it can
  // close another, so later open fields stop there at once (recovery stays linear).
  let noCloseFrom: number | undefined;

  const onRow = (row: TokenizedRow): boolean => {
    const { values, start, end } = row;
    if (row.unclosedAt !== undefined) {
      // Report the row's first line and resume on the line after the open quote.
      const lineEnd = nextBreak(text, start);
      table.problems.push({ kind: 'unclosed-quote', start, end: lineEnd === -1 ? text.length : lineEnd });
      let firstText = row.unclosedAt + 1;
      while (text.charCodeAt(firstText) === 34) firstText++;
      noCloseFrom = Math.min(noCloseFrom ?? firstText, firstText);
      offset = resumeAfter(text, row.unclosedAt);
      return false;
    }
    if (row.badQuote) table.problems.push({ kind: 'bad-quote', start, end });
    if (checkUndecodable && values.some((v) => v.includes('\u0000'))) {
      table.problems.push({ kind: 'undecodable', start, end });
    }
    if (!table.headerRow) {
      table.headerRow = { values, start, end };
      table.header = values;
      return true;
    }
    if (isBlank(values)) return true;
    if (table.rows.length === 0 && isTemplateDirectiveRow(values)) return true;
    table.rows.push({ values, start, end });
    return true;
  };

  while (offset < text.length) {
    const from = offset;
    offset = text.length;
    const tokenizer = new RowTokenizer(delimiter, onRow, { noCloseFrom, startAt: from });
    for (let at = from; at < text.length && !tokenizer.done; at += PARSE_SLICE) {
      tokenizer.push(text.slice(at, Math.min(text.length, at + PARSE_SLICE)));
      yield;
    }
    tokenizer.finish();
    table.charactersRead = (table.charactersRead ?? 0) + tokenizer.charactersRead;
  }
  // A row that is not a participant stays in the table (fixes that add a column extend it
  // too) but is counted nowhere: the consumers skip it (lintDataset.ts). The same marking
  // serves a table spliced from an earlier parse (reparse.ts). It reads the header as
  // trimmed of its unnamed trailing columns, as the splice and the stream do.
  trimRaggedHeader(table);
  markNonParticipants(table);
  checkFieldCounts(table);
  if (table.headerRow && table.rows.length === 0) {
    table.problems.push({ kind: 'no-rows', start: table.headerRow.start, end: table.headerRow.end });
  }
  table.problems.sort((a, b) => a.start - b.start);
  return table;
}

/**
 * A header with empty trailing fields (the 1000 Genomes panel's two trailing tabs) is
 * reported once; its data rows are then measured against the named columns only.
 */
export function trimRaggedHeader(table: Table): void {
  const header = table.header;
  let named = header.length;
  while (named > 1 && header[named - 1].trim() === '') named--;
  if (named === header.length || !table.headerRow) return;
  table.problems.push({ kind: 'ragged-header', start: table.headerRow.start, end: table.headerRow.end, expected: named, actual: header.length });
  table.header = header.slice(0, named);
}

function checkFieldCounts(table: Table): void {
  const width = table.header.length;
  const rawWidth = table.headerRow?.values.length ?? width;
  for (const row of table.rows) {
    const n = row.values.length;
    if (n === width || n === rawWidth) continue;
    table.problems.push({ kind: 'field-count', start: row.start, end: row.end, expected: width, actual: n });
  }
}
