// The one pass over the rows that every privacy rule reads: per column, the evidence for
// its category; per quasi-identifier combination, its row count (capped); per ancestry ×
// categorical column, the cells of the cross-tabulation (dropped when the column turns out
// not to be categorical). State is bounded, so a streamed million-row file works.
import { columnMarkers } from '../columnMarkers';
import type { MissingMarkers } from '../missing';
import type { RowScan } from '../rules/rule';
import { ColumnEvidence } from './evidence';
import { privacyPlan, type PrivacyPlan } from './plan';

/** Distinct quasi-identifier combinations counted; rows with a new one past this are only tallied. */
export const MAX_CLASSES = 100_000;
/** A column with more distinct values than this is not categorical: its table is dropped. */
export const MAX_LEVELS = 20;
/** Ancestry columns with more groups than this are not cross-tabulated. */
export const MAX_GROUPS = 50;

export interface CrossTab {
  ancestry: number;
  column: number;
  cells: Map<string, number>;
  /** Rows where either value was missing: not in the table. */
  missing: number;
}

export interface PrivacyScanState {
  plan: PrivacyPlan;
  rows: number;
  evidence: ColumnEvidence[];
  classes: Map<string, number>;
  /** Rows whose combination was new after MAX_CLASSES: not counted in any class. */
  uncountedRows: number;
  tables: CrossTab[];
  markers: MissingMarkers[];
}

const SEP = '\u0000';

export const privacyScan: RowScan<PrivacyScanState> = {
  begin({ header, policy, ancestryColumns, schema }) {
    const plan = privacyPlan(header, policy, ancestryColumns);
    const countAll = (i: number) => plan.claimed.has(i) || plan.dateHeaders.has(i) || plan.ageColumns.has(i);
    const tables: CrossTab[] = [];
    for (const ancestry of plan.ancestry) for (const column of plan.crossTabbed) tables.push({ ancestry, column, cells: new Map(), missing: 0 });
    return {
      plan, rows: 0, evidence: header.map((_, i) => new ColumnEvidence(countAll(i))), classes: new Map(), uncountedRows: 0, tables,
      markers: columnMarkers(header, policy, ancestryColumns, schema),
    };
  },
  row(state, values) {
    state.rows++;
    const { plan, evidence } = state;
    for (let i = 0; i < evidence.length; i++) evidence[i].add(values[i] ?? '');
    if (plan.quasi.length > 0) {
      let key = '';
      for (const q of plan.quasi) key += q.generalise(values[q.index] ?? '') + SEP;
      const n = state.classes.get(key);
      if (n !== undefined) state.classes.set(key, n + 1);
      else if (state.classes.size < MAX_CLASSES) state.classes.set(key, 1);
      else state.uncountedRows++;
    }
    if (state.tables.length > 0) crossTabulate(state, values);
  },
};

function crossTabulate(state: PrivacyScanState, values: readonly string[]): void {
  let dropped = false;
  for (const table of state.tables) {
    const a = values[table.ancestry] ?? '';
    const c = values[table.column] ?? '';
    if (state.markers[table.ancestry].match(a) !== undefined || state.markers[table.column].match(c) !== undefined) {
      table.missing++;
      continue;
    }
    const key = a.trim() + SEP + c.trim();
    const n = table.cells.get(key);
    if (n !== undefined) { table.cells.set(key, n + 1); continue; }
    table.cells.set(key, 1);
    if (table.cells.size > MAX_LEVELS * MAX_GROUPS) dropped = true;
  }
  if (dropped) state.tables = state.tables.filter((t) => t.cells.size <= MAX_LEVELS * MAX_GROUPS);
}

/** Levels of each side of a table; a table is reported only when both are categorical. */
export function tableLevels(table: CrossTab): { groups: number; levels: number } {
  const groups = new Set<string>();
  const levels = new Set<string>();
  for (const key of table.cells.keys()) {
    const [a, c] = key.split(SEP);
    groups.add(a);
    levels.add(c);
  }
  return { groups: groups.size, levels: levels.size };
}

export { SEP as CLASS_SEPARATOR };
