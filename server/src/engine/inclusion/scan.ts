// One pass over the rows for the NIH Inclusion Enrollment table: each participant once
// (the first row of a repeated participant id), tallied by the raw (race, ethnicity, sex)
// values. Values are read into NIH categories after the pass, because whether a race
// column also carries Hispanic origin is known only once its values are seen.
import { ParticipantIds, SlotsByNumber } from '../profile/participantIds';
import { participantColumn } from '../profile/participants';
import type { RowScan } from '../rules/rule';
import { isEthnicityHeader, isRaceHeader, isSexHeader } from './nih';

/** Distinct (race, ethnicity, sex) value triples kept; participants past it are counted as unreadable. */
export const MAX_VALUE_TRIPLES = 5000;
/** Participant ids remembered to count each once; past it, rows are counted (and the table says so). */
export const MAX_PARTICIPANTS = 2_000_000;

export interface InclusionColumns {
  race?: number;
  ethnicity?: number;
  sex?: number;
  participant?: number;
}

export interface InclusionScanState {
  columns: InclusionColumns;
  header: string[];
  /** "race\0ethnicity\0sex" as written -> participants. */
  triples: Map<string, number>;
  /** Participants whose triple did not fit in MAX_VALUE_TRIPLES. */
  untallied: number;
  participants: number;
  rows: number;
  /** Numbers the participant ids: states merged by absorb share it (ScanSetup.participantIds). */
  ids: ParticipantIds;
  /** Participants counted, by id number (1), with a participant column. */
  seen?: SlotsByNumber;
  /** How many ids `seen` holds. */
  seenCount: number;
  /** Participant ids stopped being remembered (MAX_PARTICIPANTS): later rows count as participants. */
  idsCapped: boolean;
  /**
   * A block's state (ScanSetup.block) with a participant column: each participant it
   * counted, in order, as [id number (-1 for none), triple]. Merging needs them: a
   * participant first seen in this block may have been counted in an earlier one.
   */
  counted?: [number, string][];
}

/** Every header the tests below can accept holds one of these (a cheap pass before labelKey: some headers have 500,000 names). */
const MAY_NAME_A_COLUMN = /race|ethnic|hispanic|sex|gender/i;

function chooseColumns(header: string[], ancestryColumns: number[], primaryKey?: string | string[]): InclusionColumns {
  const candidates = header.flatMap((h, i) => (MAY_NAME_A_COLUMN.test(h) ? [i] : []));
  const find = (test: (h: string) => boolean) => candidates.find((i) => test(header[i]));
  const race = find(isRaceHeader) ?? ancestryColumns[0];
  const ethnicity = find(isEthnicityHeader);
  return {
    race,
    ethnicity: ethnicity !== race ? ethnicity : undefined,
    sex: find(isSexHeader),
    participant: participantColumn(header, primaryKey)?.index,
  };
}

export const inclusionScan: RowScan<InclusionScanState> = {
  begin({ header, ancestryColumns, schema, block, participantIds }) {
    const columns = chooseColumns(header, ancestryColumns, schema?.primaryKey);
    return {
      columns, header, triples: new Map(), untallied: 0, participants: 0, rows: 0, idsCapped: false,
      ids: participantIds ?? new ParticipantIds(), seenCount: 0,
      seen: columns.participant !== undefined ? new SlotsByNumber() : undefined,
      counted: block && columns.participant !== undefined ? [] : undefined,
    };
  },
  absorb(into, block, _lineShift, rows) {
    // Past the cap on ids the order of every row matters, not only of first sightings.
    if (into.ids !== block.ids) throw new Error('inclusion scan states merged must number ids alike');
    if (into.idsCapped || block.idsCapped || (into.seen && into.seenCount + block.participants > MAX_PARTICIPANTS)) {
      for (const [values, line] of rows()) inclusionScan.row(into, values, line);
      return;
    }
    into.rows += block.rows;
    if (!block.counted) {
      // No participant column: every row is a participant, and the block's tallies are complete.
      into.participants += block.participants;
      for (const [key, n] of block.triples) tally(into, key, n);
      into.untallied += block.untallied;
      return;
    }
    for (const [n, key] of block.counted) {
      if (n >= 0) {
        if (into.seen!.get(n) >= 0) continue;
        into.seen!.set(n, 1);
        into.seenCount++;
      }
      into.participants++;
      tally(into, key, 1);
      // A group's state (blocks merged to be merged again) lists what it counted too.
      into.counted?.push([n, key]);
    }
  },
  row(state, values) {
    state.rows++;
    const { race, ethnicity, sex, participant } = state.columns;
    if (race === undefined && ethnicity === undefined) return;
    let n = -1;
    if (participant !== undefined && state.seen) {
      const id = (values[participant] ?? '').trim();
      if (id !== '') {
        n = state.ids.numberOf(id);
        if (state.seen.get(n) >= 0) return;
        if (state.seenCount < MAX_PARTICIPANTS) {
          state.seen.set(n, 1);
          state.seenCount++;
        } else state.idsCapped = true;
      }
    }
    state.participants++;
    const at = (i: number | undefined) => (i === undefined ? '' : (values[i] ?? '').trim());
    const key = `${at(race)}\u0000${at(ethnicity)}\u0000${at(sex)}`;
    state.counted?.push([n, key]);
    tally(state, key, 1);
  },
};

/** Counts `n` participants of a triple; a triple new past MAX_VALUE_TRIPLES is counted as untallied. */
function tally(state: InclusionScanState, key: string, n: number): void {
  const seen = state.triples.get(key);
  if (seen !== undefined) state.triples.set(key, seen + n);
  else if (state.triples.size < MAX_VALUE_TRIPLES) state.triples.set(key, n);
  else state.untallied += n;
}
