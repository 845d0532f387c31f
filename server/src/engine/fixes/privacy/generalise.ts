// Fixes that generalise a column in place, as Safe Harbor allows it to stay: a full date
// to its year, a ZIP-5 to its ZIP-3 (000 for the restricted areas), an age over 89 to
// 90+. Only the cells that need it change; every other cell, quote and line break is kept.
import { AGE_90_PLUS, readAge } from '../../privacy/ages';
import { dateYear } from '../../privacy/shapes';
import { isRestrictedZip3, isZip5, safeHarborZip } from '../../privacy/zip3';
import type { DatasetAnalysis } from '../../lintDataset';
import { rows as rowsText } from '../../format';
import { cellSpans, encodeCell } from '../../table/cellOffsets';
import type { Fix } from '../../types';
import { toTextEdits, type OffsetEdit } from '../mergeEdits';

export type Generaliser = (value: string) => string | undefined;

/** The year of a full date: ISO and compact forms lead with it, d/m/y and m/d/y end with it. */
/** A full date becomes its year; one whose year has two digits (3/5/94) is left as it is: its century is not written. */
export const toYear: Generaliser = (value) => {
  const year = dateYear(value.trim());
  return year === undefined ? undefined : String(year).padStart(4, '0');
};

export const toZip3: Generaliser = (value) => (isZip5(value) || isRestrictedZip3(value) ? safeHarborZip(value) : undefined);

export const to90Plus: Generaliser = (value) => (readAge(value)?.over89 ? AGE_90_PLUS : undefined);

export function generaliseFix(analysis: DatasetAnalysis, columnIndex: number, generalise: Generaliser, what: (n: number) => string): Fix | undefined {
  const { table } = analysis;
  if (table.rows.length === 0) return undefined;
  const edits: OffsetEdit[] = [];
  for (const row of table.rows) {
    const value = row.values[columnIndex];
    if (value === undefined) continue;
    const next = generalise(value);
    if (next === undefined || next === value) continue;
    const span = cellSpans(table.text, row.start, row.end, table.delimiter)[columnIndex];
    if (!span) continue;
    edits.push({ start: span.start, end: span.end, newText: encodeCell(next, table.delimiter) });
  }
  if (edits.length === 0) return undefined;
  return { title: what(edits.length), changes: [{ path: analysis.path, edits: toTextEdits(table.text, table.lines, edits) }], isPreferred: true };
}

export const cellsText = (n: number) => rowsText(n).replace(/rows?$/, n === 1 ? 'cell' : 'cells');
