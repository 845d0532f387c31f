// "Add consent column": the column name at the end of the header and an empty cell at
// the end of every row, for the consent of each row to be filled in.
import type { DatasetAnalysis } from '../../lintDataset';
import { encodeCell } from '../../table/cellOffsets';
import type { Fix } from '../../types';
import { toTextEdits, type OffsetEdit } from './textEdits';

export function addConsentColumnFix(analysis: DatasetAnalysis, name: string): Fix | undefined {
  const { table } = analysis;
  if (!table.headerRow || (table.rows.length === 0 && analysis.profile.rowCount > 0)) return undefined;
  if (table.header.includes(name)) return undefined;
  const d = table.delimiter;
  // A header with empty trailing fields (the 1000 Genomes panel) gets the name after
  // them, so rows as wide as that header keep their cells under the same names.
  const edits: OffsetEdit[] = [{ start: table.headerRow.end, end: table.headerRow.end, newText: d + encodeCell(name, d) }];
  for (const row of table.rows) edits.push({ start: row.end, end: row.end, newText: d });
  return {
    title: `Add a "${name}" column (header and an empty cell in each of ${table.rows.length.toLocaleString('en-US')} rows) to fill in with DUO codes`,
    changes: [{ path: analysis.path, edits: toTextEdits(table.text, table.lines, edits) }],
  };
}
