// Rows remember where they start and end, not where each cell sits. A row's text is read
// once more by the same tokenizer that parsed it, to recover cell boundaries only when a
// diagnostic or an edit needs them, so a large table does not store an offset per cell.
import { RowTokenizer, type FieldSpan } from './rowTokenizer';

export type CellSpan = FieldSpan;

/** Spans of the cells of the row starting at `rowStart`, up to `rowEnd` (exclusive, before the line break). */
export function cellSpans(text: string, rowStart: number, rowEnd: number, delimiter: string): CellSpan[] {
  const spans: CellSpan[] = [];
  const tokenizer = new RowTokenizer(delimiter, () => false, { onField: (span) => spans.push(span) });
  // The row's own text only: its end is where the tokenizer's input ends.
  tokenizer.push(text, rowStart, rowEnd);
  tokenizer.finish();
  return spans;
}

/** The text a cell should hold for `value`, quoting when the value needs it. */
export function encodeCell(value: string, delimiter: string): string {
  if (value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r')) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}
