// Reads a Parquet file's rows as text cells, one row group at a time, so the same row
// consumers (profile and row scans) that read a CSV read it too. hyparquet is pure
// JavaScript: the language server bundles it and the .vsix ships no native binary.
// Typed values become the text a CSV export of the same data would hold (numbers as
// JavaScript prints them, dates as ISO 8601, null as an empty cell), so a Parquet file
// and the CSV of the same data give the same findings.
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema, toJson } from 'hyparquet';

/** Receives each data row and its 1-based row number (the header is row 0). */
export type ParquetRowSink = (values: string[], rowNumber: number) => void;

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** A cell as text: what a CSV written from the same table would contain. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return JSON.stringify(toJson(value));
}

export interface ParquetHeader {
  /** Top-level column names, in file order. */
  header: string[];
  rowCount: number;
}

/** The column names and row count from the file's footer, without reading a row. */
export async function parquetHeader(path: string): Promise<ParquetHeader> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
  return { header: parquetSchema(metadata).children.map((child) => child.element.name), rowCount: Number(metadata.num_rows) };
}

/** Streams the rows of a Parquet file; resolves with its header once every row was seen. */
export async function readParquet(path: string, onHeader: (header: ParquetHeader) => ParquetRowSink): Promise<ParquetHeader> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  const result = { header, rowCount: Number(metadata.num_rows) };
  const sink = onHeader(result);
  const columnOf = new Map(header.map((name, i) => [name, i]));
  let rowStart = 0;
  let rowNumber = 1;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    if (columnOf.size === header.length) {
      // A row group's columns as they are decoded, turned into rows one at a time: asking
      // for the rows (onComplete) built every row of the group first, which cost 720 MiB
      // at a million rows of 50 columns.
      const chunks: ColumnChunk[][] = header.map(() => []);
      await parquetRead({
        file, metadata, rowStart, rowEnd,
        onChunk: ({ columnName, columnData, rowStart: from }) => chunks[columnOf.get(columnName)!].push({ from, data: columnData }),
      });
      const cursors = chunks.map((list) => new ChunkCursor(list));
      for (let row = rowStart; row < rowEnd; row++) {
        const values = new Array<string>(header.length);
        for (let c = 0; c < header.length; c++) values[c] = cellText(cursors[c].at(row));
        sink(values, rowNumber++);
      }
    } else {
      // Two top-level columns of one name: chunks name their column, so read rows whole.
      await parquetRead({
        file, metadata, rowStart, rowEnd,
        onComplete: (rows: unknown[][]) => {
          for (const row of rows) sink(row.map(cellText), rowNumber++);
        },
      });
    }
    rowStart = rowEnd;
  }
  return result;
}

interface ColumnChunk {
  /** The file row of the chunk's first value. */
  from: number;
  data: ArrayLike<unknown>;
}

/** A column's values by file row, over its decoded chunks, read in row order. */
class ChunkCursor {
  private k = 0;

  constructor(private readonly chunks: ColumnChunk[]) {
    chunks.sort((a, b) => a.from - b.from);
  }

  /** The value at file row `row` (rows asked for in increasing order); undefined past the chunks. */
  at(row: number): unknown {
    while (this.k < this.chunks.length && row >= this.chunks[this.k].from + this.chunks[this.k].data.length) this.k++;
    const chunk = this.chunks[this.k];
    return chunk && row >= chunk.from ? chunk.data[row - chunk.from] : undefined;
  }
}
