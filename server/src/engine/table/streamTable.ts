// Profiles a table file as a stream, in bounded memory, for files too large to hold as
// text (the CLI over a million-row file; editors do not sync files over 50 MB). Rows
// are counted by line, not kept: only the head (comments and header) keeps its text, so
// findings on the header are positioned exactly and row findings by line.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { LineIndex } from './lineIndex';
import { isTemplateDirectiveRow } from './templateRow';
import { detectHeader, type HeaderDetection } from './headerDetection';
import { trimRaggedHeader, type Table, type TableProblem } from './parse';

export interface StreamedTable {
  table: Table;
}

/** Receives each data row with its 0-based first line. */
export type RowSink = (values: string[], line: number) => void;

function newlines(values: string[]): number {
  let n = 0;
  for (const v of values) for (let i = v.indexOf('\n'); i !== -1; i = v.indexOf('\n', i + 1)) n++;
  return n;
}

function rowWidth(values: string[], delimiter: string): number {
  return values.reduce((sum, v) => sum + v.length, 0) + delimiter.length * (values.length - 1);
}

export function streamTable(filePath: string, delimiterHint: string | undefined, sinkFor: (table: Table) => RowSink): Promise<StreamedTable> {
  return new Promise((resolve, reject) => {
    let head = '';
    let preamble: HeaderDetection | undefined;
    let line = 0;
    let table: Table | undefined;
    let sink: RowSink | undefined;
    let width = 0;
    let rawWidth = 0;
    let dataRows = 0;
    const problems: TableProblem[] = [];
    const problem = (kind: TableProblem['kind'], values: string[], extra: Partial<TableProblem> = {}): void => {
      problems.push({ kind, start: 0, end: rowWidth(values, table?.delimiter ?? ','), line, ...extra });
    };

    // Undecodable bytes are rare: rows are searched for them only once a chunk had any.
    let sawUndecodable = false;
    const input = createReadStream(filePath, { encoding: 'utf8' });
    input.on('data', (chunk) => {
      if (!sawUndecodable && (chunk.includes('\uFFFD') || chunk.includes('\u0000'))) sawUndecodable = true;
    });
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: delimiterHint ?? '',
      skipEmptyLines: false,
      beforeFirstChunk(chunk) {
        const body = chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
        preamble = detectHeader(body, delimiterHint);
        const headerStart = preamble.headerStart;
        const headerEnd = body.indexOf('\n', headerStart);
        head = body.slice(0, headerEnd === -1 ? body.length : headerEnd + 1);
        line = new LineIndex(body.slice(0, headerStart)).lineCount - 1;
        return body.slice(headerStart);
      },
      step(result) {
        const values = result.data;
        if (!table) {
          const lines = new LineIndex(head);
          const headerStart = lines.lineStart(line);
          const headerEnd = lines.lineEnd(line);
          table = { text: head, lines, delimiter: result.meta.delimiter, header: values, headerRow: { values, start: headerStart, end: headerEnd }, rows: [], problems, preamble };
          trimRaggedHeader(table);
          width = table.header.length;
          rawWidth = values.length;
          sink = sinkFor(table);
        } else if (!(values.length === 1 && values[0].trim() === '') && !(dataRows === 0 && isTemplateDirectiveRow(values))) {
          dataRows++;
          if (result.errors.some((e) => e.code === 'MissingQuotes')) problem('unclosed-quote', values);
          else if (result.errors.some((e) => e.type === 'Quotes')) problem('bad-quote', values);
          if (values.length !== width && values.length !== rawWidth) problem('field-count', values, { expected: width, actual: values.length });
          if (sawUndecodable && values.some((v) => v.includes('\uFFFD') || v.includes('\u0000'))) problem('undecodable', values);
          sink!(values, line);
        }
        line += 1 + newlines(values);
      },
      complete() {
        if (!table || !sink) {
          const lines = new LineIndex('');
          resolve({ table: { text: '', lines, delimiter: delimiterHint ?? ',', header: [], rows: [], problems: [{ kind: 'empty', start: 0, end: 0 }] } });
          return;
        }
        if (dataRows === 0) problems.push({ kind: 'no-rows', start: table.headerRow!.start, end: table.headerRow!.end });
        problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        resolve({ table });
      },
      error: reject,
    });
  });
}
