// privacy-small-cell: the cross-tabulations a dataset invites (each ancestry column ×
// sex and × each categorical phenotype or outcome) with cells of 1 to k-1 people. CMS
// forbids publishing cells of 1 to 10 (minimum 11; 0 allowed) [S70]. One finding per
// ancestry column names the tables and counts their small cells, never the people.
import { count } from '../../format';
import { quasiAttributes } from '../../privacy/sameAttribute';
import { tableCells, type CrossTab, type PrivacyScanState } from '../../privacy/scan';
import type { DatasetRule, RawFindingOf } from '../rule';
import { privacyState } from './common';

const TABLES_SHOWN = 5;

interface TableResult {
  column: string;
  columnIndex: number;
  cells: number;
  small: number;
  /** The non-empty cells, sorted: two recodings of one attribute give the same ones. */
  counts: number[];
}

function assess(state: PrivacyScanState, table: CrossTab, k: number): TableResult | undefined {
  const cells = tableCells(state, table);
  if (!cells || cells.groups < 2 || cells.levels < 2) return undefined;
  const { groups, levels } = cells;
  const header = state.plan.header;
  let small = 0;
  for (const n of cells.counts) if (n < k) small++;
  return { column: header[table.column], columnIndex: table.column, cells: groups * levels, small, counts: [...cells.counts].sort((a, b) => a - b) };
}

/**
 * Column -> the column it recodes one to one (sameAttribute.ts), for the cross-tabulated
 * columns whose quasi-identifier values are the values themselves (sex, state): their
 * tables with an ancestry column hold the same cells, so they are counted once.
 */
function recodings(state: PrivacyScanState): Map<number, number> {
  const { quasi } = state.plan;
  const out = new Map<number, number>();
  for (const group of quasiAttributes(state)) {
    const exact = group.filter((i) => quasi[i].exact);
    for (const i of exact.slice(1)) out.set(quasi[i].index, quasi[exact[0]].index);
  }
  return out;
}

function sameCells(a: TableResult, b: TableResult): boolean {
  return a.cells === b.cells && a.counts.length === b.counts.length && a.counts.every((n, i) => n === b.counts[i]);
}

export type PrivacySmallCellMessages = {
  smallCell: { column: string; k: number; smallCells: number; tables: { column: string; cells: number; smallCells: number }[]; sameAttribute?: Record<string, string> };
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
    const recoded = recodings(state);
    for (const ancestry of state.plan.ancestry) {
      const all = state.tables.filter((t) => t.ancestry === ancestry).map((t) => assess(state, t, k)).filter((r): r is TableResult => r !== undefined && r.small > 0);
      // A recoding's table is the same cells again: counted once, under the column it recodes.
      const twice = new Map<string, string>();
      const results = all.filter((r) => {
        const of = recoded.get(r.columnIndex);
        const original = of !== undefined ? all.find((o) => o.columnIndex === of) : undefined;
        if (!original || !sameCells(original, r)) return true;
        twice.set(r.column, original.column);
        return false;
      });
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
          `Counts from these tables must be suppressed or the groups combined before they are published.` +
          (twice.size > 0
            ? ` Counted once: ${[...twice].map(([c, o]) => `"${c}" recodes "${o}" one to one on these rows, so its table holds the same cells`).join('; ')}.`
            : ''),
        data: {
          column: header[ancestry], k, smallCells: total, tables: results.map((r) => ({ column: r.column, cells: r.cells, smallCells: r.small })),
          ...(twice.size > 0 ? { sameAttribute: Object.fromEntries(twice) } : {}),
        },
      });
    }
    return findings;
  },
};
