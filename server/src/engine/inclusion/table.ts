// The NIH Inclusion Enrollment table from the inclusion scan: participants by race ×
// ethnicity × sex, with what was read as Unknown or Not Reported and why. Built once per
// analysis (the rule, the report and the hover all read this one).
import { isSafeToShow } from '../privacy/shownValue';
import type { ScanStates } from '../rules/rule';
import { NIH_ETHNICITIES, NIH_RACES, NIH_SEXES, readEthnicity, readRace, readSex, UNKNOWN_ETHNICITY, UNKNOWN_RACE, type NihEthnicity, type NihRace, type NihSex } from './nih';
import { inclusionScan, type InclusionScanState } from './scan';

export interface UnreadValue {
  role: 'race' | 'ethnicity' | 'sex';
  /** The value as written, or undefined when it may identify someone (never shown then). */
  value?: string;
  participants: number;
  /** Where it was counted. */
  countedAs: string;
}

export interface InclusionTable {
  columns: { race?: string; ethnicity?: string; sex?: string; participant?: string };
  /** The race column also carries Hispanic origin (one of its values is Hispanic or Latino). */
  combined: boolean;
  /** What a count counts: participants (an id column exists) or rows. */
  unit: 'participants' | 'rows';
  /** counts[race][ethnicity][sex], in the order of NIH_RACES, NIH_ETHNICITIES, NIH_SEXES. */
  counts: number[][][];
  total: number;
  /** Values read as Unknown or Not Reported (empty cells included), most frequent first, at most 20. */
  unread: UnreadValue[];
  /** Participants not tallied (too many distinct value combinations). */
  untallied: number;
  /** Ids stopped being remembered past 2 million participants: later repeats count again. */
  idsCapped: boolean;
  /** Half or more of the participants fall in a named race or ethnicity category. */
  readable: boolean;
}

const built = new WeakMap<InclusionScanState, InclusionTable>();

export function inclusionTable(scans: ScanStates): InclusionTable | undefined {
  const state = scans.get(inclusionScan);
  if (!state || (state.columns.race === undefined && state.columns.ethnicity === undefined)) return undefined;
  let table = built.get(state);
  if (!table) {
    table = buildTable(state);
    built.set(state, table);
  }
  return table;
}

function zeros(): number[][][] {
  return NIH_RACES.map(() => NIH_ETHNICITIES.map(() => NIH_SEXES.map(() => 0)));
}

function buildTable(state: InclusionScanState): InclusionTable {
  const { columns, header } = state;
  const triples = [...state.triples].map(([key, n]) => {
    const [race, ethnicity, sex] = key.split('\u0000');
    return { race, ethnicity, sex, n };
  });
  const raceReadings = new Map(triples.map((t) => [t.race, readRace(t.race)]));
  const combined = columns.ethnicity === undefined && [...raceReadings.values()].some((r) => r?.hispanic);
  const counts = zeros();
  const unread = new Map<string, UnreadValue>();
  const noteUnread = (role: UnreadValue['role'], value: string, n: number, countedAs: string) => {
    const key = `${role}\u0000${value}`;
    const u = unread.get(key) ?? { role, value: value === '' ? '(empty)' : isSafeToShow(value) ? value : undefined, participants: 0, countedAs };
    u.participants += n;
    unread.set(key, u);
  };
  let named = 0;
  for (const t of triples) {
    const reading = raceReadings.get(t.race);
    let race: NihRace = reading?.race ?? UNKNOWN_RACE;
    let ethnicity: NihEthnicity = UNKNOWN_ETHNICITY;
    if (columns.ethnicity !== undefined) ethnicity = readEthnicity(t.ethnicity) ?? UNKNOWN_ETHNICITY;
    else if (combined && reading) {
      // One column for both (US Census P2's design): Hispanic is its own value and every
      // race value is read as not Hispanic.
      ethnicity = reading.hispanic ? 'Hispanic or Latino' : 'Not Hispanic or Latino';
    }
    if (reading?.notHispanic && ethnicity === UNKNOWN_ETHNICITY) ethnicity = 'Not Hispanic or Latino';
    if (reading?.hispanic) race = UNKNOWN_RACE;
    const sex: NihSex = columns.sex !== undefined ? readSex(t.sex) : 'Unknown/Not Reported';
    counts[NIH_RACES.indexOf(race)][NIH_ETHNICITIES.indexOf(ethnicity)][NIH_SEXES.indexOf(sex)] += t.n;
    if (columns.race !== undefined && (!reading || reading.noNihRow)) noteUnread('race', t.race, t.n, UNKNOWN_RACE);
    if (columns.ethnicity !== undefined && ethnicity === UNKNOWN_ETHNICITY) noteUnread('ethnicity', t.ethnicity, t.n, UNKNOWN_ETHNICITY);
    if (columns.sex !== undefined && sex === 'Unknown/Not Reported') noteUnread('sex', t.sex, t.n, 'Unknown/Not Reported');
    if (race !== UNKNOWN_RACE || ethnicity !== UNKNOWN_ETHNICITY) named += t.n;
  }
  const name = (i: number | undefined) => (i === undefined ? undefined : header[i]);
  return {
    columns: { race: name(columns.race), ethnicity: name(columns.ethnicity), sex: name(columns.sex), participant: name(columns.participant) },
    combined,
    unit: columns.participant !== undefined ? 'participants' : 'rows',
    counts,
    total: state.participants,
    unread: [...unread.values()].sort((a, b) => b.participants - a.participants).slice(0, 20),
    untallied: state.untallied,
    idsCapped: state.idsCapped,
    readable: state.participants > 0 && named * 2 >= state.participants,
  };
}

/** Planned enrollment in the table's shape: race -> ethnicity -> sex -> participants. */
export type PlannedEnrollment = Partial<Record<NihRace, Partial<Record<NihEthnicity, Partial<Record<NihSex, number>>>>>>;

export interface Shortfall {
  race: NihRace;
  ethnicity: NihEthnicity;
  sex: NihSex;
  planned: number;
  actual: number;
}

/** Every planned cell whose actual enrollment falls short, in table order. */
export function shortfalls(table: InclusionTable, planned: PlannedEnrollment): Shortfall[] {
  const out: Shortfall[] = [];
  NIH_RACES.forEach((race, r) => NIH_ETHNICITIES.forEach((ethnicity, e) => NIH_SEXES.forEach((sex, s) => {
    const want = planned[race]?.[ethnicity]?.[sex];
    if (typeof want === 'number' && table.counts[r][e][s] < want) out.push({ race, ethnicity, sex, planned: want, actual: table.counts[r][e][s] });
  })));
  return out;
}

/** Row, column and grand totals: byRace[r], byEthnicitySex[e][s], byEthnicity[e], bySex[s]. */
export function totals(counts: number[][][]) {
  const byRace = counts.map((r) => r.flat().reduce((a, b) => a + b, 0));
  const byEthnicitySex = NIH_ETHNICITIES.map((_, e) => NIH_SEXES.map((__, s) => counts.reduce((sum, r) => sum + r[e][s], 0)));
  const byEthnicity = byEthnicitySex.map((row) => row.reduce((a, b) => a + b, 0));
  const bySex = NIH_SEXES.map((_, s) => byEthnicitySex.reduce((sum, row) => sum + row[s], 0));
  return { byRace, byEthnicitySex, byEthnicity, bySex, total: byRace.reduce((a, b) => a + b, 0) };
}
