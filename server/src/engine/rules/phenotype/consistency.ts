// Shared by the recording-consistency rules: the row scan they all read (run once, owned
// by phenotype-coding-mixed) and its state.
import { absorbConsistency } from '../../phenotype/consistencyAbsorb';
import { beginConsistency, consistencyRow, type ConsistencyState } from '../../phenotype/consistencyScan';
import type { DatasetContext, RowScan } from '../rule';

export const CONSISTENCY_SCAN_RULE = 'phenotype-coding-mixed';

export const consistencyScan: RowScan<ConsistencyState> = { begin: beginConsistency, row: consistencyRow, absorb: absorbConsistency };

export function consistencyState(context: Pick<DatasetContext, 'scans'>): ConsistencyState | undefined {
  return context.scans.get(consistencyScan);
}
