import { isResidual } from '../ancestry/references';
import { labelsOutsideReference } from '../ancestry/assess';
import { reportedColumns } from '../ancestry/sameGroups';
import { mayHideGroup } from '../ancestry/unmappedGate';
import { count, percent, ratio } from '../format';
import { referenceText } from './referenceText';
import { unitNote, unitsWithValue } from './unitText';
import type { DatasetRule, RawFindingOf } from './rule';

export type AncestryUnderrepresentedMessages = {
  underrepresented: { group: string; column: string; [fact: string]: unknown };
};

export const ancestryUnderrepresented: DatasetRule<AncestryUnderrepresentedMessages> = {
  id: 'ancestry-underrepresented',
  defaultSeverity: 'warning',
  description: 'An ancestry group whose share of the rows is below minRatio times its share of the reference population.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    underrepresented: 'A group whose share is below minRatio times its reference share: counts, shares, ratio, Wilson interval and verdict.',
  },
  check({ ancestry, headerCell }) {
    const findings: RawFindingOf<AncestryUnderrepresentedMessages>[] = [];
    for (const a of reportedColumns(ancestry)) {
      // ancestry-group-absent explains why a column whose labels are mostly outside the
      // reference is not compared: its shares would count those rows in no group.
      if (!a.reference || labelsOutsideReference(a)) continue;
      for (const g of a.groups) {
        if (g.count === 0 || g.referenceShare === undefined || g.ratio === undefined || g.ratio >= a.minRatio) continue;
        if (mayHideGroup(a, g) || isResidual(a.reference, g.group)) continue;
        const bound = a.minRatio * g.referenceShare;
        const verdict = g.clearlyUnder
          ? `the interval's upper bound is also below ${a.minRatio} × ${percent(g.referenceShare)} = ${percent(bound)}: clearly under-represented`
          : `the interval reaches ${a.minRatio} × ${percent(g.referenceShare)} = ${percent(bound)}: uncertain at this sample size`;
        findings.push({
          messageId: 'underrepresented',
          range: headerCell(a.columnIndex),
          message: `${g.group} under-represented in "${a.column}": ${percent(g.share)} vs ${percent(g.referenceShare)} (ratio ${ratio(g.ratio)})`
            + (g.clearlyUnder ? '' : ', uncertain at this sample size'),
          detail:
            `${count(g.count)} of ${unitsWithValue(a)} (${percent(g.share)}) vs ${percent(g.referenceShare)} in ${referenceText(a)}; ` +
            `ratio ${ratio(g.ratio)} < ${a.minRatio}; 95% Wilson interval ${percent(g.ciLow)}–${percent(g.ciHigh)}; ${verdict}.` + unitNote(a),
          data: {
            group: g.group, column: a.column, count: g.count, total: a.total, share: g.share,
            reference: a.reference.id, referenceShare: g.referenceShare, ratio: g.ratio,
            ciLow: g.ciLow, ciHigh: g.ciHigh, minRatio: a.minRatio, clear: g.clearlyUnder,
          },
        });
      }
    }
    return findings;
  },
};
