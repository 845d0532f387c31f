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
  let rowStart = 0;
  let rowNumber = 1;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    await parquetRead({
      file, metadata, rowStart, rowEnd,
      onComplete: (rows: unknown[][]) => {
        for (const row of rows) sink(row.map(cellText), rowNumber++);
      },
    });
    rowStart = rowEnd;
  }
  return result;
}
