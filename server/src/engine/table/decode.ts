// Bytes of a table file to text, deciding "undecodable" on the bytes rather than on the
// text: a U+FFFD written as valid UTF-8 (EF BF BD) is data that was damaged before it
// reached this file, while an invalid byte sequence is this file's own problem. Lines
// that hold invalid sequences are reported by number (0-based, counting \r\n, \n and \r
// as the editor does). A UTF-16 file with a byte order mark is decoded as UTF-16 instead
// of being taken for binary. Works on a whole file and on a stream of chunks alike.
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import { HighByteHistogram, type LegacyEncoding } from './legacyEncoding';
import type { TableProblem } from './parse';
import { withoutBom } from './bom';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Lines with invalid UTF-8 beyond this are counted, not listed. */
export const MAX_INVALID_LINES = 100;

export interface DecodeReport {
  encoding: TextEncodingName;
  /** 0-based lines holding invalid UTF-8 sequences (the first MAX_INVALID_LINES). */
  invalidLines: number[];
  /** Every line holding one. */
  invalidLineCount: number;
  /** Set when the invalid lines read cleanly in a single-byte encoding (legacyEncoding.ts): one file-level finding, not one per line. */
  legacy?: LegacyEncoding;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Line breaks in valid text: \r\n counts once, also when the chunk before ended in \r.
 * Buffer.indexOf finds each break natively (a byte loop in JavaScript is ten times slower).
 */
function countBreaks(bytes: Uint8Array, previousCr: boolean): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = buffer.indexOf(LF); i !== -1; i = buffer.indexOf(LF, i + 1)) n++;
  for (let i = buffer.indexOf(CR); i !== -1; i = buffer.indexOf(CR, i + 1)) if (buffer[i + 1] !== LF) n++;
  // A chunk ending in \r is counted there; its \n at the start of this chunk is the same break.
  if (previousCr && buffer[0] === LF) n--;
  return n;
}

/** Where the last complete UTF-8 character ends: an incomplete sequence at the end waits for the next chunk. */
function completeLength(bytes: Uint8Array): number {
  for (let j = bytes.length - 1; j >= 0 && j >= bytes.length - 3; j--) {
    const b = bytes[j];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return bytes.length - j < need && b < 0xf8 ? j : bytes.length;
  }
  return bytes.length;
}

/** Validates UTF-8 chunk by chunk and tracks line numbers, in bounded memory. */
class Utf8Lines {
  private pending = new Uint8Array(0);
  private line = 0;
  private previousCr = false;
  readonly invalidLines: number[] = [];
  invalidLineCount = 0;
  private lastInvalid = -1;
  readonly highBytes = new HighByteHistogram();

  push(chunk: Uint8Array): void {
    const joined = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const cut = completeLength(joined);
    this.pending = joined.slice(cut);
    const body = joined.subarray(0, cut);
    if (body.length === 0) return;
    if (isUtf8(body)) this.countLines(body);
    else this.scan(body);
  }

  end(): void {
    if (this.pending.length > 0) { this.invalid(); this.highBytes.addInvalid(this.pending); }
    this.pending = new Uint8Array(0);
  }

  private invalid(): void {
    if (this.line === this.lastInvalid) return;
    this.lastInvalid = this.line;
    this.invalidLineCount++;
    if (this.invalidLines.length < MAX_INVALID_LINES) this.invalidLines.push(this.line);
  }

  /** Valid text: only the line count moves (\r\n is one break, also across chunks). */
  private countLines(body: Uint8Array): void {
    this.line += countBreaks(body, this.previousCr);
    this.previousCr = body[body.length - 1] === CR;
  }

  /** Text with an invalid sequence: each line's bytes (ASCII breaks never sit inside a character) are checked alone. */
  private scan(body: Uint8Array): void {
    let start = 0;
    const check = (end: number) => {
      if (end <= start) return;
      const line = body.subarray(start, end);
      if (isUtf8(line)) { this.highBytes.addValid(line); return; }
      this.invalid();
      this.highBytes.addInvalid(line);
    };
    for (let i = 0; i < body.length; i++) {
      const b = body[i];
      if (b !== LF && b !== CR) continue;
      check(i);
      start = i + 1;
      const afterCr = i > 0 ? body[i - 1] === CR : this.previousCr;
      if (b === CR || !afterCr) this.line++;
    }
    check(body.length);
    this.previousCr = body[body.length - 1] === CR;
  }
}

function encodingOf(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Decodes chunks as they come; the encoding is chosen from the first bytes (a byte order mark). */
export class ByteDecoder {
  private head: Uint8Array | undefined = new Uint8Array(0);
  private decoder: { write(chunk: Uint8Array): string; end(): string } | undefined;
  private atStart = true;
  private utf8: Utf8Lines | undefined;
  encoding: TextEncodingName = 'utf-8';

  write(chunk: Uint8Array): string {
    if (this.head) {
      // Two bytes decide the encoding; a tiny first chunk waits for more.
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) return '';
      chunk = this.head;
      this.head = undefined;
      this.start(chunk);
    }
    this.utf8?.push(chunk);
    return this.dropBom(this.decoder!.write(chunk));
  }

  end(): string {
    let text = '';
    if (this.head) {
      const rest = this.head;
      this.head = undefined;
      this.start(rest);
      this.utf8?.push(rest);
      text = this.dropBom(this.decoder!.write(rest));
    }
    this.utf8?.end();
    return text + this.dropBom(this.decoder!.end());
  }

  /** Editors drop the byte order mark; so does this, keeping positions the same. */
  private dropBom(text: string): string {
    if (!this.atStart || text === '') return text;
    this.atStart = false;
    return withoutBom(text);
  }

  report(): DecodeReport {
    const legacy = this.utf8 && this.utf8.invalidLineCount > 0 ? this.utf8.highBytes.guess() : undefined;
    return { encoding: this.encoding, invalidLines: this.utf8?.invalidLines ?? [], invalidLineCount: this.utf8?.invalidLineCount ?? 0, ...(legacy ? { legacy } : {}) };
  }

  private start(head: Uint8Array): void {
    this.encoding = encodingOf(head);
    // Invalid sequences become U+FFFD in the text; the byte check says which lines had them.
    // Node's StringDecoder is several times faster than TextDecoder; it has no UTF-16BE.
    if (this.encoding === 'utf-16be') {
      const be = new TextDecoder('utf-16be');
      this.decoder = { write: (chunk) => be.decode(chunk, { stream: true }), end: () => be.decode() };
    } else {
      this.decoder = new StringDecoder(this.encoding === 'utf-8' ? 'utf8' : 'utf16le');
    }
    if (this.encoding === 'utf-8') this.utf8 = new Utf8Lines();
  }
}

/** A whole file's bytes: its text (byte order mark dropped, as editors do) and what decoding found. */
export function decodeBytes(bytes: Uint8Array): { text: string; report: DecodeReport } {
  const decoder = new ByteDecoder();
  const text = decoder.write(bytes) + decoder.end();
  return { text, report: decoder.report() };
}

/** A byte stream as a stream of decoded strings; `report()` is complete once the stream ended. */
export function decodeStream(input: Readable): { stream: Readable; report: () => DecodeReport } {
  const decoder = new ByteDecoder();
  const stream = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const text = decoder.write(chunk);
      done(null, text === '' ? undefined : text);
    },
    flush(done) {
      const text = decoder.end();
      done(null, text === '' ? undefined : text);
    },
  });
  input.on('error', (error) => stream.destroy(error));
  return { stream: input.pipe(stream), report: () => decoder.report() };
}

/** The table problems for lines with invalid UTF-8; lines past `knownLines` (a streamed file's head) carry only their number. */
export function undecodableProblems(report: DecodeReport | undefined, lines: { lineCount: number; lineStart(line: number): number; lineEnd(line: number): number }): TableProblem[] {
  // A file in a legacy encoding gets one finding (table-encoding-legacy), not one per line.
  if (report?.legacy) return [];
  return (report?.invalidLines ?? []).map((line) => (line < lines.lineCount
    ? { kind: 'undecodable', start: lines.lineStart(line), end: lines.lineEnd(line) }
    : { kind: 'undecodable', start: 0, end: 0, line }));
}
