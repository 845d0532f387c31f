import { reportedColumns } from '../ancestry/sameGroups';
import { uncheckedKind } from './ancestryRepresentationUnchecked';
import { count, percent, rows } from '../format';
import type { DatasetRule, RawFindingOf } from './rule';
import { unitNote, unitsWithValue } from './unitText';
import { labelData, labelText } from '../privacy/shownLabel';

export type AncestryGroupSmallMessages = {
  small: { group: string | undefined; column: string; count: number; total: number; share: number; minCount: number; ciLow: number; ciHigh: number };
};

export const ancestryGroupSmall: DatasetRule<AncestryGroupSmallMessages> = {
  id: 'ancestry-group-small',
  defaultSeverity: 'information',
  description: 'A group with fewer rows than minCount: too few for per-group estimates.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    small: 'A group with fewer rows than the minimum count.',
  },
  check({ ancestry, headerCell }) {
    const findings: RawFindingOf<AncestryGroupSmallMessages>[] = [];
    for (const a of reportedColumns(ancestry)) {
      // A column whose labels are mostly outside every vocabulary has its representation
      // unchecked (ancestry-representation-unchecked): the few labels that happen to match
      // one (Synthea's "african" among "irish", "german", ...) make no groups to report.
      if (uncheckedKind(a) === 'minority-vocabulary') continue;
      for (const g of a.groups) {
        // Labels read as no group (national origins, local codes) are profiled in the hover, not reported one by one.
        if (g.count === 0 || g.count >= a.minCount || !g.mapped) continue;
        findings.push({
          messageId: 'small',
          range: headerCell(a.columnIndex),
          message: `${labelText(g.group, g.referenceShare !== undefined)}: only ${a.unit ? `${count(g.count)} ${a.unit.noun}` : rows(g.count)} in "${a.column}", below the minimum of ${a.minCount}`,
          detail:
            `${labelText(g.group, g.referenceShare !== undefined)} has only ${a.unit ? `${count(g.count)} ${a.unit.noun}` : rows(g.count)} in column "${a.column}" (${percent(g.share)} of ${unitsWithValue(a)}), ` +
            `fewer than the minimum of ${a.minCount}; 95% Wilson interval ${percent(g.ciLow)}–${percent(g.ciHigh)}.` + unitNote(a),
          data: { group: labelData(g.group, g.referenceShare !== undefined), column: a.column, count: g.count, total: a.total, share: g.share, minCount: a.minCount, ciLow: g.ciLow, ciHigh: g.ciHigh },
        });
      }
    }
    return findings;
  },
};
