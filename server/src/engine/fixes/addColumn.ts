// Adds an empty column at the end of a table, for the fixes that add a missing column
// (phenotype-field-missing, consent-field-missing). The name goes after every header
// field, a ragged header's empty trailing fields included (the 1000 Genomes panel), so
// rows as wide as that header keep their cells under the same names; every row is padded
// to the new width (a short row too), so the table stays rectangular. One fix, one undo.
import type { DatasetAnalysis } from '../lintDataset';
import { encodeCell } from '../table/cellOffsets';
import type { TextEdit } from '../types';
import { toTextEdits, type OffsetEdit } from './mergeEdits';

/** The edits adding column `name`; undefined when the analysis cannot say where rows end. */
export function addColumnEdits(analysis: DatasetAnalysis, name: string): TextEdit[] | undefined {
  const { table, profile } = analysis;
  const headerRow = table.headerRow;
  // A streamed analysis keeps no rows, so it cannot say where each row ends.
  if (!headerRow || table.header.length === 0 || (table.rows.length === 0 && profile.rowCount > 0)) return undefined;
  const d = table.delimiter;
  const width = headerRow.values.length + 1;
  const edits: OffsetEdit[] = [{ start: headerRow.end, end: headerRow.end, newText: d + encodeCell(name, d) }];
  for (const row of table.rows) {
    const add = width - row.values.length;
    if (add > 0) edits.push({ start: row.end, end: row.end, newText: d.repeat(add) });
  }
  return toTextEdits(table.text, table.lines, edits);
}
