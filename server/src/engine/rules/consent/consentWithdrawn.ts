// consent-withdrawn: rows whose consent is withdrawn or not in force: a withdrawn,
// revoked, rejected or inactive status (FHIR: only active is usable), a policy withdrawn
// value, or a withdrawal date on or before today.
import { localDate } from '../../consent/clock';
import type { WithdrawnReason } from '../../consent/evaluate';
import type { WithdrawnGroup } from '../../consent/scan';
import { count } from '../../format';
import type { DatasetRule, RawFindingOf } from '../rule';
import { consentState, markedCellRange, linesText, quarantineHint, share, shown, tallyText } from './common';

function what(reason: WithdrawnReason, today: string): string {
  switch (reason) {
    case 'withdrawn': return 'consent withdrawn';
    case 'not-in-force': return 'consent not in force (a FHIR state other than active)';
    case 'not-given': return 'consent not given';
    case 'withdrawal-date': return `a withdrawal date on or before today (${today})`;
    case 'withdrawal-recorded': return 'a withdrawal recorded (not a readable date, so taken as in effect)';
  }
}

/** The verdict's opening, by reason: `Consent withdrawn for 3 of 300 rows (1%) in "status"`. */
const VERDICT: Record<WithdrawnReason, string> = {
  'withdrawn': 'Consent withdrawn',
  'not-in-force': 'Consent not in force',
  'not-given': 'Consent not given',
  'withdrawal-date': 'Withdrawal date passed',
  'withdrawal-recorded': 'Withdrawal recorded',
};

function valuesText(g: WithdrawnGroup): string {
  return g.reason === 'withdrawal-date' || g.reason === 'withdrawal-recorded' ? '' : ` (${tallyText(g.values)})`;
}

export type ConsentWithdrawnMessages = {
  summary: { kind: 'summary'; group: string; column: string; columnIndex: number; reason: string; rows: number; totalRows: number; today: string; unusableRows: number };
  cell: { kind: 'cell'; column: string; columnIndex: number; line: number; reason: string; date: string | undefined; today: string };
  more: { kind: 'more'; rows: number };
};

export const consentWithdrawn: DatasetRule<ConsentWithdrawnMessages> = {
  id: 'consent-withdrawn',
  defaultSeverity: 'error',
  description: 'Rows whose consent was withdrawn, revoked, rejected or is inactive, or whose withdrawal date is set and not in the future.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    summary: 'Rows whose consent is withdrawn or expired, grouped by reason.',
    cell: 'One such row\'s consent cell.',
    more: 'How many more such rows were not grouped.',
  },
  check(context) {
    const state = consentState(context);
    if (!state || state.withdrawn.groups.size === 0) return [];
    const today = localDate(state.evaluator.todayDate);
    const { table, headerCell } = context;
    const findings: RawFindingOf<ConsentWithdrawnMessages>[] = [];
    for (const [key, g] of state.withdrawn.groups) {
      const column = table.header[g.columnIndex];
      findings.push({
        messageId: 'summary',
        range: headerCell(g.columnIndex),
        message: `${VERDICT[g.reason]} for ${share(g.count, state.rows)} in "${column}"`,
        detail: `${share(g.count, state.rows)} ${g.count === 1 ? 'has' : 'have'} ${what(g.reason, today)} in column "${column}"${valuesText(g)}, first at ${linesText(g.firstLines, g.count)}. ` +
          `Their data must not be used: ${quarantineHint(context.path)}.`,
        data: { kind: 'summary', group: key, column, columnIndex: g.columnIndex, reason: g.reason, rows: g.count, totalRows: state.rows, today, unusableRows: state.unusableRows },
      });
    }
    for (const cell of state.withdrawn.cells) {
      const column = table.header[cell.columnIndex];
      const detail = cell.reason === 'withdrawal-date' ? `withdrawal dated ${cell.date}, on or before today (${today})` : `${what(cell.reason, today)}: ${shown(cell.value)}`;
      findings.push({
        messageId: 'cell',
        range: markedCellRange(context, cell),
        message: cell.reason === 'withdrawal-date' ? `Withdrawal dated ${cell.date}, on or before today` : `${VERDICT[cell.reason]}: ${shown(cell.value)}`,
        detail: `Consent is not usable on line ${cell.line + 1}: ${detail} in column "${column}".`,
        data: { kind: 'cell', column, columnIndex: cell.columnIndex, line: cell.line + 1, reason: cell.reason, date: cell.date, today },
      });
    }
    if (state.withdrawn.ungrouped > 0) {
      findings.push({
        messageId: 'more',
        range: headerCell(state.withdrawn.cells[0]?.columnIndex ?? 0),
        message: `${count(state.withdrawn.ungrouped)} more withdrawn cells are not itemised.`,
        data: { kind: 'more', rows: state.withdrawn.ungrouped },
      });
    }
    return findings;
  },
};
