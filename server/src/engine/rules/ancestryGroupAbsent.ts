import { isResidual } from '../ancestry/references';
import { ABSENCE_ALPHA, absenceVerdict, chanceText } from '../ancestry/absence';
import { labelsOutsideReference, type AncestryAssessment, type GroupAssessment } from '../ancestry/assess';
import { reportedColumns } from '../ancestry/sameGroups';
import { mayHideGroup } from '../ancestry/unmappedGate';
import { catchAllBound, type CatchAllBound } from '../ancestry/catchAll';
import { count, percent, rows, significant } from '../format';
import { referenceText } from './referenceText';
import { unitNote, unitsWithValue } from './unitText';
import type { Range } from '../types';
import type { DatasetRule, RawFindingOf } from './rule';
import { isShownLabel, labelText } from '../privacy/shownLabel';

const LABELS_SHOWN = 3;

/** The raw labels of the rows in no group of the reference, most frequent first. */
function labelsOutside(a: AncestryAssessment): [string, number][] {
  return a.groups.filter((g) => g.referenceShare === undefined).flatMap((g) => [...g.values]).sort((x, y) => y[1] - x[1]);
}

/**
 * One finding instead of one per group when most rows carry labels the reference does not
 * know: "afr is absent" would be false of a column holding 19,210 "AfricanAmerican" rows.
 */
function outsideReference(a: AncestryAssessment, range: Range): RawFindingOf<AncestryGroupAbsentMessages> {
  const reference = a.reference!;
  const groups = a.groups.filter((g) => g.referenceShare !== undefined);
  const outside = labelsOutside(a);
  const shown = outside.slice(0, LABELS_SHOWN).map(([label, n]) => `${isShownLabel(label) ? JSON.stringify(label) : labelText(label)} (${count(n)})`).join(', ');
  const more = outside.length > LABELS_SHOWN ? ` and ${count(outside.length - LABELS_SHOWN)} more` : '';
  const absent = groups.filter((g) => g.count === 0).map((g) => g.group);
  const placed = a.placed === 0
    ? `none of its ${unitsWithValue(a)} carries`
    : `only ${count(a.placed)} of its ${unitsWithValue(a)} (${percent(a.placed / a.total)}) carry`;
  return {
    messageId: 'labels-outside-reference',
    message:
      `"${a.column}" does not fit reference ${reference.id}: ${count(a.placed)} of ${count(a.total)} ${a.unit ? a.unit.noun : 'rows'} in its groups, none compared`,
    detail:
      `Column "${a.column}" does not fit ${referenceText(a)}: ${placed} a label of its ${groups.length} groups (${groups.map((g) => g.group).join(', ')}); ` +
      `${a.placed === 0 ? 'its labels are' : 'the other rows are labelled'} ${shown}${more}. A group may hide behind those labels, so none is called absent or under-represented ` +
      `(${absent.length === groups.length ? 'none has a row' : `${absent.length} have no rows`}). ` +
      `Name a reference in the column's labels or give shares for them (ancestry.reference), or recode the column.` + unitNote(a),
    range,
    data: {
      kind: 'labels-outside-reference', column: a.column, reference: reference.id, total: a.total, placed: a.placed,
      referenceGroups: groups.map((g) => g.group), absentGroups: absent, outside: Object.fromEntries(outside.slice(0, 10).filter(([label]) => isShownLabel(label))),
    },
  };
}

/** Rows whose labels the reference lacks, which may include the group said to be absent. */
function outsideNote(a: AncestryAssessment): string {
  if (a.placed >= a.total) return '';
  const outside = labelsOutside(a);
  const shown = outside.slice(0, LABELS_SHOWN).map(([label, n]) => `${isShownLabel(label) ? JSON.stringify(label) : labelText(label)} ${count(n)}`).join(', ');
  const n = a.total - a.placed;
  return ` ${rows(n)} ${n === 1 ? 'carries' : 'carry'} labels outside this reference (${shown}${outside.length > LABELS_SHOWN ? ', ...' : ''}) and may include it.`;
}

/** "Other" (1,506): the catch-all's labels as a message may show them. */
function catchAllLabels(c: CatchAllBound): string {
  const shown = c.labels.slice(0, LABELS_SHOWN).map((label) => (isShownLabel(label) ? JSON.stringify(label) : labelText(label))).join(', ');
  return shown + (c.labels.length > LABELS_SHOWN ? ', ...' : '');
}

/**
 * A group with no label of its own in a column whose catch-all has rows: reported only
 * when it would stay under-represented even if every catch-all row were it.
 */
function noLabel(a: AncestryAssessment, g: GroupAssessment, c: CatchAllBound, range: Range): RawFindingOf<AncestryGroupAbsentMessages> {
  const noun = a.unit ? a.unit.noun : 'rows';
  const bound = a.minRatio * g.referenceShare!;
  return {
    messageId: 'no-label',
    range,
    message: `${g.group} has no label in "${a.column}": at most ${percent(c.share)} (all ${catchAllLabels(c)} ${noun}) vs ${percent(g.referenceShare!)} in the reference`,
    detail:
      `No row of "${a.column}" carries a label for ${g.group}. The column's ${count(c.count)} ${noun} labelled ${catchAllLabels(c)} (${c.group}) may include them, so the group is not called absent. ` +
      `Even if every one of them were ${g.group}, its share would be ${count(c.count)} of ${unitsWithValue(a)} = ${percent(c.share)} (95% Wilson upper bound ${percent(c.ciHigh)}), ` +
      `below ${a.minRatio} × ${percent(g.referenceShare!)} = ${percent(bound)} in ${referenceText(a)}: under-represented however "${c.group}" is read. ` +
      `A label of its own would let the data say how many there are.` + unitNote(a),
    data: {
      kind: 'no-label', group: g.group, column: a.column, total: a.total, catchAll: c.group, atMost: c.count, share: c.share, ciHigh: c.ciHigh,
      reference: a.reference!.id, referenceShare: g.referenceShare!, minRatio: a.minRatio,
    },
  };
}

export type AncestryGroupAbsentMessages = {
  absent: { group: string; column: string; [fact: string]: unknown };
  'no-label': { kind: 'no-label'; group: string; column: string; total: number; catchAll: string; atMost: number; share: number; ciHigh: number; reference: string; referenceShare: number; minRatio: number };
  'labels-outside-reference': { kind: 'labels-outside-reference'; column: string; reference: string; total: number; placed: number; referenceGroups: string[]; absentGroups: string[]; outside: Record<string, number> };
};

export const ancestryGroupAbsent: DatasetRule<AncestryGroupAbsentMessages> = {
  id: 'ancestry-group-absent',
  defaultSeverity: 'warning',
  description: 'A group of the reference population has no rows at all.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    absent: 'A reference group with no rows at all.',
    'no-label': 'A reference group the column has no label for, under-represented even if every row of its catch-all label ("Other") were in it.',
    'labels-outside-reference': 'Most labels of the column are outside the reference, so groups are not compared.',
  },
  check({ ancestry, headerCell }) {
    const findings: RawFindingOf<AncestryGroupAbsentMessages>[] = [];
    for (const a of reportedColumns(ancestry)) {
      if (!a.reference || a.total === 0) continue;
      if (labelsOutsideReference(a)) {
        findings.push(outsideReference(a, headerCell(a.columnIndex)));
        continue;
      }
      for (const g of a.groups) {
        if (g.count > 0 || g.referenceShare === undefined || isResidual(a.reference, g.group)) continue;
        // Rows with labels read as no group may be this group: ancestry-labels-unmapped says so instead.
        if (mayHideGroup(a, g)) continue;
        // An "Other" with rows may hold the groups the coding cannot name (catchAll.ts).
        const catchAll = catchAllBound(a, g);
        if (catchAll) {
          if (catchAll.stillUnder) findings.push(noLabel(a, g, catchAll, headerCell(a.columnIndex)));
          continue;
        }
        // Seeing no one where chance alone often would is ancestry-group-unobserved's.
        const verdict = absenceVerdict(a, g)!;
        if (!verdict.improbable) continue;
        findings.push({
          messageId: 'absent',
          range: headerCell(a.columnIndex),
          message: `${g.group} absent from "${a.column}": 0 of ${count(a.total)} ${a.unit ? a.unit.noun : 'rows'}, ${percent(g.referenceShare)} in the reference`,
          detail:
            `0 of ${unitsWithValue(a)} vs ${percent(g.referenceShare)} in ${referenceText(a)}; 95% Wilson interval for its share 0%–${percent(g.ciHigh)}; ` +
            `N · π = ${significant(verdict.expected)} expected, and the chance of none at this size is (1 − π)^N ${chanceText(verdict.chance)}${verdict.chance < 1e-15 ? '' : ` < ${ABSENCE_ALPHA}`}.` +
            outsideNote(a) + unitNote(a),
          data: {
            group: g.group, column: a.column, count: 0, total: a.total, share: 0,
            reference: a.reference.id, referenceShare: g.referenceShare, ratio: 0, ciLow: g.ciLow, ciHigh: g.ciHigh,
            expected: verdict.expected, chanceOfNone: verdict.chance,
          },
        });
      }
    }
    return findings;
  },
};
