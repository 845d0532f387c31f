// What the missing cells of a table have in common, gathered one row at a time in memory
// that does not grow with the rows: for each pair of columns, the rows where both are
// missing (so columns missing on exactly the same rows, and two columns of which exactly
// one is filled, can be told apart); and for each low-cardinality column, per value, the
// rows with that value and the missing cells of every other column among them (so "empty
// exactly when relapsed = 0" can be recognised).
import { newKeys } from '../counts';

/** Above this many columns the pair counts (columns² counters) are not kept. */
export const SKETCH_COLUMN_LIMIT = 256;
/** A column with more distinct values than this is no condition column (*judgement*). */
export const CONDITION_VALUE_CAP = 20;

export interface ConditionColumn {
  /** Its values, in code order. */
  values: string[];
  /** Rows with each value (rows where the column is missing are in none). */
  rows: Uint32Array;
  /** missing[c * CONDITION_VALUE_CAP + k]: rows where column c is missing and this column has value k. */
  missing: Uint32Array;
}

export interface MissingnessSketch {
  width: number;
  /** bothMissing[i * width + j], i < j: rows where columns i and j are both missing. */
  bothMissing: Uint32Array;
  /** Per column: its per-value counts, or undefined when it has too many values or is never filled. */
  conditions: (ConditionColumn | undefined)[];
}

export class MissingnessSketcher {
  private readonly width: number;
  private readonly bothMissing: Uint32Array;
  private readonly codes: (Map<string, number> | undefined)[];
  private readonly conditions: (ConditionColumn | undefined)[];
  private readonly missingIndices: number[] = [];

  /** Undefined when the table is too wide for the pair counts. */
  static for(width: number): MissingnessSketcher | undefined {
    return width <= SKETCH_COLUMN_LIMIT ? new MissingnessSketcher(width) : undefined;
  }

  private constructor(width: number) {
    this.width = width;
    this.bothMissing = new Uint32Array(width * width);
    this.codes = Array.from({ length: width }, () => new Map());
    this.conditions = Array.from({ length: width }, () => ({ values: [], rows: new Uint32Array(CONDITION_VALUE_CAP), missing: new Uint32Array(width * CONDITION_VALUE_CAP) }));
  }

  addRow(values: readonly string[], missing: readonly boolean[]): void {
    const w = this.width;
    const idx = this.missingIndices;
    idx.length = 0;
    for (let i = 0; i < w; i++) if (missing[i]) idx.push(i);
    for (let a = 0; a < idx.length; a++) {
      const base = idx[a] * w;
      for (let b = a + 1; b < idx.length; b++) this.bothMissing[base + idx[b]]++;
    }
    for (let d = 0; d < w; d++) {
      const codes = this.codes[d];
      if (!codes || missing[d]) continue;
      const value = d < values.length ? values[d] : '';
      let k = codes.get(value);
      const condition = this.conditions[d]!;
      if (k === undefined) {
        if (codes.size === CONDITION_VALUE_CAP) {
          // Too many values to be a condition: stop counting for it and free its counts.
          this.codes[d] = undefined;
          this.conditions[d] = undefined;
          continue;
        }
        k = codes.size;
        codes.set(value, k);
        condition.values.push(value);
      }
      condition.rows[k]++;
      for (const c of idx) condition.missing[c * CONDITION_VALUE_CAP + k]++;
    }
  }

  /**
   * Adds `block`'s counts as if its rows had followed these (see ProfileBuilder.absorb).
   * A condition column is dropped at its CONDITION_VALUE_CAP + 1st distinct value, and a
   * dropped column keeps no counts, so a merge drops it exactly when the values of both
   * sides together are too many; otherwise the block's value codes are renumbered.
   */
  absorb(block: MissingnessSketcher): void {
    const w = this.width;
    for (let k = 0; k < this.bothMissing.length; k++) this.bothMissing[k] += block.bothMissing[k];
    for (let d = 0; d < w; d++) {
      const codes = this.codes[d];
      if (!codes) continue;
      const theirCodes = block.codes[d];
      const theirs = block.conditions[d];
      if (!theirCodes || !theirs) {
        this.codes[d] = undefined;
        this.conditions[d] = undefined;
        continue;
      }
      if (codes.size + newKeys(codes, theirs.values) > CONDITION_VALUE_CAP) {
        this.codes[d] = undefined;
        this.conditions[d] = undefined;
        continue;
      }
      const condition = this.conditions[d]!;
      theirs.values.forEach((value, theirK) => {
        let k = codes.get(value);
        if (k === undefined) {
          k = codes.size;
          codes.set(value, k);
          condition.values.push(value);
        }
        condition.rows[k] += theirs.rows[theirK];
        for (let c = 0; c < w; c++) condition.missing[c * CONDITION_VALUE_CAP + k] += theirs.missing[c * CONDITION_VALUE_CAP + theirK];
      });
    }
  }

  finish(): MissingnessSketch {
    return { width: this.width, bothMissing: this.bothMissing, conditions: this.conditions.map((c) => (c && c.values.length > 0 ? c : undefined)) };
  }
}

/** Rows where both columns are missing. */
export function bothMissing(sketch: MissingnessSketch, i: number, j: number): number {
  if (i === j) return -1;
  return i < j ? sketch.bothMissing[i * sketch.width + j] : sketch.bothMissing[j * sketch.width + i];
}
