// The one pass over the rows that every privacy rule reads: per column, the evidence for
// its category; per quasi-identifier combination, its row count (capped); per ancestry ×
// categorical column, the cells of the cross-tabulation (dropped when the column turns out
// not to be categorical). State is bounded, so a streamed million-row file works.
import type { MissingMarkers } from '../missing';
import { perSetup, setupMarkers } from '../rules/perSetup';
import type { RowScan, ScanSetup } from '../rules/rule';
import { absorbPrivacy } from './absorb';
import { ColumnEvidence } from './evidence';
import { privacyPlan, type PrivacyPlan } from './plan';

/** Distinct quasi-identifier combinations counted; rows with a new one past this are only tallied. */
export const MAX_CLASSES = 100_000;
/** A column with more distinct values than this is not categorical: its table is dropped. */
export const MAX_LEVELS = 20;
/** Ancestry columns with more groups than this are not cross-tabulated. */
export const MAX_GROUPS = 50;

/** The distinct values of one side of the cross-tabulations, by first appearance; `undefined` once past its cap. */
interface Levels {
  index: Map<string, number>;
  cap: number;
  /** Raw cell text -> level (-1 for missing), so the missing markers are matched once per distinct text. */
  byRaw: Map<string, number>;
}

export interface CrossTab {
  ancestry: number;
  column: number;
  /** Counts by group index × MAX_LEVELS + level index. */
  counts: Uint32Array;
}

export interface PrivacyScanState {
  plan: PrivacyPlan;
  rows: number;
  /** Per column, created with the first row (a header-only file of 500,000 columns allocates none). */
  evidence: ColumnEvidence[];
  counts: ('date' | 'zip' | 'age' | undefined)[];
  classes: Map<string, number>;
  /** Rows whose combination was new after MAX_CLASSES: not counted in any class. */
  uncountedRows: number;
  tables: CrossTab[];
  markers: MissingMarkers[];
  /** Per column index on either side of a table: its levels, or undefined once it has too many. */
  levels: Map<number, Levels | undefined>;
  /** A block after the first (ScanSetup): which values the evidence samples is left to the merge. */
  deferSample: boolean;
}

const SEP = '\u0000';

/** The plan and what each column's evidence counts past the sample: the same for every block (rules/perSetup.ts). */
function columnsOf({ header, policy, ancestryColumns }: ScanSetup): { plan: PrivacyPlan; counts: PrivacyScanState['counts'] } {
  const plan = privacyPlan(header, policy, ancestryColumns);
  const countOf = (i: number): 'date' | 'zip' | 'age' | undefined => {
    const claimed = plan.claimed.get(i);
    if (plan.ageColumns.has(i)) return 'age';
    if (claimed === 'zip') return 'zip';
    return claimed === 'birthDate' || plan.dateHeaders.has(i) ? 'date' : undefined;
  };
  return { plan, counts: header.map((_, i) => countOf(i)) };
}

export const privacyScan: RowScan<PrivacyScanState> = {
  begin(setup) {
    const { plan, counts } = perSetup(setup, columnsOf);
    const tables: CrossTab[] = [];
    const levels = new Map<number, Levels | undefined>();
    for (const ancestry of plan.ancestry) {
      levels.set(ancestry, { index: new Map(), cap: MAX_GROUPS, byRaw: new Map() });
      for (const column of plan.crossTabbed) {
        tables.push({ ancestry, column, counts: new Uint32Array(MAX_GROUPS * MAX_LEVELS) });
        levels.set(column, { index: new Map(), cap: MAX_LEVELS, byRaw: new Map() });
      }
    }
    return {
      plan, rows: 0, evidence: [], counts, classes: new Map(), uncountedRows: 0, tables,
      markers: tables.length > 0 ? setupMarkers(setup) : [], levels,
      deferSample: setup.block === true && setup.firstBlock !== true,
    };
  },
  row(state, values) {
    state.rows++;
    const { plan } = state;
    if (state.rows === 1) state.evidence = state.counts.map((count) => new ColumnEvidence(count, state.deferSample));
    const { evidence } = state;
    for (let i = 0; i < evidence.length; i++) evidence[i].add(values[i] ?? '');
    if (plan.quasi.length > 0) tallyClass(state, values);
    if (state.tables.length > 0) crossTabulate(state, values);
  },
  absorb: (into, block, _lineShift, rows) => absorbPrivacy(into, block, rows),
};

/** Counts the row in its quasi-identifier class (new classes past MAX_CLASSES only as uncounted rows). */
export function tallyClass(state: PrivacyScanState, values: readonly string[]): void {
  let key = '';
  for (const q of state.plan.quasi) key += q.generalise(values[q.index] ?? '') + SEP;
  const n = state.classes.get(key);
  if (n !== undefined) state.classes.set(key, n + 1);
  else if (state.classes.size < MAX_CLASSES) state.classes.set(key, 1);
  else state.uncountedRows++;
}

/** Each side's level index for this row: -1 when missing, undefined when the column has too many levels. */
function levelOf(state: PrivacyScanState, column: number, value: string): number | undefined {
  const levels = state.levels.get(column);
  if (!levels) return undefined;
  const known = levels.byRaw.get(value);
  if (known !== undefined) return known;
  const level = newLevel(state, column, levels, value);
  if (level !== undefined && levels.byRaw.size < 4 * levels.cap) levels.byRaw.set(value, level);
  return level;
}

function newLevel(state: PrivacyScanState, column: number, levels: Levels, value: string): number | undefined {
  if (state.markers[column].match(value) !== undefined) return -1;
  const v = value.trim();
  let i = levels.index.get(v);
  if (i === undefined) {
    if (levels.index.size >= levels.cap) {
      state.levels.set(column, undefined);
      state.tables = state.tables.filter((t) => t.ancestry !== column && t.column !== column);
      return undefined;
    }
    i = levels.index.size;
    levels.index.set(v, i);
  }
  return i;
}

/** This row's level per column (-1: missing or no longer tabulated), reused from row to row. */
const scratch = new WeakMap<PrivacyScanState, Int32Array>();

function crossTabulate(state: PrivacyScanState, values: readonly string[]): void {
  let at = scratch.get(state);
  if (!at) { at = new Int32Array(state.plan.header.length); scratch.set(state, at); }
  for (const column of state.levels.keys()) at[column] = levelOf(state, column, values[column] ?? '') ?? -1;
  for (const table of state.tables) {
    const g = at[table.ancestry];
    const l = at[table.column];
    if (g >= 0 && l >= 0) table.counts[g * MAX_LEVELS + l]++;
  }
}

/** Levels of each side of a table and its non-empty cell counts; a table is reported only when both sides stayed categorical. */
export function tableCells(state: PrivacyScanState, table: CrossTab): { groups: number; levels: number; counts: number[] } | undefined {
  const groups = state.levels.get(table.ancestry)?.index.size;
  const levels = state.levels.get(table.column)?.index.size;
  if (groups === undefined || levels === undefined) return undefined;
  const counts: number[] = [];
  for (const n of table.counts) if (n > 0) counts.push(n);
  return { groups, levels, counts };
}

export { SEP as CLASS_SEPARATOR };
