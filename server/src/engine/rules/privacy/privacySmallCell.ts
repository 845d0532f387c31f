// privacy-small-cell: the cross-tabulations a dataset invites (each ancestry column ×
// sex and × each categorical phenotype or outcome) with cells of 1 to k-1 people. CMS
// forbids publishing cells of 1 to 10 (minimum 11; 0 allowed) [S70]. One finding per
// ancestry column names the tables and counts their small cells, never the people.
import { count } from '../../format';
import { tableCells, type CrossTab, type PrivacyScanState } from '../../privacy/scan';
import type { DatasetRule, RawFindingOf } from '../rule';
import { privacyState } from './common';

const TABLES_SHOWN = 5;

interface TableResult {
  column: string;
  cells: number;
  small: number;
}

function assess(state: PrivacyScanState, table: CrossTab, k: number): TableResult | undefined {
  const cells = tableCells(state, table);
  if (!cells || cells.groups < 2 || cells.levels < 2) return undefined;
  const { groups, levels } = cells;
  const header = state.plan.header;
  let small = 0;
  for (const n of cells.counts) if (n < k) small++;
  return { column: header[table.column], cells: groups * levels, small };
}

export type PrivacySmallCellMessages = {
  smallCell: { column: string; k: number; smallCells: number; tables: { column: string; cells: number; smallCells: number }[] };
};

export const privacySmallCell: DatasetRule<PrivacySmallCellMessages> = {
  id: 'privacy-small-cell',
  defaultSeverity: 'warning',
  description: 'Cross-tabulations of ancestry with sex or a categorical phenotype that have cells of 1 to 10 people (CMS cell-size rule; privacy.k).',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    smallCell: 'Cells of a cross-tabulation with 1-10 participants.',
  },
  check(context) {
    const state = privacyState(context);
    if (!state || !state.plan.personLevel) return [];
    const k = context.policy.privacy.k;
    const { header } = state.plan;
    const findings: RawFindingOf<PrivacySmallCellMessages>[] = [];
    for (const ancestry of state.plan.ancestry) {
      const results = state.tables.filter((t) => t.ancestry === ancestry).map((t) => assess(state, t, k)).filter((r): r is TableResult => r !== undefined && r.small > 0);
      if (results.length === 0) continue;
      results.sort((a, b) => b.small - a.small || a.column.localeCompare(b.column));
      const shown = results.slice(0, TABLES_SHOWN).map((r) => `× "${r.column}" ${count(r.small)} of ${count(r.cells)} cells`).join(', ');
      const more = results.length > TABLES_SHOWN ? ` and ${count(results.length - TABLES_SHOWN)} more tables` : '';
      const total = results.reduce((n, r) => n + r.small, 0);
      findings.push({
        messageId: 'smallCell',
        range: context.headerCell(ancestry),
        message: `Cross-tabulations of "${header[ancestry]}" have ${count(total)} ${total === 1 ? 'cell' : 'cells'} of 1 to ${k - 1} people (k = ${k})`,
        detail: `Cross-tabulations of "${header[ancestry]}" have ${count(total)} ${total === 1 ? 'cell' : 'cells'} with 1 to ${k - 1} people (fewer than k = ${k}; CMS: no cell of 1 to 10): ${shown}${more}. ` +
          `Counts from these tables must be suppressed or the groups combined before they are published.`,
        data: { column: header[ancestry], k, smallCells: total, tables: results.map((r) => ({ column: r.column, cells: r.cells, smallCells: r.small })) },
      });
    }
    return findings;
  },
};
