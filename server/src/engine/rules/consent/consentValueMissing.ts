// consent-value-missing: rows whose consent code or status is empty or a missing marker.
import { count } from '../../format';
import type { DatasetRule, RawFindingOf } from '../rule';
import { consentState, markedCellRange, linesText, quarantineHint, share, tallyText } from './common';

export type ConsentValueMissingMessages = {
  summary: { kind: 'summary'; column: string; columnIndex: number; rows: number; totalRows: number; marked: number; unusableRows: number };
  cell: { kind: 'cell'; column: string; columnIndex: number; line: number };
};

export const consentValueMissing: DatasetRule<ConsentValueMissingMessages> = {
  id: 'consent-value-missing',
  defaultSeverity: 'error',
  description: 'Rows whose consent (DUO codes or consent status) is empty or a missing marker: they must not reach a training set.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    summary: 'Rows with no consent value.',
    cell: 'One empty consent cell.',
  },
  check(context) {
    const state = consentState(context);
    if (!state || state.missing.groups.size === 0) return [];
    const { table, headerCell } = context;
    const findings: RawFindingOf<ConsentValueMissingMessages>[] = [];
    for (const g of state.missing.groups.values()) {
      const column = table.header[g.columnIndex];
      const marked = state.missing.cells.filter((c) => c.columnIndex === g.columnIndex).length;
      findings.push({
        messageId: 'summary',
        range: headerCell(g.columnIndex),
        message: `Consent missing for ${share(g.count, state.rows)} in "${column}"`,
        detail:
          `Consent is missing in ${share(g.count, state.rows)} of column "${column}" (${tallyText(g.markers)}), first at ${linesText(g.firstLines, g.count)}; ` +
          `${marked < g.count ? `the first ${count(marked)} are marked` : 'each is marked'}. ` +
          `Rows without consent must not reach a training set: record their consent, or ${quarantineHint(context.path)}.`,
        data: { kind: 'summary', column, columnIndex: g.columnIndex, rows: g.count, totalRows: state.rows, marked, unusableRows: state.unusableRows },
      });
    }
    for (const cell of state.missing.cells) {
      const column = table.header[cell.columnIndex];
      findings.push({
        messageId: 'cell',
        range: markedCellRange(context, cell),
        message: `No consent recorded in "${column}"`,
        detail: `No consent recorded in column "${column}" on line ${cell.line + 1} (${cell.value.trim() === '' ? 'the cell is empty' : `the missing marker "${cell.value}"`}): this row must not reach a training set.`,
        data: { kind: 'cell', column, columnIndex: cell.columnIndex, line: cell.line + 1 },
      });
    }
    return findings;
  },
};
