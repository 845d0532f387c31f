// Where a cell sits, for the rows a table kept. Rows store only their start and end, so
// the row's text is tokenised again (by the grammar that parsed it) when a finding needs a
// cell's exact range; the last row's spans are kept, as findings come in row order.
import type { Range } from '../types';
import { cellSpans, type CellSpan } from './cellOffsets';
import type { Table, TableRow } from './parse';

/** The row that starts on 0-based `line`, by binary search over the rows' start offsets. */
function rowStartingOn(table: Table, line: number): TableRow | undefined {
  if (table.rows.length === 0 || line < 0) return undefined;
  const start = table.lines.lineStart(line);
  let lo = 0;
  let hi = table.rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.rows[mid].start < start) lo = mid + 1; else hi = mid;
  }
  const row = table.rows[lo];
  // lineStart clamps a line past the end to the last line: check the row's own line.
  return row && row.start === start && table.lines.positionAt(start).line === line ? row : undefined;
}

/** `cellRange(line, columnIndex)` for a table: exact when the row was kept (the whole row when it is too short), else undefined. */
export function cellLocator(table: Table): (line: number, columnIndex: number) => Range | undefined {
  let lastRow: TableRow | undefined;
  let lastSpans: CellSpan[] = [];
  return (line, columnIndex) => {
    const row = rowStartingOn(table, line);
    if (!row) return undefined;
    if (row !== lastRow) {
      lastRow = row;
      lastSpans = cellSpans(table.text, row.start, row.end, table.delimiter);
    }
    // A short row has no such cell: the row itself is the place to look.
    const span = lastSpans[columnIndex] ?? row;
    return table.lines.range(span.start, span.end);
  };
}
