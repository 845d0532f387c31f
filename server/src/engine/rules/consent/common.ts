// Shared by the consent rules: the scan state, cell positions and wording.
import { count, percent, rows } from '../../format';
import { quarantinePath } from '../../consent/quarantineName';
import { consentScan, type ConsentScanState, type MarkedCell } from '../../consent/scan';
import type { Range } from '../../types';
import type { DatasetContext } from '../rule';
import { isSafeToShow } from '../../privacy/shownValue';
import * as path from 'node:path';

/** The rule whose row scan builds the consent state the other consent rules read. */
export const CONSENT_SCAN_RULE = 'consent-field-missing';

export function consentState(context: Pick<DatasetContext, 'scans'>): ConsentScanState | undefined {
  return context.scans.get(consentScan);
}

/** The exact range of a marked cell when the analysis kept its row, else the scan's estimate. */
export function markedCellRange(context: Pick<DatasetContext, 'cellRange'>, cell: MarkedCell): Range {
  return context.cellRange(cell.line, cell.columnIndex) ?? { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } };
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
