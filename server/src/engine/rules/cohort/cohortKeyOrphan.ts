// cohort-key-orphan: rows of a cohort table whose participant key the participants table
// does not list. Such rows join no participant, so nothing known about the participant
// (ancestry, consent) reaches them. Several rows per participant are normal in an event
// table and are not counted; only keys absent from the participants table are.
import { definedByText, keyName, type CohortContext, type CohortRule } from '../../cohort/context';
import { count } from '../../format';
import type { RawFinding } from '../rule';
import { linesText, share } from '../consent/common';

function keyColumnMissing(context: CohortContext): RawFinding {
  const { target, cohort } = context;
  return {
    messageId: 'keyColumnMissing',
    range: context.headerCell(0),
    message: `No ${keyName(context)} column to join this cohort table on: its ${count(context.targetFacts.rows)} rows join ${target.role === 'participants' ? 'no other table' : 'no participant'}`,
    detail: `This table is part of a cohort (from ${definedByText(cohort)}) joined on ${keyName(context)}, but its header has no such column, so none of its ${count(context.targetFacts.rows)} rows can be joined${target.role === 'participants' ? ' to the other tables' : ' to a participant'}.`,
    data: { kind: 'key-column-missing', key: target.key, table: target.name, rows: context.targetFacts.rows, definedBy: cohort.definedBy },
  };
}

export const cohortKeyOrphan: CohortRule = {
  id: 'cohort-key-orphan',
  defaultSeverity: 'warning',
  description: 'Rows of a cohort table whose participant key is not in the participants table (or that have no key column at all), so they join no participant.',
  fixable: false,
  appliesTo: ['cohort'],
  messages: {
    keyColumnMissing: 'A cohort table whose header has no participant key column.',
    summary: 'Rows whose key the participants table does not list.',
    row: 'One such row.',
  },
  check(context) {
    const { scan, targetFacts, participants } = context;
    if (!targetFacts.keyAt) return [keyColumnMissing(context)];
    const orphans = scan.orphans;
    if (!orphans || orphans.rows === 0) return [];
    const column = context.header[scan.keyAt[0]];
    const findings: RawFinding[] = [{
      messageId: 'summary',
    range: context.headerCell(scan.keyAt[0]),
      message: `${share(orphans.rows, targetFacts.rows)} have a ${keyName(context)} that ${participants.table.name} does not list`,
      detail: `${count(orphans.keys.size)} distinct ${orphans.keys.size === 1 ? 'key' : 'keys'} not among the ${count(participants.facts.keys.size)} participants of ${participants.table.name}; first at ${linesText(orphans.firstLines, orphans.rows)}. ` +
        'These rows join no participant, so the participant\'s ancestry and consent do not reach them: add the participants to that table, or correct the keys.',
      data: {
        kind: 'summary', column, columnIndex: scan.keyAt[0], rows: orphans.rows, totalRows: targetFacts.rows, keys: orphans.keys.size,
        participants: participants.facts.keys.size, participantsTable: participants.table.name, emptyKeys: targetFacts.emptyKeys,
      },
    }];
    for (const cell of orphans.cells) {
      findings.push({
        messageId: 'row',
    range: context.cellRange(cell),
        message: `Line ${cell.line + 1}: this row's ${keyName(context)} is not in ${participants.table.name}, so it joins no participant.`,
        data: { kind: 'row', column, columnIndex: cell.columnIndex, line: cell.line + 1, participantsTable: participants.table.name },
      });
    }
    return findings;
  },
};
