// The CSV/TSV grammar in one place: RFC 4180 fields and quotes, with `\r\n`, `\n` and `\r`
// all ending a row, as the LSP and VS Code count lines (papaparse fixes one line break per
// file, so a file with mixed or bare CR breaks glued rows together). Text arrives in
// chunks and every character is looked at once: a row or a field that spans chunks is
// carried over, never re-scanned, so cost is linear in the input whatever its shape.
//
// Quotes are read as papaparse reads them: a quote closes its field only when followed
// (after optional spaces) by the delimiter, a line break or the end; any other quote
// inside a quoted field is kept as text and the row is marked `badQuote`.

export interface TokenizedRow {
  values: string[];
  /** Offset of the row's first character. */
  start: number;
  /** Offset after the row's last character, before its line break. */
  end: number;
  /** Line breaks inside the row's quoted fields. */
  breaks: number;
  badQuote: boolean;
  /** Offset of the opening quote of a field still open at the end of the input. */
  unclosedAt?: number;
}

export interface FieldSpan {
  /** Offset of the field's first character (its opening quote when quoted). */
  start: number;
  /** Offset after the field's last character. */
  end: number;
  quoted: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

/** An indexOf result within the first `n` characters, or `n` for none. */
function after(found: number, n: number): number {
  return found < 0 || found > n ? n : found;
}

const enum Mode { FieldStart, Unquoted, Quoted, Quote, QuoteSpaces, AfterCr }

export interface TokenizerOptions {
  /** Called per field (for cell positions); rows and values still go to onRow. */
  onField?: (span: FieldSpan) => void;
  /**
   * Offset from which no quote can close a field (known from an earlier pass that ran to
   * the end of the text): a quoted field reaching it is given up at once as unclosed.
   */
  noCloseFrom?: number;
  /** Absolute offset of the first chunk's first character (a parse fed slices of one text). */
  startAt?: number;
}

export class RowTokenizer {
  private mode = Mode.FieldStart;
  /** Absolute offset of the next chunk's first character. */
  private nextAt = 0;
  /** Absolute offset after the last character read. */
  private readTo = 0;
  private started = false;
  private values: string[] = [];
  private field = '';
  private spaces = '';
  private fieldStart = 0;
  private rowStart = 0;
  private breaks = 0;
  private badQuote = false;
  private quoteAt = -1;
  private prevCr = false;
  private stopped = false;
  private readonly delim: number;
  /** Set when a quoted field met noCloseFrom: the rest of the input was not read. */
  abandoned = false;
  /** Characters read so far: the cost of the parse, which stays linear in the input. */
  charactersRead = 0;

  /** `onRow` returns false to stop reading. */
  constructor(private readonly delimiter: string, private readonly onRow: (row: TokenizedRow) => boolean | void, private readonly options: TokenizerOptions = {}) {
    this.delim = delimiter.charCodeAt(0);
    this.nextAt = options.startAt ?? 0;
  }

  /** True once onRow asked to stop or the input was given up: further chunks are not read. */
  get done(): boolean {
    return this.stopped;
  }

  /** Reads the next chunk of the input: `chunk` from index `from` up to index `to`. */
  push(chunk: string, from = 0, to = chunk.length): void {
    const at = this.nextAt;
    this.nextAt = at + to;
    if (!this.started) { this.started = true; this.rowStart = at + from; }
    let i = from;
    const n = to;
    const d = this.delim;
    let nextDelim = -1;
    let nextLf = -1;
    let nextCr = -1;
    while (i < n && !this.stopped) {
      switch (this.mode) {
        case Mode.AfterCr: {
          if (chunk.charCodeAt(i) === LF) i++;
          this.mode = Mode.FieldStart;
          this.rowStart = at + i;
          break;
        }
        case Mode.FieldStart: {
          this.fieldStart = at + i;
          if (chunk.charCodeAt(i) === QUOTE) {
            this.quoteAt = at + i;
            this.mode = Mode.Quoted;
            i++;
            break;
          }
          this.mode = Mode.Unquoted;
        }
        // falls through: most fields are unquoted
        case Mode.Unquoted: {
          // The next delimiter, LF and CR are found by indexOf and remembered until passed:
          // each is searched for once per occurrence, not once per field.
          if (nextDelim < i) nextDelim = after(chunk.indexOf(this.delimiter, i), n);
          if (nextLf < i) nextLf = after(chunk.indexOf('\n', i), n);
          if (nextCr < i) nextCr = after(chunk.indexOf('\r', i), n);
          const j = Math.min(nextDelim, nextLf, nextCr);
          if (j > i) this.field += chunk.slice(i, j);
          if (j === n) { i = n; break; }
          this.endField(at + j, false);
          const c = chunk.charCodeAt(j);
          i = c === d ? this.nextField(j + 1) : this.endRow(at + j, c, j + 1, at);
          break;
        }
        case Mode.Quoted: {
          const w = this.options.noCloseFrom;
          const limit = w === undefined ? n : Math.max(i, Math.min(n, w - at));
          let j = i;
          let prev = this.prevCr;
          while (j < limit) {
            const c = chunk.charCodeAt(j);
            if (c === QUOTE) break;
            if (c === CR || (c === LF && !prev)) this.breaks++;
            prev = c === CR;
            j++;
          }
          this.prevCr = prev;
          if (j > i) this.field += chunk.slice(i, j);
          if (j === n) { i = n; break; }
          // Stopped at noCloseFrom on a character that is not a quote: no quote after it closes.
          if (chunk.charCodeAt(j) !== QUOTE) {
            this.charactersRead += j - from;
            this.abandon();
            return;
          }
          this.mode = Mode.Quote;
          i = j + 1;
          break;
        }
        case Mode.Quote: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.prevCr = false;
            this.mode = Mode.Quoted;
            i++;
          } else if (c === d || c === LF || c === CR) {
            i = this.closeQuoted(at + i, c, i + 1, at);
          } else if (c === SPACE || c === TAB) {
            this.spaces = '';
            this.mode = Mode.QuoteSpaces;
          } else {
            this.invalidQuote('');
          }
          break;
        }
        case Mode.QuoteSpaces: {
          const c = chunk.charCodeAt(i);
          if (c === SPACE || c === TAB) {
            this.spaces += chunk[i];
            i++;
          } else if (c === d || c === LF || c === CR) {
            i = this.closeQuoted(at + i, c, i + 1, at);
          } else {
            this.invalidQuote(this.spaces);
          }
          break;
        }
      }
    }
    this.readTo = at + i;
    this.charactersRead += i - from;
  }

  /** The end of the input: emits the last row, if it has any text. */
  finish(): void {
    if (this.stopped) return;
    const end = this.readTo;
    switch (this.mode) {
      case Mode.AfterCr:
        return;
      case Mode.FieldStart:
        if (this.values.length === 0) return;
        this.fieldStart = end;
        this.endField(end, false);
        break;
      case Mode.Quoted:
        this.endField(end, true);
        this.emit(end, this.quoteAt);
        return;
      case Mode.Quote:
      case Mode.QuoteSpaces:
        this.endField(end, true);
        break;
      default:
        this.endField(end, false);
    }
    this.emit(end);
  }

  private abandon(): void {
    this.abandoned = true;
    this.stopped = true;
    this.onRow({ values: this.values, start: this.rowStart, end: this.rowStart, breaks: this.breaks, badQuote: this.badQuote, unclosedAt: this.quoteAt });
  }

  /** A quote (and the spaces after it) that does not close the field is text; the field stays open. */
  private invalidQuote(spaces: string): void {
    this.field += '"' + spaces;
    this.spaces = '';
    this.badQuote = true;
    this.prevCr = false;
    this.mode = Mode.Quoted;
  }

  private closeQuoted(offset: number, c: number, next: number, at: number): number {
    this.spaces = '';
    this.endField(offset, true);
    return c === this.delim ? this.nextField(next) : this.endRow(offset, c, next, at);
  }

  private nextField(next: number): number {
    this.mode = Mode.FieldStart;
    return next;
  }

  private endField(end: number, quoted: boolean): void {
    this.values.push(this.field);
    this.options.onField?.({ start: this.fieldStart, end, quoted });
    this.field = '';
  }

  /** Ends the row before its line break `c` at `end`; returns the index after the break's first character. */
  private endRow(end: number, c: number, next: number, at: number): number {
    this.emit(end);
    this.mode = c === CR ? Mode.AfterCr : Mode.FieldStart;
    this.rowStart = at + next;
    return next;
  }

  private emit(end: number, unclosedAt?: number): void {
    const row: TokenizedRow = { values: this.values, start: this.rowStart, end, breaks: this.breaks, badQuote: this.badQuote };
    if (unclosedAt !== undefined) row.unclosedAt = unclosedAt;
    this.values = [];
    this.breaks = 0;
    this.badQuote = false;
    this.prevCr = false;
    if (this.onRow(row) === false) this.stopped = true;
  }
}
