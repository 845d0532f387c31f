import { count, percent } from '../format';
import { referenceText } from './referenceText';
import type { DatasetRule, RawFinding } from './rule';

export const ancestryGroupAbsent: DatasetRule = {
  id: 'ancestry-group-absent',
  defaultSeverity: 'warning',
  description: 'A group of the reference population has no rows at all.',
  fixable: true,
  appliesTo: 'dataset',
  check({ ancestry, headerCell }) {
    const findings: RawFinding[] = [];
    for (const a of ancestry) {
      if (!a.reference || a.total === 0) continue;
      for (const g of a.groups) {
        if (g.count > 0 || g.referenceShare === undefined) continue;
        findings.push({
          range: headerCell(a.columnIndex),
          message:
            `${g.group} is absent from column "${a.column}": 0 of ${count(a.total)} rows with a value, ` +
            `vs ${percent(g.referenceShare)} in ${referenceText(a)}; 95% Wilson interval for its share 0%–${percent(g.ciHigh)}.`,
          data: {
            group: g.group, column: a.column, count: 0, total: a.total, share: 0,
            reference: a.reference.id, referenceShare: g.referenceShare, ratio: 0, ciLow: g.ciLow, ciHigh: g.ciHigh,
          },
        });
      }
    }
    return findings;
  },
};
