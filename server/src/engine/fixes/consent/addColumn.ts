// "Add consent column": an empty column at the end of the table (../addColumn.ts), for the
// consent of each row to be filled in.
import type { DatasetAnalysis } from '../../lintDataset';
import type { Fix } from '../../types';
import { addColumnEdits } from '../addColumn';

export function addConsentColumnFix(analysis: DatasetAnalysis, name: string): Fix | undefined {
  if (analysis.table.header.includes(name)) return undefined;
  const edits = addColumnEdits(analysis, name);
  if (!edits) return undefined;
  return {
    title: `Add a "${name}" column (header and an empty cell in each of ${analysis.table.rows.length.toLocaleString('en-US')} rows) to fill in with DUO codes`,
    changes: [{ path: analysis.path, edits }],
  };
}
