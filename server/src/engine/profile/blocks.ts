// An edit changes a few rows of a large table, but its profile and the row scans that
// merge (RowScan.absorb) are sums over all rows. The rows of an open document are
// therefore profiled and scanned in blocks, kept with the analysis; after an edit, blocks
// whose rows are all unchanged are kept and only the rows between them are read again.
// Merging every block after every edit cost more than profiling the changed one (50
// blocks of diabetic_data.csv: 80 ms a keystroke), so blocks are merged in two levels:
// consecutive blocks into groups, kept like the blocks, and the groups into the profile.
// An edit re-merges the group it changed and then the groups. ProfileBuilder.absorb and
// the scans' absorb give exactly what one pass over all rows gives, at either level. A
// spliced table (table/reparse.ts) keeps the values arrays of the rows it did not re-read,
// so "unchanged" is identity.
import { SKETCH_COLUMN_LIMIT, CONDITION_VALUE_CAP } from './missingnessSketch';
import type { ParticipantIds } from './participantIds';
import type { ProfileBuilder, TableProfile } from './profile';
import type { RowScans } from '../rules/scanStates';

/** Rows profiled together (and between two yields) when the table is small enough; at least the consistency scan's sniff (1,000 rows), so the first block sniffs itself. */
export const BLOCK_ROWS = 1024;
/** Blocks merged into one group. */
export const GROUP_BLOCKS = 8;
/**
 * What the blocks' and groups' missingness sketches may hold together. A sketch costs
 * width² pair counts and per column CONDITION_VALUE_CAP × width counts; past this, blocks
 * get larger (and an edit re-profiles more rows) rather than memory growing with the rows.
 */
const SKETCH_BUDGET_BYTES = 64 * 1024 * 1024;

export interface ProfileBlock {
  /** The rows profiled, as the table holds them (compared by identity after an edit). */
  readonly sources: readonly (readonly string[])[];
  readonly builder: ProfileBuilder;
  /** The merging scans' states over these rows. */
  readonly scans?: RowScans;
  /** The 0-based lines of the first and last row when they were scanned (rows above may move them since). */
  readonly firstLine: number;
  readonly lastLine: number;
  /** Begun as the first block (ProfileSetup.scans): its scans sniffed and sampled as one pass does at the start, so it is kept only there. */
  readonly first: boolean;
}

/** Consecutive blocks and their merged builder and scans (the block's own when it is alone). */
export interface ProfileGroup {
  readonly blocks: readonly ProfileBlock[];
  readonly builder: ProfileBuilder;
  readonly scans?: RowScans;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly rows: number;
}

export interface ProfileBlocks {
  /** What the builders were set up with (ProfileSetup.key): blocks of another setup are not reused. */
  readonly key: string;
  readonly groups: readonly ProfileGroup[];
  /** Every group's blocks, in order. */
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
  /**
   * The scans merged by blocks, begun for some rows to be merged later (`block`: a block's
   * or a group's; `first` when they start at the first row, else `firstScans`, the first
   * block's, when known) or for the final merge; none when absent.
   */
  scans?(block: boolean, first?: boolean, firstScans?: RowScans): RowScans;
}

/** Rows per block for a table of `rows` rows and `width` columns, within the sketch budget. */
export function blockRows(rows: number, width: number): number {
  const sketchBytes = width <= SKETCH_COLUMN_LIMIT ? 4 * width * width * (1 + CONDITION_VALUE_CAP) : 0;
  // A group of several blocks holds one sketch more than its blocks.
  const perBlock = sketchBytes * (1 + 1 / GROUP_BLOCKS);
  const blocks = sketchBytes === 0 ? Infinity : Math.max(4, Math.floor(SKETCH_BUDGET_BYTES / perBlock));
  return Math.max(BLOCK_ROWS, Math.ceil(rows / blocks));
}

/** Rows and lines held by a block or group, as a span to compare with the current rows. */
interface Span {
  readonly firstLine: number;
  readonly lastLine: number;
}

/**
 * True when `block` profiled exactly rows[at .. at + its length), and those rows' lines
 * moved together (a blank line inserted between two of its rows moves some and not others).
 */
function holds(block: ProfileBlock, rows: readonly (readonly string[])[], lines: readonly number[], at: number): boolean {
  const { sources } = block;
  if (at < 0 || at + sources.length > rows.length || (block.first && at !== 0)) return false;
  for (let k = 0; k < sources.length; k++) if (sources[k] !== rows[at + k]) return false;
  return movedTogether(block, lines, at, at + sources.length);
}

function movedTogether(span: Span, lines: readonly number[], start: number, end: number): boolean {
  return end === start || lines[end - 1] - lines[start] === span.lastLine - span.firstLine;
}

/**
 * The profile of `rows` (the participant rows, in order), with the blocks and groups it was
 * merged from. Blocks of `previous` (the analysis before an edit) that hold unchanged rows
 * at the start and the end are reused, and so are its groups all of whose blocks are; the
 * rows between them are profiled anew, `size` rows to a block, and grouped `group` blocks
 * to a group. Yields after each block profiled and each group merged.
 */
export function* profileInBlocks(
  rows: readonly (readonly string[])[], lines: readonly number[], setup: ProfileSetup, previous: ProfileBlocks | undefined, width: number,
  size = blockRows(rows.length, width), group = GROUP_BLOCKS,
): Generator<void, { profile: TableProfile; scans?: RowScans; blocks: ProfileBlocks }> {
  const oldGroups = previous !== undefined && previous.key === setup.key ? previous.groups : [];
  const old = oldGroups.flatMap((g) => g.blocks);
  let head = 0;
  let from = 0;
  while (head < old.length && holds(old[head], rows, lines, from)) from += old[head++].sources.length;
  let tail = old.length;
  let to = rows.length;
  while (tail > head && to - old[tail - 1].sources.length >= from && holds(old[tail - 1], rows, lines, to - old[tail - 1].sources.length)) to -= old[--tail].sources.length;

  const fresh: ProfileBlock[] = [];
  // The first block's scans, kept or made first: later blocks and groups begin from what it settled.
  let firstScans = head > 0 ? old[0].scans : undefined;
  for (let start = from; start < to; start += size) {
    const end = Math.min(to, start + size);
    const builder = setup.builder();
    const scans = setup.scans?.(true, start === 0, firstScans);
    if (start === 0) firstScans = scans;
    for (let k = start; k < end; k++) {
      builder.addRow(setup.profiled(rows[k]));
      scans?.row(rows[k], lines[k]);
    }
    fresh.push({ sources: rows.slice(start, end), builder, scans, firstLine: lines[start], lastLine: lines[end - 1], first: start === 0 });
    yield;
  }

  // Groups of the old blocks kept at the start and the end, when their rows moved together.
  const keptHead: ProfileGroup[] = [];
  let headBlocks = 0;
  let headRows = 0;
  for (const g of oldGroups) {
    if (headBlocks + g.blocks.length > head || !movedTogether(g, lines, headRows, headRows + g.rows)) break;
    keptHead.push(g);
    headBlocks += g.blocks.length;
    headRows += g.rows;
  }
  const keptTail: ProfileGroup[] = [];
  let tailBlocks = 0;
  let tailRows = 0;
  for (let i = oldGroups.length - 1; i >= keptHead.length; i--) {
    const g = oldGroups[i];
    if (old.length - tailBlocks - g.blocks.length < tail || !movedTogether(g, lines, rows.length - tailRows - g.rows, rows.length - tailRows)) break;
    keptTail.unshift(g);
    tailBlocks += g.blocks.length;
    tailRows += g.rows;
  }
  const between = [...old.slice(headBlocks, head), ...fresh, ...old.slice(tail, old.length - tailBlocks)];
  const regrouped: ProfileGroup[] = [];
  let at = headRows;
  for (let k = 0; k < between.length; k += group) {
    const merged = mergeGroup(between.slice(k, k + group), rows, lines, at, setup, firstScans);
    regrouped.push(merged);
    at += merged.rows;
    if (merged.blocks.length > 1) yield;
  }

  const groups = [...keptHead, ...regrouped, ...keptTail];
  const builder = setup.builder();
  const scans = setup.scans?.(false);
  at = 0;
  for (const g of groups) {
    absorbInto(builder, scans, g, rows, lines, at, setup);
    at += g.rows;
    yield;
  }
  const blocks = groups.flatMap((g) => g.blocks);
  return { profile: builder.finish(), scans, blocks: { key: setup.key, groups, blocks, participantIds: setup.participantIds } };
}

/** Blocks that start at rows[at] merged into one group (a lone block is its own group). */
function mergeGroup(
  blocks: readonly ProfileBlock[], rows: readonly (readonly string[])[], lines: readonly number[], at: number, setup: ProfileSetup, firstScans: RowScans | undefined,
): ProfileGroup {
  const count = blocks.reduce((n, b) => n + b.sources.length, 0);
  // A lone block's states hold the lines of its rows when it was scanned; a merge's, those of now.
  if (blocks.length === 1) return { blocks, builder: blocks[0].builder, scans: blocks[0].scans, firstLine: blocks[0].firstLine, lastLine: blocks[0].lastLine, rows: count };
  const span = { firstLine: lines[at], lastLine: lines[at + count - 1], rows: count };
  const builder = setup.builder();
  const scans = setup.scans?.(true, at === 0, firstScans);
  let start = at;
  for (const block of blocks) {
    absorbInto(builder, scans, { ...block, rows: block.sources.length }, rows, lines, start, setup);
    start += block.sources.length;
  }
  return { blocks, builder, scans, ...span };
}

/** Adds what `part` (a block or group whose rows now start at rows[start]) counted. */
function absorbInto(
  builder: ProfileBuilder, scans: RowScans | undefined, part: Span & { builder: ProfileBuilder; scans?: RowScans; rows: number },
  rows: readonly (readonly string[])[], lines: readonly number[], start: number, setup: ProfileSetup,
): void {
  const end = start + part.rows;
  // Each column whose distinct values reach their cap in the part replays its rows: map them once.
  let replayed: readonly (readonly string[])[] | undefined;
  builder.absorb(part.builder, () => (replayed ??= rows.slice(start, end).map(setup.profiled)));
  if (scans && part.scans) scans.absorb(part.scans, lines[start] - part.firstLine, () => withLines(rows, lines, start, end));
}

function* withLines(rows: readonly (readonly string[])[], lines: readonly number[], start: number, end: number): Generator<[readonly string[], number]> {
  for (let k = start; k < end; k++) yield [rows[k], lines[k]];
}
