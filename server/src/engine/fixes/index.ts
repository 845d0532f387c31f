// Quick fixes for a finding as the client sends it back (code, data, range): everything
// a fix needs travels in `data`, so no message is parsed.
import * as path from 'node:path';
import type { DatasetAnalysis } from '../lintDataset';
import type { LoadedPolicy } from '../policy/loadPolicy';
import type { Finding, Fix } from '../types';
import { acknowledgeFix, REASON_PLACEHOLDER } from './acknowledge';
import { normaliseLabelFix } from './normaliseLabel';

export function fixesFor(
  analysis: DatasetAnalysis,
  finding: Pick<Finding, 'code' | 'data' | 'range'>,
  policy: LoadedPolicy,
  read: (p: string) => string | undefined,
  newPolicyDir: string = path.dirname(analysis.path),
): Fix[] {
  const data = (finding.data ?? {}) as Record<string, unknown>;
  switch (finding.code) {
    case 'ancestry-label-nonstandard': {
      const columnIndex = typeof data.columnIndex === 'number' ? data.columnIndex : analysis.table.header.indexOf(String(data.column));
      if (columnIndex < 0 || typeof data.value !== 'string' || typeof data.canonical !== 'string') return [];
      const fix = normaliseLabelFix(analysis, columnIndex, data.value, data.canonical);
      return fix ? [fix] : [];
    }
    case 'ancestry-underrepresented':
    case 'ancestry-group-absent': {
      if (data.acknowledged !== undefined || typeof data.group !== 'string' || typeof data.column !== 'string') return [];
      return [acknowledgeFix({ rule: finding.code, column: data.column, group: data.group, reason: REASON_PLACEHOLDER }, policy, read, newPolicyDir)];
    }
    default:
      return [];
  }
}
