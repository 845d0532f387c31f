// Papaparse returns values but not where each cell sits. A row's raw text is scanned
// once more, quote-aware, to recover cell boundaries only when a diagnostic or an edit
// needs them, so a large table does not store an offset per cell.

export interface CellSpan {
  /** Offset of the cell's first character (its opening quote when quoted). */
  start: number;
  /** Offset after the cell's last character (after its closing quote). */
  end: number;
  quoted: boolean;
}

/** Spans of the cells of the row starting at `rowStart`, up to `rowEnd` (exclusive, before the line break). */
export function cellSpans(text: string, rowStart: number, rowEnd: number, delimiter: string): CellSpan[] {
  const spans: CellSpan[] = [];
  let i = rowStart;
  for (;;) {
    const start = i;
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      while (i < rowEnd) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') { i += 2; continue; }
          i++;
          break;
        }
        i++;
      }
    }
    const next = text.indexOf(delimiter, i);
    const end = next === -1 || next >= rowEnd ? rowEnd : next;
    spans.push({ start, end, quoted });
    if (end >= rowEnd) return spans;
    i = end + delimiter.length;
  }
}

/** The text a cell should hold for `value`, quoting when the value needs it. */
export function encodeCell(value: string, delimiter: string): string {
  if (value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r')) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}
