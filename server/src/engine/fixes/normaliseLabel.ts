// Replaces every occurrence of a nonstandard label in one column with its canonical
// label: one edit per cell, applied together so one undo restores them all.
import { count } from '../format';
import type { DatasetAnalysis } from '../lintDataset';
import { cellSpans, encodeCell } from '../table/cellOffsets';
import { mergedIfMany } from './mergeEdits';
import type { Fix, TextEdit } from '../types';

export function normaliseLabelFix(analysis: DatasetAnalysis, columnIndex: number, value: string, canonical: string, merge = true): Fix | undefined {
  const { table } = analysis;
  const edits: TextEdit[] = [];
  const replacement = encodeCell(canonical, table.delimiter);
  for (const row of table.rows) {
    if (row.values[columnIndex] !== value) continue;
    const span = cellSpans(table.text, row.start, row.end, table.delimiter)[columnIndex];
    if (span) edits.push({ range: table.lines.range(span.start, span.end), newText: replacement });
  }
  if (edits.length === 0) return undefined;
  const merged = merge ? mergedIfMany(table.text, table.lines, edits) : edits;
  return {
    title: `Replace "${value}" with "${canonical}" in column "${table.header[columnIndex]}" (${count(edits.length)} cells)`,
    changes: [{ path: analysis.path, edits: merged }],
    isPreferred: true,
  };
}
