// Shared by the consent rules: the scan state, cell positions and wording.
import { count, percent, rows } from '../../format';
import { quarantinePath } from '../../consent/quarantineName';
import type { ConsentScanState, MarkedCell } from '../../consent/scan';
import { cellSpans } from '../../table/cellOffsets';
import type { Table, TableRow } from '../../table/parse';
import type { Range } from '../../types';
import type { DatasetContext } from '../rule';
import { isSafeToShow } from '../../privacy/shownValue';
import * as path from 'node:path';

/** The rule whose row scan builds the consent state the other consent rules read. */
export const CONSENT_SCAN_RULE = 'consent-field-missing';

export function consentState(context: DatasetContext): ConsentScanState | undefined {
  return context.scans.get(CONSENT_SCAN_RULE) as ConsentScanState | undefined;
}

function rowAtLine(table: Table, line: number): TableRow | undefined {
  let lo = 0;
  let hi = table.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = table.lines.positionAt(table.rows[mid].start).line;
    if (at === line) return table.rows[mid];
    if (at < line) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}

/** The exact range of a marked cell when the table kept its rows, else the scan's estimate. */
export function cellRange(table: Table, cell: MarkedCell): Range {
  const row = table.rows.length > 0 ? rowAtLine(table, cell.line) : undefined;
  if (row) {
    const span = cellSpans(table.text, row.start, row.end, table.delimiter)[cell.columnIndex];
    return span ? table.lines.range(span.start, span.end) : table.lines.range(row.start, row.end);
  }
  return { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } };
}

/** "line 4", "lines 4, 9 and 12", "lines 4, 9, 12, 15, 18, ..." */
export function linesText(firstLines: number[], total: number): string {
  if (firstLines.length === 1 && total === 1) return `line ${firstLines[0]}`;
  const more = total > firstLines.length ? ', ...' : '';
  if (!more && firstLines.length > 1) return `lines ${firstLines.slice(0, -1).join(', ')} and ${firstLines[firstLines.length - 1]}`;
  return `lines ${firstLines.join(', ')}${more}`;
}

/** "12 of 200 rows (6.0%)". */
export function share(n: number, of: number): string {
  return `${count(n)} of ${rows(of)} (${percent(of ? n / of : 0)})`;
}

/** "(empty)" for an empty cell, the value in quotes when it may be shown, else "a value not shown". */
export function shown(value: string): string {
  if (value.trim() === '') return '(empty)';
  return isSafeToShow(value) ? `"${value}"` : 'a value not shown (it may identify someone)';
}

/** What every consent summary offers: the quarantine quick fix, by file name. */
export function quarantineHint(datasetPath: string): string {
  return `move them to ${path.basename(quarantinePath(datasetPath))} with the quick fix (no row is lost)`;
}

/** `"NA" 3, empty 2` for up to five values, most frequent first. */
export function tallyText(values: Map<string, number>): string {
  const sorted = [...values].sort((a, b) => b[1] - a[1]);
  const listed = sorted.slice(0, 5).map(([v, n]) => `${v.trim() === '' ? 'empty' : isSafeToShow(v) ? `"${v}"` : 'a value not shown'} ${count(n)}`);
  return listed.join(', ') + (sorted.length > 5 ? ', ...' : '');
}
