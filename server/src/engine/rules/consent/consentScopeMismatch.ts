// consent-scope-mismatch: a row's DUO terms do not permit the use the policy declares
// (intendedUse). One summary per distinct (terms, purpose), plus the first cells marked.
import { rows } from '../../format';
import type { DatasetRule, RawFindingOf } from '../rule';
import { consentState, markedCellRange, linesText, quarantineHint } from './common';

export type ConsentScopeMismatchMessages = {
  summary: { kind: 'summary'; group: string; column: string; columnIndex: number; terms: string; purpose: string; forbiddenBy: string[]; rows: number; unusableRows: number };
  more: { kind: 'more'; rows: number };
  cell: { kind: 'cell'; column: string; columnIndex: number; line: number; terms: string; purpose: string; forbiddenBy: string[] };
};

export const consentScopeMismatch: DatasetRule<ConsentScopeMismatchMessages> = {
  id: 'consent-scope-mismatch',
  defaultSeverity: 'error',
  description: "A row's DUO terms do not permit the declared use (intendedUse): e.g. HMB or NPOA with ancestry research, NPU/NCU with commercial use, NMDS with methods development.",
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    summary: 'Rows whose consent terms forbid the intended use, grouped by terms.',
    more: 'How many more such rows were not grouped.',
    cell: 'One such row\'s consent cell.',
  },
  check(context) {
    const state = consentState(context);
    if (!state || state.scope.groups.size === 0) return [];
    const { table, headerCell } = context;
    const findings: RawFindingOf<ConsentScopeMismatchMessages>[] = [];
    for (const [key, g] of state.scope.groups) {
      const column = table.header[g.columnIndex];
      findings.push({
        messageId: 'summary',
        range: headerCell(g.columnIndex),
        message: `Consent "${g.terms}" does not permit "${g.purpose}" (${rows(g.count)})`,
        detail: `${rows(g.count)} with consent "${g.terms}" (first at ${linesText(g.firstLines, g.count)}) ${g.count === 1 ? 'does' : 'do'} not permit the declared use "${g.purpose}" (intendedUse): ` +
          `${g.reasons.join('; ')}. Narrow intendedUse, or ${quarantineHint(context.path)}.`,
        data: { kind: 'summary', group: key, column, columnIndex: g.columnIndex, terms: g.terms, purpose: g.purpose, forbiddenBy: g.forbiddenBy, rows: g.count, unusableRows: state.unusableRows },
      });
    }
    if (state.scope.ungrouped > 0) {
      findings.push({
        messageId: 'more',
        range: headerCell(state.scope.cells[0]?.columnIndex ?? 0),
        message: `${rows(state.scope.ungrouped)} more conflict with the declared use`,
        detail: `${rows(state.scope.ungrouped)} more conflict with the declared use in other combinations of terms (only the first groups are listed).`,
        data: { kind: 'more', rows: state.scope.ungrouped },
      });
    }
    for (const cell of state.scope.cells) {
      const g = state.scope.groups.get(cell.group);
      if (!g) continue;
      findings.push({
        messageId: 'cell',
        range: markedCellRange(context, cell),
        message: `Consent "${g.terms}" does not permit "${g.purpose}"`,
        detail: `Consent "${g.terms}" on line ${cell.line + 1} does not permit the declared use "${g.purpose}": ${g.reasons.join('; ')}.`,
        data: { kind: 'cell', column: table.header[cell.columnIndex], columnIndex: cell.columnIndex, line: cell.line + 1, terms: g.terms, purpose: g.purpose, forbiddenBy: g.forbiddenBy },
      });
    }
    return findings;
  },
};
