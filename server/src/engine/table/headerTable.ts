// A table known by its header alone (a Parquet file, a warehouse table): its text is the
// header written as one CSV line, so column findings sit on that column's name (line 0)
// exactly as they do in a CSV file, and rows, kept nowhere, are findings' row numbers.
import { LineIndex } from './lineIndex';
import type { Table, TableProblem } from './parse';

function csvField(name: string): string {
  return /[",\r\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name;
}

export function headerTable(header: string[], problems: TableProblem[] = []): Table {
  const text = header.map(csvField).join(',');
  return { text, lines: new LineIndex(text), delimiter: ',', header, headerRow: { values: header, start: 0, end: text.length }, rows: [], problems };
}
