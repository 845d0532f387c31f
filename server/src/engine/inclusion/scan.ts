// One pass over the rows for the NIH Inclusion Enrollment table: each participant once
// (the first row of a repeated participant id), tallied by the raw (race, ethnicity, sex)
// values. Values are read into NIH categories after the pass, because whether a race
// column also carries Hispanic origin is known only once its values are seen.
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
  seen?: Set<string>;
  /** Participant ids stopped being remembered (MAX_PARTICIPANTS): later rows count as participants. */
  idsCapped: boolean;
  /**
   * A block's state (ScanSetup.block) with a participant column: each participant it
   * counted, in order, as [id ('' for none), triple]. Merging needs them: a participant
   * first seen in this block may have been counted in an earlier one.
   */
  counted?: [string, string][];
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
  begin({ header, ancestryColumns, schema, block }) {
    const columns = chooseColumns(header, ancestryColumns, schema?.primaryKey);
    return {
      columns, header, triples: new Map(), untallied: 0, participants: 0, rows: 0, idsCapped: false,
      seen: columns.participant !== undefined ? new Set() : undefined,
      counted: block && columns.participant !== undefined ? [] : undefined,
    };
  },
  absorb(into, block, _lineShift, rows) {
    // Past the cap on ids the order of every row matters, not only of first sightings.
    if (into.idsCapped || block.idsCapped || (into.seen && into.seen.size + block.participants > MAX_PARTICIPANTS)) {
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
    for (const [id, key] of block.counted) {
      if (id !== '') {
        if (into.seen!.has(id)) continue;
        into.seen!.add(id);
      }
      into.participants++;
      tally(into, key, 1);
    }
  },
  row(state, values) {
    state.rows++;
    const { race, ethnicity, sex, participant } = state.columns;
    if (race === undefined && ethnicity === undefined) return;
    let id = '';
    if (participant !== undefined && state.seen) {
      id = (values[participant] ?? '').trim();
      if (id !== '') {
        if (state.seen.has(id)) return;
        if (state.seen.size < MAX_PARTICIPANTS) state.seen.add(id);
        else state.idsCapped = true;
      }
    }
    state.participants++;
    const at = (i: number | undefined) => (i === undefined ? '' : (values[i] ?? '').trim());
    const key = `${at(race)}\u0000${at(ethnicity)}\u0000${at(sex)}`;
    state.counted?.push([id, key]);
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
