// missing-marker-mixed: writes every missing value of one column the same way (the
// policy's phenotype.missingValue, an empty cell by default). One fix, one undo.
import { count } from '../../format';
import type { DatasetAnalysis } from '../../lintDataset';
import { cellSpans, encodeCell } from '../../table/cellOffsets';
import type { Fix, TextEdit } from '../../types';
import { mergedIfMany } from '../mergeEdits';

/** `markers` as the profile reports them: values as written, and "(empty)" for blank cells. */
export function normaliseMarkersFix(analysis: DatasetAnalysis, columnIndex: number, markers: string[], target: string, merge = true): Fix | undefined {
  const { table } = analysis;
  const written = new Set(markers.filter((m) => m !== '(empty)'));
  const blank = markers.includes('(empty)');
  const isMarker = (value: string): boolean => written.has(value) || (blank && value.trim() === '');
  const replacement = encodeCell(target, table.delimiter);
  const edits: TextEdit[] = [];
  for (const row of table.rows) {
    const value = row.values[columnIndex];
    if (value === undefined || value === target || !isMarker(value)) continue;
    const span = cellSpans(table.text, row.start, row.end, table.delimiter)[columnIndex];
    if (span) edits.push({ range: table.lines.range(span.start, span.end), newText: replacement });
  }
  if (edits.length === 0) return undefined;
  const column = table.header[columnIndex];
  return {
    title: `Write every missing value in column "${column}" as ${target === '' ? 'an empty cell' : `"${target}"`} (${count(edits.length)} cells)`,
    changes: [{ path: analysis.path, edits: merge ? mergedIfMany(table.text, table.lines, edits) : edits }],
    isPreferred: true,
  };
}
