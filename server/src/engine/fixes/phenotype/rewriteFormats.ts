// phenotype-format-mixed: rewrites one column's dates into one format, or its category
// spellings into the dominant one, in one undoable edit. Only cells whose value changes
// are edited; a date whose day/month order is not known (no proof in the column, no
// phenotype.dateOrder) is left as it is, and so is every cell that is not a date.
import { count } from '../../format';
import type { DatasetAnalysis } from '../../lintDataset';
import { inOrder, readDate, writeDate, type DateFormatId, type DateOrder } from '../../phenotype/dateFormats';
import { cellSpans, encodeCell } from '../../table/cellOffsets';
import type { Fix, TextEdit } from '../../types';
import { mergedIfMany } from '../mergeEdits';
import type { PhenotypeFormatMixedMessages } from '../../rules/phenotype/phenotypeFormatMixed';
import type { FindingOf } from '../ruleFixes';

/** The value a date cell becomes in `target`, or undefined to leave it. */
export function rewrittenDate(value: string, target: DateFormatId, orders: Partial<Record<string, DateOrder>>): string | undefined {
  const reading = readDate(value);
  if (!reading || reading.format === 'ISO date-time') return undefined;
  const date = inOrder(reading, reading.separator ? orders[reading.separator] : undefined);
  if (!date) return undefined;
  const written = writeDate(date, target);
  return written === value ? undefined : written;
}

/** Edits replacing each cell of the column for which `rewrite` gives a new value. */
export function columnRewrites(analysis: DatasetAnalysis, columnIndex: number, rewrite: (value: string) => string | undefined): TextEdit[] {
  const { table } = analysis;
  const edits: TextEdit[] = [];
  for (const row of table.rows) {
    const value = row.values[columnIndex];
    if (value === undefined) continue;
    const next = rewrite(value);
    if (next === undefined || next === value) continue;
    const span = cellSpans(table.text, row.start, row.end, table.delimiter)[columnIndex];
    if (span) edits.push({ range: table.lines.range(span.start, span.end), newText: encodeCell(next, table.delimiter) });
  }
  return edits;
}

/** The finding's own rewrite: its dates to the target format, or its categories one way. */
export function rewriteFormatsFix(analysis: DatasetAnalysis, finding: FindingOf<PhenotypeFormatMixedMessages, 'date' | 'category'>): Fix | undefined {
  const { data } = finding;
  const column = analysis.table.header[data.columnIndex];
  if (column === undefined || analysis.table.rows.length === 0) return undefined;
  let edits: TextEdit[];
  let title: string;
  if (data.kind === 'date') {
    const { target, orders } = data;
    if (target === null) return undefined;
    edits = columnRewrites(analysis, data.columnIndex, (v) => rewrittenDate(v, target, orders));
    title = `Write the dates in column "${column}" as ${target}`;
  } else {
    const rewrites = new Map(Object.entries(data.rewrites));
    if (rewrites.size === 0) return undefined;
    edits = columnRewrites(analysis, data.columnIndex, (v) => rewrites.get(v));
    title = `Write column "${column}" one way: ${[...rewrites].slice(0, 3).map(([a, b]) => `${JSON.stringify(a)} → ${JSON.stringify(b)}`).join(', ')}${rewrites.size > 3 ? ', ...' : ''}`;
  }
  if (edits.length === 0) return undefined;
  return {
    title: `${title} (${count(edits.length)} ${edits.length === 1 ? 'cell' : 'cells'})`,
    changes: [{ path: analysis.path, edits: mergedIfMany(analysis.table.text, analysis.table.lines, edits) }],
    isPreferred: true,
  };
}
