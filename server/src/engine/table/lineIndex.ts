// Maps character offsets to LSP positions (0-based line, UTF-16 character).
// JavaScript strings are UTF-16, so a string index already is an LSP character.
// Lines end at `\r\n`, `\n` or `\r`, as the LSP specification, VS Code and
// vscode-languageserver-textdocument count them: a file with bare CR breaks (old Mac
// exports) or mixed breaks gets the same line numbers in every editor and in the CLI.
import type { Position, Range } from '../types';

const CR = 13;
const LF = 10;

/** Offsets where each line starts (the first is 0). */
function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  // Both breaks are found by indexOf, each searched again only once passed.
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr !== -1 || lf !== -1) {
    let end = lf === -1 || (cr !== -1 && cr < lf) ? cr : lf;
    if (end === cr && lf === cr + 1) end = lf;
    starts.push(end + 1);
    if (cr !== -1 && cr <= end) cr = text.indexOf('\r', end + 1);
    if (lf !== -1 && lf <= end) lf = text.indexOf('\n', end + 1);
  }
  return starts;
}

export class LineIndex {
  private readonly starts: number[];

  /** `starts` when the caller already knows them (an edit spliced into an older index). */
  constructor(readonly text: string, starts?: number[]) {
    this.starts = starts ?? lineStarts(text);
  }

  /**
   * The index of `text`, which is `old.text` with [from, oldTo) replaced by [from, newTo):
   * the lines before the edit are kept, the edited ones found again, the rest shifted.
   */
  static spliced(old: LineIndex, text: string, from: number, oldTo: number, newTo: number): LineIndex {
    const starts = old.starts;
    // A line starting before `from` keeps its start (the break before it is untouched);
    // one starting at `from` may not (a \n typed after a \r joins it to the break).
    let keep = 1;
    while (keep < starts.length && starts[keep] < from) keep++;
    const result = starts.slice(0, keep);
    const scanFrom = starts[keep - 1];
    // Re-find the line starts from the last kept one up to the first line start after the edit.
    let resume = keep;
    while (resume < starts.length && starts[resume] <= oldTo + 1) resume++;
    const scanTo = resume < starts.length ? starts[resume] + (newTo - oldTo) : text.length;
    const local = lineStarts(text.slice(scanFrom, scanTo));
    for (let k = 1; k < local.length; k++) result.push(scanFrom + local[k]);
    // The slice ends at a line start (scanTo), which the shifted old starts hold too.
    const delta = newTo - oldTo;
    for (let k = resume; k < starts.length; k++) if (starts[k] + delta !== result[result.length - 1]) result.push(starts[k] + delta);
    return new LineIndex(text, result);
  }

  get lineCount(): number { return this.starts.length; }

  lineStart(line: number): number { return this.starts[Math.min(line, this.starts.length - 1)]; }

  /** Offset of the end of a line's content, before its \r\n, \n or \r. */
  lineEnd(line: number): number {
    const start = this.lineStart(line);
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === LF) end--;
    if (end > start && this.text.charCodeAt(end - 1) === CR) end--;
    return end;
  }

  /**
   * The line holding `offset` (positionAt's line), searched forward from line `hint`: a
   * pass over rows in order finds each row's line in a step or two instead of a binary
   * search over every line.
   */
  lineOf(offset: number, hint = 0): number {
    const starts = this.starts;
    let line = Math.min(Math.max(0, hint), starts.length - 1);
    if (starts[line] > offset) return this.positionAt(offset).line;
    for (let steps = 0; line + 1 < starts.length && starts[line + 1] <= offset; steps++) {
      if (steps === 8) return this.positionAt(offset).line;
      line++;
    }
    return line;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    // Between the \r and the \n of a line break is no position: it is the end of the line.
    if (offset > this.starts[lo] && this.text.charCodeAt(offset) === LF && this.text.charCodeAt(offset - 1) === CR) offset--;
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(Math.max(0, position.line));
    return Math.min(start + Math.max(0, position.character), this.lineEnd(Math.max(0, position.line)));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - this.lineStart(line) } };
  }
}
