// Turns CSV/TSV text into a table whose rows remember where they start, so findings can
// point at a row or a cell. Parsing is papaparse's; this file adds positions, leading
// `#` comment lines, ragged headers, and recovery after an unclosed quote so the rest of
// the file is still linted.
import Papa from 'papaparse';
import { detectHeader, type HeaderDetection } from './headerDetection';
import { LineIndex } from './lineIndex';
import { isTemplateDirectiveRow } from './templateRow';

export interface TableRow {
  values: string[];
  /** Offset of the row's first character. */
  start: number;
  /** Offset after the row's last character, before its line break. */
  end: number;
}

export type TableProblemKind =
  | 'empty' | 'no-rows' | 'binary' | 'undecodable' | 'unclosed-quote' | 'bad-quote' | 'field-count' | 'ragged-header';

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
  /** What the lines above the header were read as (cBioPortal metadata, comments). */
  preamble?: HeaderDetection;
}

/** Delimiter from the language id or the file name; undefined lets papaparse guess. */
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

/**
 * Offset of the header line, past the `#` metadata and comment lines above it (see
 * headerDetection.ts: cBioPortal's four metadata lines, VCF / PLINK 2 `#` headers).
 */
export function skipLeadingComments(text: string, delimiter?: string): number {
  return detectHeader(text, delimiter).headerStart;
}

function trimLineBreak(text: string, start: number, end: number): number {
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function isBlank(values: string[]): boolean {
  return values.length === 1 && values[0].trim() === '';
}

export function parseTable(text: string, delimiterHint?: string): Table {
  const table: Table = { text, lines: new LineIndex(text), delimiter: delimiterHint ?? ',', header: [], rows: [], problems: [] };
  if (text.trim() === '') {
    table.problems.push({ kind: 'empty', start: 0, end: 0 });
    return table;
  }
  if (looksBinary(text)) {
    table.problems.push({ kind: 'binary', start: 0, end: table.lines.lineEnd(0) });
    return table;
  }
  const checkUndecodable = /[\uFFFD\u0000]/.test(text);
  let delimiter = delimiterHint;
  table.preamble = detectHeader(text, delimiterHint);
  let offset = table.preamble.headerStart;

  while (offset < text.length) {
    let resumeAt = -1;
    const base = offset;
    let rowStart = base;
    Papa.parse<string[]>(text.slice(base), {
      delimiter: delimiter ?? '',
      skipEmptyLines: false,
      step: (result, parser) => {
        delimiter ??= result.meta.delimiter;
        const start = rowStart;
        const next = base + result.meta.cursor;
        rowStart = next;
        const end = trimLineBreak(text, start, next);
        const values = result.data;
        if (result.errors.some((e) => e.code === 'MissingQuotes')) {
          // Papaparse swallows the rest of the file into the open field; report the row's
          // first line and resume on the line after it.
          const lineEnd = text.indexOf('\n', start);
          table.problems.push({ kind: 'unclosed-quote', start, end: lineEnd === -1 ? text.length : trimLineBreak(text, start, lineEnd + 1) });
          resumeAt = lineEnd === -1 ? text.length : lineEnd + 1;
          parser.abort();
          return;
        }
        if (result.errors.some((e) => e.type === 'Quotes')) table.problems.push({ kind: 'bad-quote', start, end });
        if (checkUndecodable && values.some((v) => /[\uFFFD\u0000]/.test(v))) {
          table.problems.push({ kind: 'undecodable', start, end });
        }
        if (!table.headerRow) {
          table.headerRow = { values, start, end };
          table.header = values;
          return;
        }
        if (isBlank(values)) return;
        if (table.rows.length === 0 && isTemplateDirectiveRow(values)) return;
        table.rows.push({ values, start, end });
      },
    });
    offset = resumeAt === -1 ? text.length : resumeAt;
  }
  table.delimiter = delimiter ?? ',';
  trimRaggedHeader(table);
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
