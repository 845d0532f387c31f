// ancestry-values-missing: the representation figures describe only the rows that have an
// ancestry value; when many do not, that caveat is itself the finding.
import { reportedColumns } from '../ancestry/sameGroups';
import { count, percent, rows as rowCount } from '../format';
import type { DatasetRule, RawFindingOf } from './rule';

export type AncestryValuesMissingMessages = {
  missing: { column: string; missing: number; rows: number; share: number; maxMissing: number; markers: Record<string, number> };
};

export const ancestryValuesMissing: DatasetRule<AncestryValuesMissingMessages> = {
  id: 'ancestry-values-missing',
  defaultSeverity: 'warning',
  description: 'An ancestry column where the share of rows without a value exceeds ancestry.maxMissing, so representation is judged on a subset.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    missing: 'The share of rows with no ancestry value is above the threshold.',
  },
  check({ ancestry, policy, headerCell }) {
    const findings: RawFindingOf<AncestryValuesMissingMessages>[] = [];
    const maxMissing = policy.ancestry.maxMissing;
    for (const a of reportedColumns(ancestry)) {
      const rows = a.total + a.missing;
      if (rows === 0 || a.missing / rows <= maxMissing) continue;
      const share = a.missing / rows;
      const markers = [...a.missingByMarker].sort((x, y) => y[1] - x[1]);
      findings.push({
        messageId: 'missing',
        range: headerCell(a.columnIndex),
        message: `${count(a.missing)} of ${count(rows)} ${a.unit ? a.unit.noun : 'rows'} (${percent(share)}) have no value in "${a.column}", above ${percent(maxMissing)}`,
        detail:
          `${count(a.missing)} of ${count(rows)} ${a.unit ? `${a.unit.noun} (in ${count(a.unit.rows)} rows)` : 'rows'} (${percent(share)}) have no value in column "${a.column}" ` +
          `(${markers.map(([m, n]) => `${m}: ${count(n)}`).join(', ')}${a.unit ? ' rows' : ''}), more than ${percent(maxMissing)}: the representation figures describe only the ` +
          `${a.unit ? `${count(a.total)} ${a.unit.noun}` : rowCount(a.total)} with a value, and missing ancestry is rarely missing at random.`,
        data: { column: a.column, missing: a.missing, rows, share, maxMissing, markers: Object.fromEntries(markers) },
      });
    }
    return findings;
  },
};
