// phenotype-field-missing on a dataset: adds the missing column at the end of the header
// and an empty cell to every row, so the table stays rectangular (a short row is padded
// to the new width as well). One fix, one undo.
import { count } from '../../format';
import type { DatasetAnalysis } from '../../lintDataset';
import { cellSpans, encodeCell } from '../../table/cellOffsets';
import type { Fix, TextEdit } from '../../types';
import { mergedIfMany } from '../mergeEdits';
import { inHeaderStyle } from './headerStyle';

export function addColumnFix(analysis: DatasetAnalysis, column: string): Fix | undefined {
  const { table, profile } = analysis;
  const headerRow = table.headerRow;
  // A streamed analysis keeps no rows, so it cannot say where each row ends.
  if (!headerRow || table.header.length === 0 || (table.rows.length === 0 && profile.rowCount > 0)) return undefined;
  const name = inHeaderStyle(column, table.header);
  const { delimiter, lines, text } = table;
  const width = table.header.length + 1;
  const edits: TextEdit[] = [];

  // A ragged header's empty trailing fields are dropped, so the new name is the next named column.
  const spans = cellSpans(text, headerRow.start, headerRow.end, delimiter);
  const namedEnd = headerRow.values.length > table.header.length ? spans[table.header.length - 1].end : headerRow.end;
  edits.push({ range: lines.range(namedEnd, headerRow.end), newText: `${delimiter}${encodeCell(name, delimiter)}` });

  for (const row of table.rows) {
    const add = width - row.values.length;
    if (add <= 0) continue;
    const at = lines.positionAt(row.end);
    edits.push({ range: { start: at, end: at }, newText: delimiter.repeat(add) });
  }
  return {
    title: `Add column "${name}" to the header, empty in all ${count(table.rows.length)} rows`,
    changes: [{ path: analysis.path, edits: mergedIfMany(text, lines, edits) }],
    isPreferred: true,
  };
}
