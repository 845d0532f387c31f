// cohort-participant-missing: participants with no row in a table that must list every
// participant: a consent table (no row means no recorded consent), OMOP's
// OBSERVATION_PERIOD, or a table the policy's cohort.join marks everyParticipant. Event
// tables are never judged: a participant with no condition recorded has no
// CONDITION_OCCURRENCE row, and that is not a gap.
import { keyName, type CohortContext, type CohortRule } from '../../cohort/context';
import { count, percent } from '../../format';
import type { RawFinding } from '../rule';
import { linesText, share } from '../consent/common';

/** On a table that must list everyone: how many participants it lacks (they are marked in the participants table). */
function lacking(context: CohortContext): RawFinding[] {
  const { targetFacts, participants, scan } = context;
  if (!context.everyParticipant || !targetFacts.keyAt || !participants.facts.readable || !participants.facts.keyAt) return [];
  let missing = 0;
  for (const key of participants.facts.keys) if (!targetFacts.keys.has(key)) missing++;
  if (missing === 0) return [];
  const total = participants.facts.keys.size;
  return [{
    messageId: 'table',
    range: context.headerCell(scan.keyAt[0]),
    message: `${count(missing)} of ${count(total)} participants (${percent(missing / total)}) have no row in this table, which must list every participant`,
    detail: `They are listed in ${participants.table.name}; this table must list every participant: ${context.everyParticipant}. Their rows in ${participants.table.name} are marked.`,
    data: { kind: 'table', column: context.header[scan.keyAt[0]], columnIndex: scan.keyAt[0], missing, participants: total, participantsTable: participants.table.name, reason: context.everyParticipant },
  }];
}

/** On the participants table: the participants each such table lacks, row by row. */
function absentElsewhere(context: CohortContext): RawFinding[] {
  const { scan, targetFacts } = context;
  const findings: RawFinding[] = [];
  for (const m of scan.missingFrom) {
    if (m.rows === 0) continue;
    const column = context.header[scan.keyAt[0]];
    findings.push({
      messageId: 'summary',
    range: context.headerCell(scan.keyAt[0]),
      message: `${share(m.rows, targetFacts.rows)} list a participant with no row in ${m.table.name}, which must list every participant`,
      detail: `${count(m.keys.size)} ${m.keys.size === 1 ? 'participant' : 'participants'} of this table ${m.keys.size === 1 ? 'has' : 'have'} no row in ${m.table.name}; these rows are first at ${linesText(m.firstLines, m.rows)}.`,
      data: { kind: 'summary', column, columnIndex: scan.keyAt[0], rows: m.rows, totalRows: targetFacts.rows, participants: m.keys.size, table: m.table.name },
    });
    for (const cell of m.cells) {
      findings.push({
        messageId: 'row',
    range: context.cellRange(cell),
        message: `Line ${cell.line + 1}: this participant has no row in ${m.table.name} (joined on ${keyName(context)}).`,
        data: { kind: 'row', column, columnIndex: cell.columnIndex, line: cell.line + 1, table: m.table.name },
      });
    }
  }
  return findings;
}

export const cohortParticipantMissing: CohortRule = {
  id: 'cohort-participant-missing',
  defaultSeverity: 'warning',
  description: 'Participants with no row in a cohort table that must list every participant (a consent table, OMOP OBSERVATION_PERIOD, or one the policy marks); event tables are not judged.',
  fixable: false,
  appliesTo: ['cohort'],
  messages: {
    table: 'Participants missing from a table that must list every participant.',
    summary: 'Rows of participants that a per-participant table does not list.',
    row: 'One such row.',
  },
  check(context) {
    return context.target.role === 'participants' ? absentElsewhere(context) : lacking(context);
  },
};
