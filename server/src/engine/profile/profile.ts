// Sufficient statistics of a table, built one row at a time so a file can be profiled
// as a stream in bounded memory: per column, counts, missing counts by marker and
// distinct values (capped); per ancestry column, rows and missing counts per group.
import type { LabelPartner } from '../ancestry/pairedColumns';
import { addCounts, bump, newKeys } from '../counts';
import { MissingMarkers } from '../missing';
import { MissingnessSketcher, type MissingnessSketch } from './missingnessSketch';
import { ParticipantIds } from './participantIds';
import { ParticipantTracker, type ParticipantColumn, type ParticipantProfile } from './participants';

export interface ColumnProfile {
  index: number;
  name: string;
  missing: number;
  missingByMarker: Map<string, number>;
  /**
   * Distinct non-missing values with their counts, exact while valuesTruncated is false.
   * Past the cap (an identifier, a free-text column) counting stops: what is kept is the
   * first values seen, a sample, and costs nothing more per row.
   */
  values: Map<string, number>;
  /** True when more distinct values were seen than the cap kept. */
  valuesTruncated: boolean;
}

export interface GroupTally {
  /** Rows whose ancestry value is this raw value. */
  rows: number;
  /**
   * Missing cells per column index among those rows, only for columns with any: a dense
   * array per group cost groups x columns (4.4 GB for 150 ancestry columns beside 100,000
   * others); this costs at most one entry per missing cell.
   */
  missingPerColumn: Map<number, number>;
}

/** Missing cells of column `columnIndex` among the rows of a group. */
export function missingInGroup(tally: GroupTally, columnIndex: number): number {
  return tally.missingPerColumn.get(columnIndex) ?? 0;
}

export interface TableProfile {
  rowCount: number;
  columns: ColumnProfile[];
  /** Per ancestry column index: raw value -> tally; missing ancestry values are not groups. */
  groups: Map<number, Map<string, GroupTally>>;
  /** Per ancestry column index: missing ancestry values by marker. */
  groupMissing: Map<number, Map<string, number>>;
  /** Which cells are missing together (undefined for tables wider than the sketch allows). */
  missingness?: MissingnessSketch;
  /** Set when a participant id column repeats: the counts per participant. */
  participants?: ParticipantProfile;
  /**
   * Per code column of a code/label pair (ProfileOptions.partners): the label values its
   * empty cells were filled with, by rows. Those rows are profiled with the label's value
   * in the code column; this says how many, for the hover and the label fixes.
   */
  filledFromLabel?: Map<number, Map<string, number>>;
}

export interface ProfileOptions {
  /** Missing markers per column (see columnMarkers). */
  markers: MissingMarkers[];
  ancestryColumns: number[];
  distinctCap?: number;
  /** ANCESTRY_DISTINCT_CAP unless given (tests reach it with a few rows). */
  ancestryDistinctCap?: number;
  /** The participant id column, when the header has one. */
  participantColumn?: ParticipantColumn;
  /**
   * Numbers the participant ids; builders merged by absorb must share it (see
   * ParticipantIds). Unless given, builders made with the same options object share one.
   */
  participantIds?: ParticipantIds;
  /** Code/label pairs (ancestry/pairedColumns.ts): a missing code is read from its label. */
  partners?: readonly LabelPartner[];
}

const sharedIds = new WeakMap<ProfileOptions, ParticipantIds>();

function participantIdsOf(options: ProfileOptions): ParticipantIds {
  if (options.participantIds) return options.participantIds;
  let ids = sharedIds.get(options);
  if (!ids) sharedIds.set(options, (ids = new ParticipantIds()));
  return ids;
}

export const DEFAULT_DISTINCT_CAP = 1000;
export const ANCESTRY_DISTINCT_CAP = 10000;

export class ProfileBuilder {
  private readonly profile: TableProfile;
  private readonly isAncestry: boolean[];
  private readonly caps: number[];
  private readonly missingScratch: boolean[];
  /** Indices of the current row's missing cells (the first `missingCount`). */
  private readonly missingIndices: Int32Array;
  private readonly sketcher?: MissingnessSketcher;
  private readonly participants?: ParticipantTracker;

  constructor(header: string[], private readonly options: ProfileOptions) {
    const cap = options.distinctCap ?? DEFAULT_DISTINCT_CAP;
    const ancestry = new Set(options.ancestryColumns);
    this.isAncestry = header.map((_, i) => ancestry.has(i));
    const ancestryCap = options.ancestryDistinctCap ?? ANCESTRY_DISTINCT_CAP;
    this.caps = this.isAncestry.map((a) => (a ? ancestryCap : cap));
    this.missingScratch = header.map(() => false);
    this.missingIndices = new Int32Array(header.length);
    this.sketcher = MissingnessSketcher.for(header.length);
    if (options.participantColumn) this.participants = new ParticipantTracker(options.participantColumn, header, options.ancestryColumns, participantIdsOf(options));
    this.profile = {
      rowCount: 0,
      columns: header.map((name, index) => ({ index, name, missing: 0, missingByMarker: new Map(), values: new Map(), valuesTruncated: false })),
      groups: new Map(options.ancestryColumns.map((i) => [i, new Map()])),
      groupMissing: new Map(options.ancestryColumns.map((i) => [i, new Map()])),
      filledFromLabel: new Map((options.partners ?? []).map((p) => [p.code, new Map()])),
    };
  }

  /** The row with each pair's missing code filled from its label (the row itself when none is). */
  private coalesced(values: readonly string[], count: boolean): readonly string[] {
    let row = values;
    for (const { code, label } of this.options.partners ?? []) {
      const own = code < values.length ? values[code] : '';
      const named = label < values.length ? values[label] : '';
      if (this.options.markers[code].match(own) === undefined || this.options.markers[label].match(named) !== undefined) continue;
      if (row === values) row = [...values];
      (row as string[])[code] = named;
      if (count) bump(this.profile.filledFromLabel!.get(code)!, named);
    }
    return row;
  }

  addRow(raw: readonly string[]): void {
    const values = this.coalesced(raw, true);
    const { columns } = this.profile;
    this.profile.rowCount++;
    let missingCount = 0;
    for (let i = 0; i < columns.length; i++) {
      const value = i < values.length ? values[i] : '';
      const marker = this.options.markers[i].match(value);
      const column = columns[i];
      this.missingScratch[i] = marker !== undefined;
      if (marker !== undefined) {
        this.missingIndices[missingCount++] = i;
        column.missing++;
        bump(column.missingByMarker, marker);
        continue;
      }
      if (column.valuesTruncated) continue;
      const seen = column.values.get(value);
      if (seen !== undefined) column.values.set(value, seen + 1);
      else if (column.values.size < this.caps[i]) column.values.set(value, 1);
      else column.valuesTruncated = true;
    }
    for (const [ancestryIndex, tallies] of this.profile.groups) {
      const value = ancestryIndex < values.length ? values[ancestryIndex] : '';
      if (this.missingScratch[ancestryIndex]) {
        const marker = this.options.markers[ancestryIndex].match(value) ?? value;
        const byMarker = this.profile.groupMissing.get(ancestryIndex)!;
        bump(byMarker, marker);
        continue;
      }
      let tally = tallies.get(value);
      if (!tally) {
        tally = { rows: 0, missingPerColumn: new Map() };
        tallies.set(value, tally);
      }
      tally.rows++;
      const perColumn = tally.missingPerColumn;
      for (let k = 0; k < missingCount; k++) {
        bump(perColumn, this.missingIndices[k]);
      }
    }
    this.sketcher?.addRow(values, this.missingScratch);
    this.participants?.addRow(values, this.missingScratch);
  }

  /**
   * Adds what `block` counted, exactly as if its rows had been added here one by one after
   * the rows already added (blocks.ts profiles an open document in blocks of rows and
   * merges them in order). Counts add up; maps keep first-seen order because a block's
   * new keys are appended in its own first-seen order. `rows` replays the block's rows
   * (as addRow got them) and is read only for a column whose distinct values reach the
   * cap within the block: which counts froze there depends on the order of its rows.
   * `block` is not changed.
   */
  absorb(block: ProfileBuilder, rows: () => Iterable<readonly string[]>): void {
    const mine = this.profile;
    const theirs = block.profile;
    mine.rowCount += theirs.rowCount;
    for (let i = 0; i < mine.columns.length; i++) {
      const a = mine.columns[i];
      const b = theirs.columns[i];
      a.missing += b.missing;
      addCounts(a.missingByMarker, b.missingByMarker);
      if (a.valuesTruncated) continue;
      if (!b.valuesTruncated && a.values.size + newKeys(a.values, b.values.keys()) <= this.caps[i]) addCounts(a.values, b.values);
      else this.replayValues(i, rows());
    }
    for (const [ancestryIndex, tallies] of mine.groups) {
      for (const [value, theirTally] of theirs.groups.get(ancestryIndex)!) {
        let tally = tallies.get(value);
        if (!tally) {
          tally = { rows: 0, missingPerColumn: new Map() };
          tallies.set(value, tally);
        }
        tally.rows += theirTally.rows;
        addCounts(tally.missingPerColumn, theirTally.missingPerColumn);
      }
      addCounts(mine.groupMissing.get(ancestryIndex)!, theirs.groupMissing.get(ancestryIndex)!);
    }
    for (const [code, filled] of mine.filledFromLabel!) addCounts(filled, theirs.filledFromLabel!.get(code)!);
    if (block.sketcher) this.sketcher?.absorb(block.sketcher);
    if (block.participants) this.participants?.absorb(block.participants);
  }

  /** Column `i`'s distinct values as addRow counts them, over `rows` (see absorb). */
  private replayValues(i: number, rows: Iterable<readonly string[]>): void {
    const column = this.profile.columns[i];
    const markers = this.options.markers[i];
    for (const raw of rows) {
      const values = this.coalesced(raw, false);
      const value = i < values.length ? values[i] : '';
      if (markers.match(value) !== undefined) continue;
      const seen = column.values.get(value);
      if (seen !== undefined) column.values.set(value, seen + 1);
      else if (column.values.size < this.caps[i]) column.values.set(value, 1);
      else {
        column.valuesTruncated = true;
        return;
      }
    }
  }

  finish(): TableProfile {
    this.profile.missingness = this.sketcher?.finish();
    this.profile.participants = this.participants?.finish();
    return this.profile;
  }
}
