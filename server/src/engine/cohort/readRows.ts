// Reads a table file from disk row by row, synchronously and in bounded memory: 1 MiB of
// bytes at a time through the same decoder, header detection and tokenizer as the
// streamed lint (table/streamTable.ts), so a sibling table's rows and lines are the ones
// that file's own lint sees. Synchronous because linting an open document is: the
// sibling tables of a cohort are read while the document is linted, never held as text.
import { closeSync, openSync, readSync } from 'node:fs';
import { ByteDecoder } from '../table/decode';
import { detectHeader } from '../table/headerDetection';
import { LineIndex } from '../table/lineIndex';
import { guessDelimiter } from '../table/parse';
import { RowTokenizer, type TokenizedRow } from '../table/rowTokenizer';
import { isTemplateDirectiveRow } from '../table/templateRow';

const CHUNK_BYTES = 1 << 20;
/** Text kept to find the header in: a preamble longer than this is not looked past. */
const HEAD_CHARS = 1 << 16;

/** Receives each data row and its 0-based first line. */
export type RowVisitor = (values: readonly string[], line: number) => void;

/**
 * Calls `visitorFor` with the header, then the visitor it returns with every data row.
 * Returns false when the file cannot be read (absent, a folder, no permission).
 */
export function forEachRow(filePath: string, delimiterHint: string | undefined, visitorFor: (header: string[]) => RowVisitor | undefined): boolean {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch {
    return false;
  }
  const decoder = new ByteDecoder();
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let head = '';
  let tokenizer: RowTokenizer | undefined;
  let visitor: RowVisitor | undefined;
  let header: string[] | undefined;
  let line = 0;
  let dataRows = 0;
  let stopped = false;

  const onRow = (row: TokenizedRow): boolean | void => {
    if (!header) {
      header = row.values;
      visitor = visitorFor(header);
      if (!visitor) { stopped = true; return false; }
    } else if (!(row.values.length === 1 && row.values[0].trim() === '') && !(dataRows === 0 && isTemplateDirectiveRow(row.values))) {
      dataRows++;
      visitor!(row.values, line);
    }
    line += 1 + row.breaks;
    return undefined;
  };

  const start = (text: string): void => {
    const preamble = detectHeader(text);
    const delimiter = delimiterHint ?? guessDelimiter(text, preamble.headerStart);
    line = new LineIndex(text.slice(0, preamble.headerStart)).lineCount - 1;
    tokenizer = new RowTokenizer(delimiter, onRow);
    tokenizer.push(text, preamble.headerStart);
  };

  const feed = (text: string, last: boolean): void => {
    if (text === '' && !last) return;
    if (tokenizer) { tokenizer.push(text); return; }
    head += text;
    // The header is found on enough text to hold it (or on everything, for a small file).
    if (head.length >= HEAD_CHARS || last) {
      const all = head;
      head = '';
      start(all);
    }
  };

  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      feed(decoder.write(buffer.subarray(0, n)), false);
      if (stopped) return true;
    }
    feed(decoder.end(), true);
    if (!stopped) tokenizer?.finish();
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
