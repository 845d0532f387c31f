// phenotype-field-missing on a dataset: adds the missing column, named in the header's
// style, at the end of the table (../addColumn.ts).
import { count } from '../../format';
import type { DatasetAnalysis } from '../../lintDataset';
import type { Fix } from '../../types';
import { addColumnEdits } from '../addColumn';
import { inHeaderStyle } from './headerStyle';

export function addColumnFix(analysis: DatasetAnalysis, column: string): Fix | undefined {
  const name = inHeaderStyle(column, analysis.table.header);
  const edits = addColumnEdits(analysis, name);
  if (!edits) return undefined;
  return {
    title: `Add column "${name}" to the header, empty in all ${count(analysis.table.rows.length)} rows`,
    changes: [{ path: analysis.path, edits }],
    isPreferred: true,
  };
}
