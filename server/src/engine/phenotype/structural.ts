// Structural missingness: a column that is empty because it does not apply, not because a
// value is unknown. Recognised two ways from the missingness sketch (rows, streamed files
// too): (1) the column is empty (almost) exactly when another column takes given values
// (relapse_date when relapsed = 0, date_of_death when vital_status = alive,
// ed_arrival_time when admission_type = elective); (2) two date columns of which exactly
// one is filled on (almost) every row; and (3) a codebook variable the codebook records for
// a subgroup only (NHANES RIDAGEMN, age in months, for participants up to 24 months old),
// whatever else the table holds. Such a column's empty share is the other column's
// distribution (or the subgroup's size), not missing data, so the missingness rules leave it out.
// (4) a column recorded for adults only (marital status: adultOnly.ts), empty on every
// minor's row.
// Case (1) also comes partly: a column empty on every row where a yes/no column says the
// event did not happen, and on some rows where it did (COMPAS: r_charge_desc empty for
// every is_recid = 0 and for 58 of 3,471 recidivists). Its missing share is then the share
// among the rows where it applies, and no disparity test is run on it: the profile cannot
// tell how often the event happens in a group from how often its value is missing.
import type { TableProfile } from '../profile/profile';
import { bothMissing, CONDITION_VALUE_CAP, type MissingnessSketch } from '../profile/missingnessSketch';
import { subgroupVariable, type SubgroupVariable } from '../codebooks/variables';
import { ADULTHOOD_FROM, ADULTHOOD_TO, type AdultOnlyState } from './adultOnly';

/** *Judgement:* "almost exactly": at least 99% agreement each way. */
export const STRUCTURAL_AGREEMENT = 0.99;
/** *Judgement:* at least this many empty cells, and rows under the condition, before a pattern is believed. */
export const MIN_STRUCTURAL_ROWS = 10;
/**
 * *Judgement:* a column empty on (almost) every row under one value of a two-valued column
 * is partly not applicable when that value holds at least half of its empty cells: the
 * emptiness is then mostly the other column's distribution, whatever the rest is.
 */
export const PARTLY_NOT_APPLICABLE_SHARE = 0.5;

export interface ConditionalEmpty {
  kind: 'condition';
  column: number;
  condition: number;
  /** The condition column's values under which the column is empty. */
  values: string[];
  /** Rows with one of those values, and how many of them have the column empty. */
  rowsWhen: number;
  emptyWhen: number;
  /** The column's empty cells, and how many fall under the condition. */
  empty: number;
  /**
   * True when fewer than 99% of the empty cells fall under the condition (but at least
   * half): the other `empty - emptyWhen` cells are missing among the `rows - rowsWhen` rows
   * where the column applies.
   */
  partly: boolean;
  /** Rows in the table: `rows - rowsWhen` are those where the column applies (the condition column's empty rows among them). */
  rows: number;
}

export interface ComplementaryDates {
  kind: 'complementary';
  column: number;
  other: number;
  rows: number;
  exactlyOne: number;
  bothEmpty: number;
  bothFilled: number;
  empty: number;
  otherEmpty: number;
}

export interface CodebookSubgroup {
  kind: 'codebook';
  column: number;
  subgroup: SubgroupVariable;
  rows: number;
  empty: number;
}

/**
 * A column recorded for adults only (marital status, adultOnly.ts): empty on (almost) every
 * minor's row, the minors holding at least half of its empty cells. `partly` as for
 * ConditionalEmpty: the other empty cells are missing among the adults' rows.
 */
export interface AdultOnly {
  kind: 'adult-only';
  column: number;
  /** The header ages were read from (an age or a birth date column). */
  ageFrom: string;
  /** The youngest age with a value: every row below it is empty. */
  fromAge: number;
  /** Rows below that age (every one empty), the column's empty cells, the table's rows. */
  minorRows: number;
  empty: number;
  partly: boolean;
  rows: number;
}

export type NotApplicable = ConditionalEmpty | ComplementaryDates | CodebookSubgroup | AdultOnly;

const DATE = /^(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}\/\d{1,2}\/\d{2,4})$/;

/** Most of the column's (sampled) values are dates. */
export function isDateColumn(profile: TableProfile, i: number): boolean {
  let dates = 0;
  let all = 0;
  for (const [value, n] of profile.columns[i].values) {
    all += n;
    if (DATE.test(value.trim())) dates += n;
  }
  return all > 0 && dates >= 0.9 * all;
}

function conditionFor(profile: TableProfile, sketch: MissingnessSketch, c: number, excluded: ReadonlySet<number>): ConditionalEmpty | undefined {
  const empty = profile.columns[c].missing;
  // Per participant, a row-level count of "empty where it applies" would not be the unit's.
  const partlyAllowed = !profile.participants;
  let best: ConditionalEmpty | undefined;
  for (let d = 0; d < sketch.width; d++) {
    const condition = sketch.conditions[d];
    if (d === c || excluded.has(d) || !condition || condition.values.length < 2) continue;
    const values: string[] = [];
    let rowsWhen = 0;
    let emptyWhen = 0;
    let rowsOtherwise = 0;
    condition.values.forEach((value, k) => {
      const rows = condition.rows[k];
      const missing = condition.missing[c * CONDITION_VALUE_CAP + k];
      if (missing >= STRUCTURAL_AGREEMENT * rows) {
        values.push(value);
        rowsWhen += rows;
        emptyWhen += missing;
      } else rowsOtherwise += rows;
    });
    if (values.length === 0 || rowsOtherwise < MIN_STRUCTURAL_ROWS || rowsWhen < MIN_STRUCTURAL_ROWS) continue;
    const partly = emptyWhen < STRUCTURAL_AGREEMENT * empty;
    // Partly only under a yes/no column (the event happened or not): under a many-valued one
    // (a site, a ward) a value where nothing is recorded says "not collected", not "not applicable".
    if (partly && !(partlyAllowed && condition.values.length === 2 && emptyWhen >= PARTLY_NOT_APPLICABLE_SHARE * empty)) continue;
    const candidate: ConditionalEmpty = { kind: 'condition', column: c, condition: d, values, rowsWhen, emptyWhen, empty, partly, rows: profile.rowCount };
    // Prefer a whole pattern to a partial one, then the condition that explains more of the
    // empty cells, then the one with fewer values.
    const better = !best || (best.partly && !partly) || (best.partly === partly && (emptyWhen > best.emptyWhen || (emptyWhen === best.emptyWhen && values.length < best.values.length)));
    if (better) best = candidate;
  }
  return best;
}

function complementFor(profile: TableProfile, sketch: MissingnessSketch, c: number, dates: readonly number[]): ComplementaryDates | undefined {
  const rows = profile.rowCount;
  const empty = profile.columns[c].missing;
  for (const e of dates) {
    if (e === c) continue;
    const otherEmpty = profile.columns[e].missing;
    if (otherEmpty < MIN_STRUCTURAL_ROWS) continue;
    const bothEmpty = bothMissing(sketch, c, e);
    const bothFilled = rows - empty - otherEmpty + bothEmpty;
    const exactlyOne = rows - bothEmpty - bothFilled;
    if (exactlyOne >= STRUCTURAL_AGREEMENT * rows) return { kind: 'complementary', column: c, other: e, rows, exactlyOne, bothEmpty, bothFilled, empty, otherEmpty };
  }
  return undefined;
}

/**
 * For a marital-status column (adultOnly.ts): the youngest age with a value, and the rows
 * below it (every one of them empty); undefined without ages, per participant, or when
 * fewer than MIN_STRUCTURAL_ROWS rows lie below it.
 */
export function emptyBelowAge(profile: TableProfile, c: number, adults: AdultOnlyState | undefined): { fromAge: number; rows: number; ageFrom: string } | undefined {
  const t = adults?.tallies.find((x) => x.column === c);
  // Per participant, rows are not the unit.
  if (!t || !adults?.ageFrom || profile.participants) return undefined;
  let fromAge = 0;
  while (fromAge < t.rowsByAge.length && t.emptyByAge[fromAge] === t.rowsByAge[fromAge]) fromAge++;
  let rows = 0;
  for (let age = 0; age < fromAge; age++) rows += t.rowsByAge[age];
  return rows >= MIN_STRUCTURAL_ROWS && fromAge < t.rowsByAge.length ? { fromAge, rows, ageFrom: adults.ageFrom } : undefined;
}

function adultOnlyFor(profile: TableProfile, c: number, adults: AdultOnlyState | undefined): AdultOnly | undefined {
  const below = emptyBelowAge(profile, c, adults);
  if (!below || below.fromAge < ADULTHOOD_FROM || below.fromAge > ADULTHOOD_TO) return undefined;
  const { fromAge, rows: minorRows } = below;
  const empty = profile.columns[c].missing;
  if (minorRows < MIN_STRUCTURAL_ROWS || minorRows < PARTLY_NOT_APPLICABLE_SHARE * empty) return undefined;
  return { kind: 'adult-only', column: c, ageFrom: below.ageFrom, fromAge, minorRows, empty, partly: minorRows < STRUCTURAL_AGREEMENT * empty, rows: profile.rowCount };
}

/** `the participant is younger than 19 (by "BIRTHDATE")`: who a column recorded for adults only does not apply to. */
export function minorsText(n: AdultOnly): string {
  return `the participant is younger than ${n.fromAge} (by "${n.ageFrom}"), the youngest age with a value`;
}

/**
 * The columns among `candidates` that are not applicable on their empty rows, with why.
 * `excluded` columns are never conditions (identifiers: their values must not reach a message).
 * `adults`: the rows of minors and adults per marital-status column (adultOnly.ts).
 */
export function notApplicableColumns(profile: TableProfile, candidates: readonly number[], excluded: ReadonlySet<number> = new Set(), adults?: AdultOnlyState): Map<number, NotApplicable> {
  const result = new Map<number, NotApplicable>();
  const sketch = profile.missingness;
  const dates = sketch ? profile.columns.map((_, i) => i).filter((i) => i < sketch.width && isDateColumn(profile, i)) : [];
  for (const c of candidates) {
    // The codebook says so: no pattern in the rows is needed (the age column may be absent).
    const subgroup = subgroupVariable(profile.columns[c].name);
    if (subgroup && profile.columns[c].missing > 0) {
      result.set(c, { kind: 'codebook', column: c, subgroup, rows: profile.rowCount, empty: profile.columns[c].missing });
      continue;
    }
    if (!sketch || c >= sketch.width || profile.columns[c].missing < MIN_STRUCTURAL_ROWS) continue;
    const found = conditionFor(profile, sketch, c, excluded) ?? adultOnlyFor(profile, c, adults) ?? (dates.includes(c) ? complementFor(profile, sketch, c, dates) : undefined);
    if (found) result.set(c, found);
  }
  return result;
}

/** A partly not-applicable column's empty cells and rows where it applies. */
export function whereApplies(n: ConditionalEmpty | AdultOnly): { rows: number; empty: number } {
  return n.kind === 'adult-only' ? { rows: n.rows - n.minorRows, empty: n.empty - n.minorRows } : { rows: n.rows - n.rowsWhen, empty: n.empty - n.emptyWhen };
}
