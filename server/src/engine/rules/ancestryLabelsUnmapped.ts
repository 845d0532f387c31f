// ancestry-labels-unmapped: rows whose labels no vocabulary and no policy mapping read as a
// group. While they remain, no group is called absent (and an under-representation verdict
// they could change is not said): they may be that group under a label not understood.
import { labelsOutsideReference } from '../ancestry/assess';
import { isShownLabel, labelText } from '../privacy/shownLabel';
import { reportedColumns } from '../ancestry/sameGroups';
import { unmappedRows } from '../ancestry/unmappedGate';
import { uncheckedKind } from './ancestryRepresentationUnchecked';
import { count, percent, rows as rowCount } from '../format';
import type { DatasetRule, RawFindingOf } from './rule';

const LABELS_SHOWN = 5;

export type AncestryLabelsUnmappedMessages = {
  unmapped: { column: string; labels: Record<string, number>; groups: string[]; [fact: string]: unknown };
};

export const ancestryLabelsUnmapped: DatasetRule<AncestryLabelsUnmappedMessages> = {
  id: 'ancestry-labels-unmapped',
  defaultSeverity: 'warning',
  description: 'Rows of an ancestry column whose labels are read as no group; no group is called absent while they remain.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    unmapped: 'Labels that map to no group of the vocabulary.',
  },
  check({ ancestry, headerCell }) {
    const findings: RawFindingOf<AncestryLabelsUnmappedMessages>[] = [];
    for (const a of reportedColumns(ancestry)) {
      // No vocabulary at all: the column is profiled (hover), not checked group by group.
      // Mostly outside the reference: ancestry-group-absent's one finding explains it.
      // Too few rows in the vocabulary for its reference: ancestry-representation-unchecked.
      if (!a.vocabulary || uncheckedKind(a) !== undefined || a.unmapped.length === 0 || labelsOutsideReference(a)) continue;
      const n = unmappedRows(a);
      // Counted per participant when an id repeats (MIMIC's subject_id): say so, not "rows".
      const what = a.unit ? `${count(n)} ${a.unit.noun}` : rowCount(n);
      // An unmapped label is unvetted data (a shifted row, a name): quoted only when safe to show.
      const shown = a.unmapped.slice(0, LABELS_SHOWN).map((u) => `${isShownLabel(u.value) ? JSON.stringify(u.value) : labelText(u.value)} (${count(u.count)})`).join(', ');
      const example = a.unmapped.find((u) => isShownLabel(u.value))?.value ?? '<label>';
      const more = a.unmapped.length > LABELS_SHOWN ? ` and ${count(a.unmapped.length - LABELS_SHOWN)} more` : '';
      const verdicts = a.reference
        ? `no group of ${a.reference.label} is called absent, and an under-representation those rows could change is not reported`
        : 'they are left out of every group';
      findings.push({
        messageId: 'unmapped',
        range: headerCell(a.columnIndex),
        message: `${what} of ${count(a.total)} in "${a.column}" (${percent(n / a.total)}) carry labels mapped to no group`,
        detail:
          `${what} of ${count(a.total)} with a value in column "${a.column}" (${percent(n / a.total)}) carry labels not mapped to any group of ` +
          `${a.vocabulary.name}: ${shown}${more}. They may belong to a group under a label not understood, so ${verdicts}. ` +
          `Map each to its group in the policy (ancestry.labels: {"${example}": "<group>"}), or recode the column.`,
        data: {
          column: a.column, columnIndex: a.columnIndex, rows: n, total: a.total, share: n / a.total, vocabulary: a.vocabulary.id,
          labels: Object.fromEntries(a.unmapped.filter((u) => isShownLabel(u.value)).slice(0, 10).map((u) => [u.value, u.count])),
          groups: a.reference ? Object.keys(a.reference.shares) : [...a.vocabulary.canonical],
        },
      });
    }
    return findings;
  },
};
