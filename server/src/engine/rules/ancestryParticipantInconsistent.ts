// A participant whose ancestry differs between their rows (one admission says White,
// another Some Other Race). Counted per participant, they sit in the group of their first
// row; the finding says how many and which pairs of groups, never which participants.
import type { AncestryAssessment } from '../ancestry/assess';
import { count, percent } from '../format';
import type { AncestryConflicts } from '../profile/participants';
import type { DatasetRule, RawFindingOf } from './rule';

const PAIRS_SHOWN = 3;

/** Pairs of different groups (labels that are synonyms of one group are no conflict). */
function groupPairs(a: AncestryAssessment, conflicts: AncestryConflicts): { groups: [string, string]; labels: [string, string]; participants: number }[] {
  const group = (value: string) => a.vocabulary?.match(value)?.canonical ?? value.trim();
  return conflicts.pairs
    .map(([first, second, n]) => ({ groups: [group(first), group(second)] as [string, string], labels: [first, second] as [string, string], participants: n }))
    .filter((p) => p.groups[0] !== p.groups[1]);
}

export type AncestryParticipantInconsistentMessages = {
  inconsistent: { column: string; participantColumn: string; participants: number; rows: number; inconsistent: number; pairs: { first: string; then: string; labels: unknown; participants: number }[] };
};

export const ancestryParticipantInconsistent: DatasetRule<AncestryParticipantInconsistentMessages> = {
  id: 'ancestry-participant-inconsistent',
  defaultSeverity: 'warning',
  description: 'Participants (a repeating participant id) whose ancestry group differs between their rows.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    inconsistent: 'Participants whose rows give different ancestry groups.',
  },
  check({ ancestry, profile, headerCell }) {
    const participants = profile.participants;
    if (!participants) return [];
    const findings: RawFindingOf<AncestryParticipantInconsistentMessages>[] = [];
    for (const a of ancestry) {
      const conflicts = participants.conflicts.get(a.columnIndex);
      if (!conflicts || !a.unit) continue;
      const pairs = groupPairs(a, conflicts);
      const n = pairs.reduce((sum, p) => sum + p.participants, 0);
      if (n === 0) continue;
      const shown = pairs.slice(0, PAIRS_SHOWN).map((p) => `${p.groups[0]} then ${p.groups[1]} (${JSON.stringify(p.labels[0])} / ${JSON.stringify(p.labels[1])}: ${count(p.participants)})`);
      const more = pairs.length > PAIRS_SHOWN ? `, and ${count(pairs.length - PAIRS_SHOWN)} more pairs` : '';
      findings.push({
        messageId: 'inconsistent',
        range: headerCell(a.columnIndex),
        message: `"${a.column}" differs between rows for ${count(n)} of ${count(participants.count)} ${participants.noun} (${percent(n / participants.count)})`,
        detail:
          `${count(n)} of ${count(participants.count)} ${participants.noun} (${percent(n / participants.count)}; "${participants.column}" repeats over ${count(participants.rows)} rows) ` +
          `have different groups in column "${a.column}" in different rows: ${shown.join(', ')}${more}. ` +
          `Each is counted once, in the group of their first row. Decide which record is right, or record more than one group as such (e.g. Two or more races).`,
        data: {
          column: a.column, participantColumn: participants.column, participants: participants.count, rows: participants.rows, inconsistent: n,
          pairs: pairs.slice(0, 20).map((p) => ({ first: p.groups[0], then: p.groups[1], labels: p.labels, participants: p.participants })),
        },
      });
    }
    return findings;
  },
};
