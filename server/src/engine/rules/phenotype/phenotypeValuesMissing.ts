// A phenotype column whose share of missing values exceeds phenotype.maxMissing.
import { count, percent } from '../../format';
import type { DatasetRule, RawFinding } from '../rule';
import { markerList, rolesOf } from './roles';

export const phenotypeValuesMissing: DatasetRule = {
  id: 'phenotype-values-missing',
  defaultSeverity: 'warning',
  description: 'A phenotype column whose missing share exceeds phenotype.maxMissing (default 0.2), with the missing markers seen and their counts.',
  fixable: false,
  appliesTo: 'dataset',
  check(context) {
    const { profile, policy, headerCell } = context;
    const total = profile.rowCount;
    const maxMissing = policy.phenotype.maxMissing;
    if (total === 0) return [];
    const findings: RawFinding[] = [];
    for (const i of rolesOf(context).missingness) {
      const column = profile.columns[i];
      const share = column.missing / total;
      if (share <= maxMissing) continue;
      const markers = Object.fromEntries([...column.missingByMarker].sort((a, b) => b[1] - a[1]));
      findings.push({
        range: headerCell(i),
        message:
          `${count(column.missing)} of ${count(total)} values missing in column "${column.name}" (${percent(share)}), ` +
          `above the maximum of ${percent(maxMissing)} (phenotype.maxMissing). Missing markers: ${markerList(column.missingByMarker, count)}.`,
        data: { column: column.name, columnIndex: i, missing: column.missing, total, share, maxMissing, markers },
      });
    }
    return findings;
  },
};
