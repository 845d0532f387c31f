// Where the DuckDB engine reads a local file from: read_csv with the delimiter, header line
// and columns the JavaScript reader found (so both see the same cells), or read_parquet with
// its row numbers.
import { closeSync, openSync, readSync } from 'node:fs';
import { decodeBytes } from '../engine';
import { dialect } from '../engine/sql/dialect';
import type { SqlSource } from '../engine/sql/profileQuery';
import { delimiterFor, parseTable, type Table } from '../engine/table/parse';

const HEAD_BYTES = 1024 * 1024;
const duck = dialect('duckdb');

/** The file's first MiB up to its last complete line, parsed: its header and where data begins. */
export function csvHead(path: string): Table {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(HEAD_BYTES);
  const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
  closeSync(fd);
  let bytes = buffer.subarray(0, read);
  if (read === HEAD_BYTES) bytes = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  const { text } = decodeBytes(bytes);
  return parseTable(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, delimiterFor(undefined, path));
}

export function csvSource(path: string, head: Table): SqlSource {
  // From the first data row: a template directive row under the header is no data (templateRow.ts).
  const first = head.rows[0] ? head.lines.positionAt(head.rows[0].start).line : head.headerRow ? head.lines.positionAt(head.headerRow.end).line + 1 : 0;
  const columns = head.header.map((_, i) => `c${i}`);
  const options = [
    'header = false', `skip = ${first}`, 'all_varchar = true', `delim = ${duck.string(head.delimiter)}`, `quote = '"'`, `escape = '"'`,
    `comment = ''`, `columns = {${columns.map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`,
  ];
  return { from: `read_csv(${duck.string(path)}, ${options.join(', ')})`, columns };
}

/** The head as a table known by its header: its text positions column findings; rows are not kept. */
export function headOnly(head: Table): Table {
  return { ...head, rows: [], problems: head.problems.filter((p) => p.kind === 'ragged-header') };
}

export function parquetSource(path: string, header: string[]): SqlSource {
  // The reader's own row number: numbering rows with a window over the scan made DuckDB hold
  // the file's row groups in memory to keep their order (over 1 GiB for 1M rows).
  // A file with a column of that name is numbered by the window.
  if (header.includes('file_row_number')) return { from: `read_parquet(${duck.string(path)})`, columns: header.map(duck.ident) };
  return { from: `read_parquet(${duck.string(path)}, file_row_number = true)`, columns: header.map(duck.ident), rowNumber: 'file_row_number + 1' };
}
