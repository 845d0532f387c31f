// An edit changes a few rows of a large table, but its profile and the row scans that
// merge (RowScan.absorb) are sums over all rows. The rows of an open document are
// therefore profiled and scanned in blocks, kept with the analysis; after an edit, blocks
// whose rows are all unchanged are kept and only the rows between them are read again,
// then every block is merged in order (ProfileBuilder.absorb and the scans' absorb give
// exactly what one pass over all rows gives). A spliced table (table/reparse.ts) keeps
// the values arrays of the rows it did not re-read, so "unchanged" is identity.
import { SKETCH_COLUMN_LIMIT, CONDITION_VALUE_CAP } from './missingnessSketch';
import type { ParticipantIds } from './participantIds';
import type { ProfileBuilder, TableProfile } from './profile';
import type { RowScans } from '../rules/scanStates';

/** Rows profiled together (and between two yields) when the table is small enough. */
export const BLOCK_ROWS = 2048;
/**
 * What the blocks' missingness sketches may hold together. A sketch costs width² pair
 * counts and per column CONDITION_VALUE_CAP × width counts; past this, blocks get larger
 * (and an edit re-profiles more rows) rather than memory growing with the rows.
 */
const SKETCH_BUDGET_BYTES = 64 * 1024 * 1024;

export interface ProfileBlock {
  /** The rows profiled, as the table holds them (compared by identity after an edit). */
  readonly sources: readonly (readonly string[])[];
  readonly builder: ProfileBuilder;
  /** The merging scans' states over these rows. */
  readonly scans?: RowScans;
  /** The 0-based line of the block's first row when it was scanned (rows above may move it since). */
  readonly firstLine: number;
}

export interface ProfileBlocks {
  /** What the builders were set up with (ProfileSetup.key): blocks of another setup are not reused. */
  readonly key: string;
  readonly blocks: readonly ProfileBlock[];
  /** The id numbers the blocks' builders and scans used: the next version's setup numbers with them too. */
  readonly participantIds?: ParticipantIds;
}

export interface ProfileSetup {
  /**
   * Identifies everything a builder's counts and the merging scans' states depend on
   * besides the rows (the dataset's: its header, policy and schema). Read only when blocks
   * are compared or kept.
   */
  readonly key: string;
  /** The id numbers its builders and merging scans share (from the previous version's blocks, when there were any). */
  readonly participantIds?: ParticipantIds;
  /** An empty builder for this setup. */
  builder(): ProfileBuilder;
  /** The row as the builder reads it (a derived ancestry column appended, when there is one). */
  profiled(values: readonly string[]): readonly string[];
  /** The scans merged by blocks, begun for one block (`block`, `first` when it starts at the first row) or for the merge; none when absent. */
  scans?(block: boolean, first?: boolean): RowScans;
}

/** Rows per block for a table of `rows` rows and `width` columns, within the sketch budget. */
export function blockRows(rows: number, width: number): number {
  const sketchBytes = width <= SKETCH_COLUMN_LIMIT ? 4 * width * width * (1 + CONDITION_VALUE_CAP) : 0;
  const blocks = sketchBytes === 0 ? Infinity : Math.max(4, Math.floor(SKETCH_BUDGET_BYTES / sketchBytes));
  return Math.max(BLOCK_ROWS, Math.ceil(rows / blocks));
}

/** True when `block` profiled exactly rows[at .. at + its length). */
function holds(block: ProfileBlock, rows: readonly (readonly string[])[], at: number): boolean {
  const { sources } = block;
  if (at < 0 || at + sources.length > rows.length) return false;
  for (let k = 0; k < sources.length; k++) if (sources[k] !== rows[at + k]) return false;
  return true;
}

/**
 * The profile of `rows` (the participant rows, in order), with the blocks it was merged
 * from. Blocks of `previous` (the analysis before an edit) that hold unchanged rows at the
 * start and the end are reused; the rows between them are profiled anew, `size` rows to
 * a block. Yields after each block profiled or merged.
 */
export function* profileInBlocks(
  rows: readonly (readonly string[])[], lines: readonly number[], setup: ProfileSetup, previous: ProfileBlocks | undefined, width: number,
  size = blockRows(rows.length, width),
): Generator<void, { profile: TableProfile; scans?: RowScans; blocks: ProfileBlocks }> {
  const old = previous !== undefined && previous.key === setup.key ? previous.blocks : [];
  let head = 0;
  let from = 0;
  while (head < old.length && holds(old[head], rows, from)) from += old[head++].sources.length;
  let tail = old.length;
  let to = rows.length;
  while (tail > head && holds(old[tail - 1], rows, to - old[tail - 1].sources.length) && to - old[tail - 1].sources.length >= from) to -= old[--tail].sources.length;

  const fresh: ProfileBlock[] = [];
  for (let start = from; start < to; start += size) {
    const end = Math.min(to, start + size);
    const sources = rows.slice(start, end);
    const builder = setup.builder();
    const scans = setup.scans?.(true, start === 0);
    for (let k = start; k < end; k++) {
      builder.addRow(setup.profiled(rows[k]));
      scans?.row(rows[k], lines[k]);
    }
    fresh.push({ sources, builder, scans, firstLine: lines[start] });
    yield;
  }
  const blocks = [...old.slice(0, head), ...fresh, ...old.slice(tail)];
  const merged = setup.builder();
  const scans = setup.scans?.(false);
  let at = 0;
  for (const block of blocks) {
    const start = at;
    // Each column whose distinct values reach their cap in the block replays its rows: map them once.
    let replayed: readonly (readonly string[])[] | undefined;
    merged.absorb(block.builder, () => (replayed ??= block.sources.map(setup.profiled)));
    if (scans && block.scans) scans.absorb(block.scans, lines[start] - block.firstLine, () => withLines(block.sources, lines, start));
    at += block.sources.length;
    yield;
  }
  return { profile: merged.finish(), scans, blocks: { key: setup.key, blocks, participantIds: setup.participantIds } };
}

function* withLines(sources: readonly (readonly string[])[], lines: readonly number[], start: number): Generator<[readonly string[], number]> {
  for (let k = 0; k < sources.length; k++) yield [sources[k], lines[start + k]];
}
