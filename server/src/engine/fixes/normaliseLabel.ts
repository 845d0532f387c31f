// Replaces every occurrence of a nonstandard label in one column with its canonical
// label: one edit per cell, applied together so one undo restores them all.
import { count } from '../format';
import type { DatasetAnalysis } from '../lintDataset';
import { cellSpans, encodeCell } from '../table/cellOffsets';
import type { LineIndex } from '../table/lineIndex';
import type { Fix, TextEdit } from '../types';

/**
 * Editors apply tens of thousands of small edits slowly (the diabetes file's 76,099
 * cells took VS Code half a minute), so beyond this many they become one edit spanning
 * the first to the last cell; the text outside the cells is carried over unchanged.
 */
const MERGE_ABOVE = 1000;

function mergeEdits(text: string, lines: LineIndex, edits: TextEdit[]): TextEdit {
  const start = lines.offsetAt(edits[0].range.start);
  const end = lines.offsetAt(edits[edits.length - 1].range.end);
  const parts: string[] = [];
  let at = start;
  for (const edit of edits) {
    const from = lines.offsetAt(edit.range.start);
    parts.push(text.slice(at, from), edit.newText);
    at = lines.offsetAt(edit.range.end);
  }
  parts.push(text.slice(at, end));
  return { range: lines.range(start, end), newText: parts.join('') };
}

export function normaliseLabelFix(analysis: DatasetAnalysis, columnIndex: number, value: string, canonical: string): Fix | undefined {
  const { table } = analysis;
  const edits: TextEdit[] = [];
  const replacement = encodeCell(canonical, table.delimiter);
  for (const row of table.rows) {
    if (row.values[columnIndex] !== value) continue;
    const span = cellSpans(table.text, row.start, row.end, table.delimiter)[columnIndex];
    if (span) edits.push({ range: table.lines.range(span.start, span.end), newText: replacement });
  }
  if (edits.length === 0) return undefined;
  const merged = edits.length > MERGE_ABOVE ? [mergeEdits(table.text, table.lines, edits)] : edits;
  return {
    title: `Replace "${value}" with "${canonical}" in column "${table.header[columnIndex]}" (${count(edits.length)} cells)`,
    changes: [{ path: analysis.path, edits: merged }],
    isPreferred: true,
  };
}
