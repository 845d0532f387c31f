// Sufficient statistics of a table, built one row at a time so a file can be profiled
// as a stream in bounded memory: per column, counts, missing counts by marker and
// distinct values (capped); per ancestry column, rows and missing counts per group.
import { MissingMarkers } from '../missing';
import { MissingnessSketcher, type MissingnessSketch } from './missingnessSketch';
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
  /** Missing cells per column among those rows. */
  missingPerColumn: Uint32Array;
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
}

export interface ProfileOptions {
  /** Missing markers per column (see columnMarkers). */
  markers: MissingMarkers[];
  ancestryColumns: number[];
  distinctCap?: number;
  /** The participant id column, when the header has one. */
  participantColumn?: ParticipantColumn;
}

const DEFAULT_DISTINCT_CAP = 1000;
const ANCESTRY_DISTINCT_CAP = 10000;

export class ProfileBuilder {
  private readonly profile: TableProfile;
  private readonly isAncestry: boolean[];
  private readonly caps: number[];
  private readonly missingScratch: boolean[];
  private readonly sketcher?: MissingnessSketcher;
  private readonly participants?: ParticipantTracker;

  constructor(header: string[], private readonly options: ProfileOptions) {
    const cap = options.distinctCap ?? DEFAULT_DISTINCT_CAP;
    this.isAncestry = header.map((_, i) => options.ancestryColumns.includes(i));
    this.caps = this.isAncestry.map((a) => (a ? ANCESTRY_DISTINCT_CAP : cap));
    this.missingScratch = header.map(() => false);
    this.sketcher = MissingnessSketcher.for(header.length);
    if (options.participantColumn) this.participants = new ParticipantTracker(options.participantColumn, header, options.ancestryColumns);
    this.profile = {
      rowCount: 0,
      columns: header.map((name, index) => ({ index, name, missing: 0, missingByMarker: new Map(), values: new Map(), valuesTruncated: false })),
      groups: new Map(options.ancestryColumns.map((i) => [i, new Map()])),
      groupMissing: new Map(options.ancestryColumns.map((i) => [i, new Map()])),
    };
  }

  addRow(values: readonly string[]): void {
    const { columns } = this.profile;
    this.profile.rowCount++;
    for (let i = 0; i < columns.length; i++) {
      const value = i < values.length ? values[i] : '';
      const marker = this.options.markers[i].match(value);
      const column = columns[i];
      this.missingScratch[i] = marker !== undefined;
      if (marker !== undefined) {
        column.missing++;
        column.missingByMarker.set(marker, (column.missingByMarker.get(marker) ?? 0) + 1);
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
        byMarker.set(marker, (byMarker.get(marker) ?? 0) + 1);
        continue;
      }
      let tally = tallies.get(value);
      if (!tally) {
        tally = { rows: 0, missingPerColumn: new Uint32Array(columns.length) };
        tallies.set(value, tally);
      }
      tally.rows++;
      for (let i = 0; i < columns.length; i++) if (this.missingScratch[i]) tally.missingPerColumn[i]++;
    }
    this.sketcher?.addRow(values, this.missingScratch);
    this.participants?.addRow(values, this.missingScratch);
  }

  finish(): TableProfile {
    this.profile.missingness = this.sketcher?.finish();
    this.profile.participants = this.participants?.finish();
    return this.profile;
  }
}
