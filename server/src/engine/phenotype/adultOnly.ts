// Marital status is not recorded for children: the US Census Bureau asks it of people 15
// and over (ACS "MAR" universe), and Synthea writes MARITAL only from age 18, so in its
// patients.csv every child's MARITAL is empty while adults' is empty on one row in eight.
// Counted over all rows that read as "MARITAL missing in 27.8% of rows". A row scan tallies,
// per marital-status column, rows and empty cells by age in whole years (from an age
// column, else from a birth date at the death date or today); structural.ts decides from
// them whether the column is recorded only from some age on: every participant younger
// than the youngest with a value is, by that definition, empty, so what is judged is that
// age (an age of adulthood, 15 to 25: a living person's age is counted to today, not to
// when the file was written, which may be years before) and how many rows lie below it.
// A file that records "single" for a 3-year-old has its youngest value at 3, and nothing
// is not applicable.
import { labelKey } from '../ancestry/labelKey';
import { columnMarkers } from '../columnMarkers';
import type { MissingMarkers } from '../missing';
import { readAge } from '../privacy/ages';
import { isBirthDateHeader } from '../privacy/categories';
import { isAgeColumn } from '../privacy/plan';
import { dateYear } from '../privacy/shapes';
import type { RowScan } from '../rules/rule';

/** *Judgement:* the youngest age with a value must be one of adulthood (ACS asks from 15; Synthea writes from 18, read years later). */
export const ADULTHOOD_FROM = 15;
export const ADULTHOOD_TO = 25;
/** Ages are tallied up to this. */
const MAX_AGE = 130;

/** Header keys (labelKey) of marital-status columns. */
const MARITAL_KEYS = new Set(['marital', 'maritalstatus', 'maritalstat', 'marstat', 'civilstatus', 'maritalstatuscode']);
const DEATH_KEYS = new Set(['deathdate', 'dateofdeath', 'dod', 'deathdatetime', 'deceaseddate']);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

export interface AdultOnlyTally {
  column: number;
  /** Rows, and rows with the column empty, by age in whole years (0 to 130). */
  rowsByAge: Uint32Array;
  emptyByAge: Uint32Array;
  /** Rows whose age could not be read. */
  unknownRows: number;
}

export interface AdultOnlyState {
  /** Where ages come from: an age column, or a birth date (at the death date, else at today). */
  age?: { column: number } | { birth: number; death?: number };
  /** The header name ages are read from, for messages. */
  ageFrom?: string;
  tallies: AdultOnlyTally[];
  markers: MissingMarkers[];
  today: Date;
}

/** Whole years between two ISO days, or undefined. */
function yearsBetween(from: string, to: string | Date): number | undefined {
  const a = ISO_DAY.exec(from.trim());
  if (!a) return undefined;
  const [y, m, d] = [Number(a[1]), Number(a[2]), Number(a[3])];
  let ty: number, tm: number, td: number;
  if (typeof to === 'string') {
    const b = ISO_DAY.exec(to.trim());
    if (!b) return undefined;
    [ty, tm, td] = [Number(b[1]), Number(b[2]), Number(b[3])];
  } else [ty, tm, td] = [to.getUTCFullYear(), to.getUTCMonth() + 1, to.getUTCDate()];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

function ageOf(state: AdultOnlyState, values: readonly string[]): number | undefined {
  const source = state.age;
  if (!source) return undefined;
  if ('column' in source) {
    const reading = readAge(values[source.column] ?? '');
    return reading?.kind === 'age' ? reading.years : undefined;
  }
  const birth = values[source.birth] ?? '';
  const death = source.death !== undefined ? (values[source.death] ?? '').trim() : '';
  const exact = yearsBetween(birth, death !== '' ? death : state.today);
  if (exact !== undefined) return exact;
  // Another date format: by years only, one year older at most.
  const born = dateYear(birth.trim());
  const end = death !== '' ? dateYear(death) : state.today.getUTCFullYear();
  return born === undefined || end === undefined ? undefined : end - born;
}

/** Not merged by blocks (no absorb): it reads "today", which the blocks of an open document do not depend on. */
export const adultOnlyScan: RowScan<AdultOnlyState> = {
  begin({ header, policy, ancestryColumns, schema, today }) {
    const marital = header.flatMap((name, i) => (MARITAL_KEYS.has(labelKey(name)) ? [i] : []));
    const state: AdultOnlyState = { tallies: [], markers: [], today };
    if (marital.length === 0) return state;
    const ageColumn = header.findIndex((name) => isAgeColumn(name));
    const birth = header.findIndex((name) => isBirthDateHeader(name));
    const death = header.findIndex((name) => DEATH_KEYS.has(labelKey(name)));
    if (ageColumn >= 0) state.age = { column: ageColumn };
    else if (birth >= 0) state.age = { birth, death: death >= 0 ? death : undefined };
    else return state;
    state.ageFrom = header[ageColumn >= 0 ? ageColumn : birth];
    state.markers = columnMarkers(header, policy, ancestryColumns, schema);
    state.tallies = marital.map((column) => ({ column, rowsByAge: new Uint32Array(MAX_AGE + 1), emptyByAge: new Uint32Array(MAX_AGE + 1), unknownRows: 0 }));
    return state;
  },
  row(state, values) {
    if (state.tallies.length === 0) return;
    const age = ageOf(state, values);
    const known = age !== undefined && age >= 0 && age <= MAX_AGE;
    for (const t of state.tallies) {
      if (!known) { t.unknownRows++; continue; }
      t.rowsByAge[age]++;
      if (state.markers[t.column].match(values[t.column] ?? '') !== undefined) t.emptyByAge[age]++;
    }
  },
};
