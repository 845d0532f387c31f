// A reference group with no rows where, at this sample size, no rows is what chance alone
// would often give: (1 − π)^N ≥ 0.05. ancestry-group-absent reports the improbable
// absences; this says, at information level, that the sample is too small to tell.
import { isResidual } from '../ancestry/references';
import { ABSENCE_ALPHA, absenceVerdict, chanceText } from '../ancestry/absence';
import { labelsOutsideReference } from '../ancestry/assess';
import { reportedColumns } from '../ancestry/sameGroups';
import { mayHideGroup } from '../ancestry/unmappedGate';
import { percent, significant } from '../format';
import { referenceText } from './referenceText';
import type { DatasetRule, RawFindingOf } from './rule';
import { unitNote, unitsWithValue } from './unitText';

export type AncestryGroupUnobservedMessages = {
  unobserved: { group: string; column: string; count: 0; total: number; reference: string; referenceShare: number | undefined; expected: number; chanceOfNone: number; alpha: number; ciHigh: number; participants?: number; rows?: number; unit?: string };
};

export const ancestryGroupUnobserved: DatasetRule<AncestryGroupUnobservedMessages> = {
  id: 'ancestry-group-unobserved',
  defaultSeverity: 'information',
  description: 'A reference group with no rows where the sample is too small to tell: the chance of none, (1 − π)^N, is at least 0.05.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    unobserved: 'A reference group with no rows where the sample is too small to call it absent.',
  },
  check({ ancestry, headerCell }) {
    const findings: RawFindingOf<AncestryGroupUnobservedMessages>[] = [];
    for (const a of reportedColumns(ancestry)) {
      if (!a.reference || a.total === 0 || labelsOutsideReference(a)) continue;
      for (const g of a.groups) {
        // Rows with labels read as no group may be this group: ancestry-labels-unmapped says so instead.
        if ((g.count === 0 && mayHideGroup(a, g)) || isResidual(a.reference, g.group)) continue;
        const verdict = absenceVerdict(a, g);
        if (!verdict || verdict.improbable) continue;
        findings.push({
          messageId: 'unobserved',
          range: headerCell(a.columnIndex),
          message: `${g.group} unseen in "${a.column}" (${significant(verdict.expected)} expected): too few to call it absent`,
          detail:
            `${g.group} has no rows in column "${a.column}", but the sample is too small to tell whether it is absent: ` +
            `0 of ${unitsWithValue(a)}, vs ${percent(g.referenceShare!)} in ${referenceText(a)}, so N · π = ${significant(verdict.expected)} expected ` +
            `and the chance of none at this size is (1 − π)^N ${chanceText(verdict.chance)} ≥ ${ABSENCE_ALPHA}; 95% Wilson interval for its share 0%–${percent(g.ciHigh)}.` + unitNote(a),
          data: {
            group: g.group, column: a.column, count: 0, total: a.total, reference: a.reference.id, referenceShare: g.referenceShare,
            expected: verdict.expected, chanceOfNone: verdict.chance, alpha: ABSENCE_ALPHA, ciHigh: g.ciHigh, ...(a.unit ? { participants: a.unit.participants, rows: a.unit.rows, unit: a.unit.noun } : {}),
          },
        });
      }
    }
    return findings;
  },
};
