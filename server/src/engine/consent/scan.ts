// The one pass over the rows that every consent rule reads: counts, the first rows of
// each kind (capped) and the cells to mark (capped), so state stays bounded on a
// streamed million-row file. It runs as the row scan of consent-field-missing.
import type { RowScan } from '../rules/rule';
import { ConsentEvaluator, type InvalidCell, type RowInvalidReason, type RowVerdict, type WithdrawnReason } from './evaluate';

/** Cells marked per rule; a header summary gives the full count. */
export const MAX_MARKED_CELLS = 100;
/** Distinct groups (invalid values, scope combinations) kept per rule. */
export const MAX_GROUPS = 200;
/** First rows (1-based lines) a summary names. */
export const FIRST_ROWS = 5;

export interface MarkedCell {
  /** 0-based line of the row. */
  line: number;
  columnIndex: number;
  value: string;
  /** Character offsets of the cell within its row's first line, estimated from the values (exact unless quoted). */
  start: number;
  end: number;
}

export interface Group {
  columnIndex: number;
  count: number;
  firstLines: number[];
}

export interface InvalidGroup extends Group {
  value: string;
  reason: RowInvalidReason;
  suggestion?: string;
  bad?: string[];
}

export interface WithdrawnGroup extends Group {
  reason: WithdrawnReason;
  /** Rows per cell value (capped), to name what was found. */
  values: Map<string, number>;
}

export interface ScopeGroup extends Group {
  terms: string;
  purpose: string;
  reasons: string[];
  forbiddenBy: string[];
}

export interface Tally<G, C> {
  rows: number;
  groups: Map<string, G>;
  /** Rows in groups past MAX_GROUPS. */
  ungrouped: number;
  cells: C[];
}

export interface ConsentScanState {
  evaluator: ConsentEvaluator;
  rows: number;
  unusableRows: number;
  /**
   * The 0-based positions, among the data rows, of every row without usable consent: the
   * rows the quarantine fix moves, as judged by this scan under the analysis' clock. One
   * number per such row (the fix must name every one), in a typed array that grows.
   */
  unusable: RowOrdinals;
  /** Rows by consent status and DUO permission: "status\0permission" -> rows (a few dozen keys at most). */
  byStatus: Map<string, number>;
  missing: Tally<Group & { markers: Map<string, number> }, MarkedCell>;
  invalid: Tally<InvalidGroup, MarkedCell & { group: string }>;
  withdrawn: Tally<WithdrawnGroup, MarkedCell & { group: string; reason: WithdrawnReason; date?: string }>;
  scope: Tally<ScopeGroup, MarkedCell & { group: string }>;
}

/** A growable list of row positions, 4 bytes each. */
export class RowOrdinals {
  private data = new Uint32Array(64);
  length = 0;

  push(ordinal: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = ordinal;
  }

  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length));
  }
}

function tally<G, C>(): Tally<G, C> {
  return { rows: 0, groups: new Map(), ungrouped: 0, cells: [] };
}

function cellAt(values: readonly string[], line: number, columnIndex: number): MarkedCell {
  let start = 0;
  for (let i = 0; i < columnIndex && i < values.length; i++) start += values[i].length + 1;
  const value = values[columnIndex] ?? '';
  return { line, columnIndex, value, start, end: start + value.length };
}

function group<G extends Group>(t: Tally<G, unknown>, key: string, line: number, create: () => G): G | undefined {
  let g = t.groups.get(key);
  if (!g) {
    if (t.groups.size >= MAX_GROUPS) {
      t.ungrouped++;
      return undefined;
    }
    g = create();
    t.groups.set(key, g);
  }
  g.count++;
  if (g.firstLines.length < FIRST_ROWS) g.firstLines.push(line + 1);
  return g;
}

export type ConsentStatus = 'usable' | 'withdrawn' | 'missing' | 'invalid' | 'out of scope';

/** One status per row, the first that applies: withdrawn outweighs a missing or invalid cell. */
function rowStatus(verdict: RowVerdict): ConsentStatus {
  if (verdict.usable) return 'usable';
  if (verdict.withdrawn.length > 0) return 'withdrawn';
  if (verdict.missing.length > 0) return 'missing';
  if (verdict.invalid.length > 0) return 'invalid';
  return 'out of scope';
}

function invalidKey(cell: InvalidCell): string {
  return `${cell.columnIndex}\u0000${cell.reason}\u0000${cell.value}`;
}

export const consentScan: RowScan<ConsentScanState> = {
  begin({ header, policy, schema, today }) {
    return {
      evaluator: new ConsentEvaluator(header, policy, schema, today),
      rows: 0, unusableRows: 0, unusable: new RowOrdinals(), byStatus: new Map(),
      missing: tally(), invalid: tally(), withdrawn: tally(), scope: tally(),
    };
  },
  row(state, values, line) {
    const ordinal = state.rows++;
    if (state.evaluator.columns.length === 0) return;
    const verdict = state.evaluator.evaluate(values);
    const statusKey = `${rowStatus(verdict)}\u0000${verdict.permission ?? 'none'}`;
    state.byStatus.set(statusKey, (state.byStatus.get(statusKey) ?? 0) + 1);
    if (verdict.usable) return;
    state.unusableRows++;
    state.unusable.push(ordinal);
    if (verdict.missing.length) state.missing.rows++;
    for (const cell of verdict.missing) {
      const g = group(state.missing, String(cell.columnIndex), line, () => ({ columnIndex: cell.columnIndex, count: 0, firstLines: [], markers: new Map() }));
      if (g && g.markers.size < 20) g.markers.set(cell.value, (g.markers.get(cell.value) ?? 0) + 1);
      if (state.missing.cells.length < MAX_MARKED_CELLS) state.missing.cells.push(cellAt(values, line, cell.columnIndex));
    }
    if (verdict.invalid.length) state.invalid.rows++;
    for (const cell of verdict.invalid) {
      const key = invalidKey(cell);
      group(state.invalid, key, line, () => ({ columnIndex: cell.columnIndex, count: 0, firstLines: [], value: cell.value, reason: cell.reason, suggestion: cell.suggestion, bad: cell.bad }));
      if (state.invalid.cells.length < MAX_MARKED_CELLS) state.invalid.cells.push({ ...cellAt(values, line, cell.columnIndex), group: key });
    }
    if (verdict.withdrawn.length) state.withdrawn.rows++;
    for (const cell of verdict.withdrawn) {
      const key = `${cell.columnIndex}\u0000${cell.reason}`;
      const g = group(state.withdrawn, key, line, () => ({ columnIndex: cell.columnIndex, count: 0, firstLines: [], reason: cell.reason, values: new Map() }));
      if (g && (g.values.size < 20 || g.values.has(cell.value))) g.values.set(cell.value, (g.values.get(cell.value) ?? 0) + 1);
      if (state.withdrawn.cells.length < MAX_MARKED_CELLS) state.withdrawn.cells.push({ ...cellAt(values, line, cell.columnIndex), group: key, reason: cell.reason, date: cell.date });
    }
    if (verdict.conflicts.length && verdict.terms) {
      state.scope.rows++;
      const columnIndex = verdict.termsColumn!;
      for (const conflict of verdict.conflicts) {
        const key = `${verdict.terms.key}\u0000${conflict.purpose}`;
        group(state.scope, key, line, () => ({
          columnIndex, count: 0, firstLines: [], terms: verdict.terms!.key, purpose: conflict.purpose, reasons: conflict.reasons, forbiddenBy: conflict.terms,
        }));
        if (state.scope.cells.length < MAX_MARKED_CELLS) state.scope.cells.push({ ...cellAt(values, line, columnIndex), group: key });
      }
    }
  },
};
