// Profiles a table file as a stream, in bounded memory, for files too large to hold as
// text (the CLI over a million-row file; editors do not sync files over 50 MB). Rows
// are counted by line, not kept: only the head (comments and header) keeps its text, so
// findings on the header are positioned exactly and row findings by line. Each chunk is
// read once (rowTokenizer carries a partial row over), so a very long line costs no more
// than many short ones.
import { createReadStream } from 'node:fs';
import { decodeStream, undecodableProblems } from './decode';
import { LineIndex } from './lineIndex';
import { RowTokenizer, type TokenizedRow } from './rowTokenizer';
import { NonParticipantRows } from './nonParticipantRows';
import { isTemplateDirectiveRow } from './templateRow';
import type { HeaderDetection } from './headerDetection';
import { readLayout, trimRaggedHeader, type Table, type TableProblem } from './parse';
import type { DelimiterChoice } from './sniffDelimiter';
import { withoutBom } from './bom';

export interface StreamedTable {
  table: Table;
}

/** Receives each data row with its 0-based first line. */
export type RowSink = (values: string[], line: number) => void;

function rowWidth(values: string[], delimiter: string): number {
  return values.reduce((sum, v) => sum + v.length, 0) + delimiter.length * (values.length - 1);
}

/** `text` up to `end` and the line break there, if any. */
function throughBreak(text: string, end: number): string {
  const c = text.charCodeAt(end);
  const after = c === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : c === 13 || c === 10 ? end + 1 : end;
  return text.slice(0, after);
}

export function streamTable(filePath: string, delimiterHint: string | undefined, sinkFor: (table: Table) => RowSink): Promise<StreamedTable> {
  return new Promise((resolve, reject) => {
    // The text read until the header row ends (then the part through its line break).
    let head = '';
    let preamble: HeaderDetection | undefined;
    let delimiterChoice: DelimiterChoice | undefined;
    let line = 0;
    let delimiter = delimiterHint ?? ',';
    let table: Table | undefined;
    let sink: RowSink | undefined;
    let width = 0;
    let rawWidth = 0;
    let dataRows = 0;
    let tokenizer: RowTokenizer | undefined;
    let nonParticipants: NonParticipantRows | undefined;
    const problems: TableProblem[] = [];
    const problem = (kind: TableProblem['kind'], values: string[], extra: Partial<TableProblem> = {}): void => {
      problems.push({ kind, start: 0, end: rowWidth(values, delimiter), line, ...extra });
    };
    // NUL characters are rare: rows are searched for them only once a chunk had any.
    // Invalid UTF-8 is found on the bytes (decode.ts) and reported by line at the end.
    let sawUndecodable = false;
    // Cells showing U+FFFD, by column, once a chunk had one: a legacy-encoded file's finding names them.
    let sawReplacement = false;
    const replacementColumns = new Set<number>();

    const onRow = (row: TokenizedRow): void => {
      const { values } = row;
      if (!table) {
        head = throughBreak(head, row.end);
        const lines = new LineIndex(head);
        table = { text: head, lines, delimiter, header: values, headerRow: { values, start: row.start, end: row.end }, rows: [], problems, preamble };
        if (delimiterChoice) table.delimiterChoice = delimiterChoice;
        trimRaggedHeader(table);
        width = table.header.length;
        rawWidth = values.length;
        sink = sinkFor(table);
      } else if (!(values.length === 1 && values[0].trim() === '') && !(dataRows === 0 && isTemplateDirectiveRow(values))
        && !(nonParticipants ??= new NonParticipantRows(table.header)).skip(values, dataRows, line)) {
        dataRows++;
        if (row.unclosedAt !== undefined) problem('unclosed-quote', values);
        else if (row.badQuote) problem('bad-quote', values);
        if (values.length !== width && values.length !== rawWidth) problem('field-count', values, { expected: width, actual: values.length });
        if (sawUndecodable && values.some((v) => v.includes('\u0000'))) problem('undecodable', values);
        if (sawReplacement) values.forEach((v, i) => { if (v.includes('\uFFFD')) replacementColumns.add(i); });
        sink!(values, line);
      }
      line += 1 + row.breaks;
    };

    const decoded = decodeStream(createReadStream(filePath));
    const input = decoded.stream;
    input.on('data', (data) => {
      const chunk = data as string;
      if (!sawUndecodable && chunk.includes('\u0000')) sawUndecodable = true;
      if (!sawReplacement && chunk.includes('\uFFFD')) sawReplacement = true;
      if (tokenizer) {
        if (!table) head += chunk;
        tokenizer.push(chunk);
        return;
      }
      // Editors drop a UTF-8 byte order mark; so does the stream, to keep positions aligned.
      const body = withoutBom(chunk);
      // The file goes on past this chunk: a line cut by its end is no short row.
      const layout = readLayout(body, delimiterHint, false);
      ({ preamble, delimiter, choice: delimiterChoice } = layout);
      const headerStart = preamble.headerStart;
      line = new LineIndex(body.slice(0, headerStart)).lineCount - 1;
      head = body;
      tokenizer = new RowTokenizer(delimiter, onRow);
      tokenizer.push(body, headerStart);
    });
    input.on('error', reject);
    input.on('end', () => {
      tokenizer?.finish();
      if (table) table.charactersRead = tokenizer!.charactersRead;
      if (!table || !sink) {
        const lines = new LineIndex('');
        resolve({ table: { text: '', lines, delimiter, header: [], rows: [], problems: [{ kind: 'empty', start: 0, end: 0 }] } });
        return;
      }
      if (nonParticipants && (nonParticipants.counts.metadata.length > 0 || nonParticipants.counts.idOnly > 0)) table.nonParticipants = nonParticipants.counts;
      if (dataRows === 0) problems.push({ kind: 'no-rows', start: table.headerRow!.start, end: table.headerRow!.end });
      problems.push(...undecodableProblems(decoded.report(), table.lines));
      table.decoding = { report: decoded.report(), replacementColumns: [...replacementColumns].sort((a, b) => a - b) };
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      resolve({ table });
    });
  });
}
