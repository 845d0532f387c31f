// People, not rows: a file with several rows per participant (admissions, visits,
// samples) would count a patient admitted five times five times. When a participant id
// column repeats, representation and missingness are counted once per participant.
// Memory is O(participants): per participant, one bit per column (has it a value in any
// of their rows) and per ancestry column the first and first differing value's codes.
import { labelKey } from '../ancestry/labelKey';
import { ParticipantIds, SlotsByNumber } from './participantIds';
import type { GroupTally } from './profile';

/** Participant id headers (labelKey), with the noun messages use for them. *Judgement.* */
const PARTICIPANT_NOUNS: [string[], string][] = [
  [['patientid', 'patientnbr', 'patientnumber', 'patientno', 'patient'], 'patients'],
  [['subjectid', 'subject', 'subjectnumber', 'usubjid'], 'subjects'],
  [['personid', 'person'], 'people'],
  [['participantid', 'participant', 'participantnumber', 'individualid', 'donorid'], 'participants'],
];

/** A cheap test before labelKey: every participant header holds one of these words. */
const MAY_NAME_PARTICIPANT = /patient|subj|person|participant|individual|donor/i;

export interface ParticipantColumn {
  index: number;
  noun: string;
}

/** The participant id column: by name, else the schema's single-field primary key. */
export function participantColumn(header: readonly string[], primaryKey?: string | string[]): ParticipantColumn | undefined {
  // One pass over the header (some files have hundreds of thousands of columns).
  const found = new Map<number, number>();
  header.forEach((h, index) => {
    if (!MAY_NAME_PARTICIPANT.test(h)) return;
    const rank = PARTICIPANT_NOUNS.findIndex(([keys]) => keys.includes(labelKey(h)));
    if (rank >= 0 && !found.has(rank)) found.set(rank, index);
  });
  for (let rank = 0; rank < PARTICIPANT_NOUNS.length; rank++) {
    const index = found.get(rank);
    if (index !== undefined) return { index, noun: PARTICIPANT_NOUNS[rank][1] };
  }
  const key = Array.isArray(primaryKey) ? (primaryKey.length === 1 ? primaryKey[0] : undefined) : primaryKey;
  const index = key === undefined ? -1 : header.indexOf(key);
  return index >= 0 ? { index, noun: 'participants' } : undefined;
}

/** Per ancestry column: participants whose value differs between their rows. */
export interface AncestryConflicts {
  participants: number;
  /** [first value, first different value, participants], most frequent first (capped). */
  pairs: [string, string, number][];
}

export interface ParticipantProfile {
  column: string;
  columnIndex: number;
  noun: string;
  /** Distinct participants (a row without an id counts as one of its own). */
  count: number;
  rows: number;
  /** As TableProfile.groups, counting participants by their first value: `rows` are participants. */
  groups: Map<number, Map<string, GroupTally>>;
  /** Per column: participants with no value in any of their rows. */
  missing: Uint32Array;
  /** Per ancestry column: participants with no ancestry value in any row. */
  ancestryMissing: Map<number, number>;
  conflicts: Map<number, AncestryConflicts>;
}

const PAIRS_KEPT = 1000;

export class ParticipantTracker {
  /** Participant by id number (ParticipantIds): what addRow and absorb match on. */
  private readonly slots = new SlotsByNumber();
  /** Each participant's id number (-1 for a row without an id), by participant. */
  private numberOf = new Int32Array(0);
  private count = 0;
  private rows = 0;
  private readonly bytesPerParticipant: number;
  private present = new Uint8Array(0);
  private readonly valueCodes: Map<string, number>[];
  private readonly values: string[][];
  private first: Int32Array[];
  private second: Int32Array[];

  /**
   * `ids` numbers the ids; trackers merged by absorb must share it (the blocks of one
   * document do: profile/blocks.ts).
   */
  constructor(
    private readonly column: ParticipantColumn, private readonly header: readonly string[], private readonly ancestryColumns: readonly number[],
    private readonly ids: ParticipantIds = new ParticipantIds(),
  ) {
    this.bytesPerParticipant = Math.ceil(header.length / 8);
    this.valueCodes = ancestryColumns.map(() => new Map());
    this.values = ancestryColumns.map(() => []);
    this.first = ancestryColumns.map(() => new Int32Array(0));
    this.second = ancestryColumns.map(() => new Int32Array(0));
  }

  private grow(): void {
    const capacity = Math.max(1024, this.count * 2);
    const present = new Uint8Array(capacity * this.bytesPerParticipant);
    present.set(this.present);
    this.present = present;
    const numberOf = new Int32Array(capacity);
    numberOf.set(this.numberOf);
    this.numberOf = numberOf;
    const resize = (a: Int32Array) => { const b = new Int32Array(capacity).fill(-1); b.set(a); return b; };
    this.first = this.first.map(resize);
    this.second = this.second.map(resize);
  }

  /** A participant numbered `n` (-1: a row without an id, a participant of its own). */
  private newParticipant(n: number): number {
    const p = this.count++;
    if (this.count > this.numberOf.length) this.grow();
    this.numberOf[p] = n;
    if (n >= 0) this.slots.set(n, p);
    return p;
  }

  private codeOf(j: number, value: string): number {
    let code = this.valueCodes[j].get(value);
    if (code === undefined) {
      code = this.values[j].length;
      this.values[j].push(value);
      this.valueCodes[j].set(value, code);
    }
    return code;
  }

  addRow(values: readonly string[], missing: readonly boolean[]): void {
    this.rows++;
    const n = missing[this.column.index] ? -1 : this.ids.numberOf(values[this.column.index]);
    let p = n < 0 ? -1 : this.slots.get(n);
    if (p < 0) p = this.newParticipant(n);
    const base = p * this.bytesPerParticipant;
    for (let i = 0; i < missing.length; i++) if (!missing[i]) this.present[base + (i >> 3)] |= 1 << (i & 7);
    this.ancestryColumns.forEach((a, j) => {
      if (missing[a]) return;
      const code = this.codeOf(j, a < values.length ? values[a] : '');
      if (this.first[j][p!] < 0) this.first[j][p!] = code;
      else if (this.first[j][p!] !== code && this.second[j][p!] < 0) this.second[j][p!] = code;
    });
  }

  /**
   * Adds `block`'s participants as if its rows had followed these (see
   * ProfileBuilder.absorb): participants new here are numbered in the block's order of
   * first appearance, columns filled in either are filled, and a participant's first value
   * is the first side's when it has one; its first differing value is then the first
   * side's, else the block's first value when that differs, else the block's own.
   */
  absorb(block: ParticipantTracker): void {
    if (block.ids !== this.ids) throw new Error('participant trackers merged must number ids alike');
    this.rows += block.rows;
    const bytes = this.bytesPerParticipant;
    // The block's value codes renumbered once, not looked up per participant.
    const codes = block.values.map((values, j) => values.map((value) => this.codeOf(j, value)));
    for (let q = 0; q < block.count; q++) {
      const n = block.numberOf[q];
      let p = n < 0 ? -1 : this.slots.get(n);
      if (p < 0) p = this.newParticipant(n);
      for (let k = 0; k < bytes; k++) this.present[p * bytes + k] |= block.present[q * bytes + k];
      for (let j = 0; j < this.ancestryColumns.length; j++) {
        const theirFirst = block.first[j][q];
        if (theirFirst < 0) continue;
        const first = codes[j][theirFirst];
        const theirSecond = block.second[j][q];
        const second = theirSecond < 0 ? -1 : codes[j][theirSecond];
        if (this.first[j][p] < 0) {
          this.first[j][p] = first;
          this.second[j][p] = second;
        } else if (this.second[j][p] < 0) {
          if (first !== this.first[j][p]) this.second[j][p] = first;
          else if (second >= 0) this.second[j][p] = second;
        }
      }
    }
  }

  /** Calls `visit` with each column below `width` participant `p` has no value in; a byte of eight filled columns is passed over whole. */
  private eachAbsent(p: number, width: number, visit: (column: number) => void): void {
    const base = p * this.bytesPerParticipant;
    for (let k = 0; k < this.bytesPerParticipant; k++) {
      const bits = this.present[base + k];
      if (bits === 0xff) continue;
      const from = k << 3;
      const to = Math.min(width, from + 8);
      for (let i = from; i < to; i++) if ((bits & (1 << (i - from))) === 0) visit(i);
    }
  }

  /** Undefined when no participant has more than one row: rows are then participants. */
  finish(): ParticipantProfile | undefined {
    if (this.count === this.rows) return undefined;
    const width = this.header.length;
    const missing = new Uint32Array(width);
    for (let p = 0; p < this.count; p++) this.eachAbsent(p, width, (i) => missing[i]++);
    const groups = new Map<number, Map<string, GroupTally>>();
    const ancestryMissing = new Map<number, number>();
    const conflicts = new Map<number, AncestryConflicts>();
    this.ancestryColumns.forEach((a, j) => {
      const tallies = new Map<string, GroupTally>();
      const pairs = new Map<string, [string, string, number]>();
      let none = 0;
      let conflicted = 0;
      for (let p = 0; p < this.count; p++) {
        const code = this.first[j][p];
        if (code < 0) { none++; continue; }
        const value = this.values[j][code];
        let tally = tallies.get(value);
        if (!tally) { tally = { rows: 0, missingPerColumn: new Map() }; tallies.set(value, tally); }
        tally.rows++;
        const perColumn = tally.missingPerColumn;
        this.eachAbsent(p, width, (i) => perColumn.set(i, (perColumn.get(i) ?? 0) + 1));
        const other = this.second[j][p];
        if (other >= 0) {
          conflicted++;
          const key = `${code}:${other}`;
          const pair = pairs.get(key) ?? [value, this.values[j][other], 0];
          pair[2]++;
          pairs.set(key, pair);
        }
      }
      groups.set(a, tallies);
      ancestryMissing.set(a, none);
      conflicts.set(a, { participants: conflicted, pairs: [...pairs.values()].sort((x, y) => y[2] - x[2]).slice(0, PAIRS_KEPT) });
    });
    return {
      column: this.header[this.column.index], columnIndex: this.column.index, noun: this.column.noun,
      count: this.count, rows: this.rows, groups, missing, ancestryMissing, conflicts,
    };
  }
}
