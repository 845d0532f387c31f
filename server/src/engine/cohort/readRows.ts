// Reads a table file from disk row by row, synchronously and in bounded memory: 1 MiB of
// bytes at a time through the same decoder, header detection and tokenizer as the
// streamed lint (table/streamTable.ts), so a sibling table's rows and lines are the ones
// that file's own lint sees. Synchronous because linting an open document is: the
// sibling tables of a cohort are read while the document is linted, never held as text.
import { closeSync, openSync, readSync } from 'node:fs';
import { ByteDecoder } from '../table/decode';
import { detectHeader } from '../table/headerDetection';
import { LineIndex } from '../table/lineIndex';
import { chooseDelimiter } from '../table/parse';
import { RowTokenizer, type TokenizedRow } from '../table/rowTokenizer';
import { isTemplateDirectiveRow } from '../table/templateRow';

const CHUNK_BYTES = 1 << 20;
/** Text kept to find the header in: a preamble longer than this is not looked past. */
const HEAD_CHARS = 1 << 16;

/** Receives each data row and its 0-based first line. */
export type RowVisitor = (values: readonly string[], line: number) => void;

/** Rows from text given in pieces: the header is found on the first 64 KiB (or all of a smaller text). */
class RowFeeder {
  private head = '';
  private tokenizer: RowTokenizer | undefined;
  private visitor: RowVisitor | undefined;
  private header: string[] | undefined;
  private line = 0;
  private dataRows = 0;
  /** Set when visitorFor declined the header: nothing more is read. */
  stopped = false;

  constructor(private readonly delimiterHint: string | undefined, private readonly visitorFor: (header: string[]) => RowVisitor | undefined) {}

  private readonly onRow = (row: TokenizedRow): boolean | void => {
    if (!this.header) {
      this.header = row.values;
      this.visitor = this.visitorFor(this.header);
      if (!this.visitor) { this.stopped = true; return false; }
    } else if (!(row.values.length === 1 && row.values[0].trim() === '') && !(this.dataRows === 0 && isTemplateDirectiveRow(row.values))) {
      this.dataRows++;
      this.visitor!(row.values, this.line);
    }
    this.line += 1 + row.breaks;
    return undefined;
  };

  private start(text: string): void {
    const preamble = detectHeader(text);
    const { delimiter } = chooseDelimiter(text, preamble.headerStart, this.delimiterHint);
    this.line = new LineIndex(text.slice(0, preamble.headerStart)).lineCount - 1;
    this.tokenizer = new RowTokenizer(delimiter, this.onRow);
    this.tokenizer.push(text, preamble.headerStart);
  }

  feed(text: string): void {
    if (this.stopped || text === '') return;
    if (this.tokenizer) { this.tokenizer.push(text); return; }
    this.head += text;
    if (this.head.length >= HEAD_CHARS) this.flushHead();
  }

  end(): void {
    if (this.stopped) return;
    if (!this.tokenizer) this.flushHead();
    if (!this.stopped) this.tokenizer?.finish();
  }

  private flushHead(): void {
    const all = this.head;
    this.head = '';
    // Editors drop a byte order mark; so does this, keeping lines and offsets the same.
    this.start(all.charCodeAt(0) === 0xfeff ? all.slice(1) : all);
  }
}

/** The same over a text already in memory (an open document). */
export function forEachRowOfText(text: string, delimiterHint: string | undefined, visitorFor: (header: string[]) => RowVisitor | undefined): void {
  const feeder = new RowFeeder(delimiterHint, visitorFor);
  feeder.feed(text);
  feeder.end();
}

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
  const feeder = new RowFeeder(delimiterHint, visitorFor);
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      feeder.feed(decoder.write(buffer.subarray(0, n)));
      if (feeder.stopped) return true;
    }
    feeder.feed(decoder.end());
    feeder.end();
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
