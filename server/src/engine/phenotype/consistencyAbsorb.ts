// Merging the recording-consistency scan's state of a block of rows into the state of
// the rows before it (RowScan.absorb), exactly as if the block's rows had been scanned
// after them. Counts add; maps keep first-seen order; line lists keep the first
// LINES_KEPT, moved by the rows inserted or deleted above the block. Where one pass
// depends on where in the block something happened, the block's rows are replayed
// instead: the SNIFF_ROWS-th row (columns with nothing to find stop being scanned there),
// a grouping passing MAX_GROUPS groups (its later rows are not cross-tabulated), a
// code's shapes list that was full in the block while a shape of the rows before is not
// in it (that shape's count in the block is unknown), and columns the block skipped (its
// first block dropped them) that are still scanned here.
import { addCounts, newKeys } from '../counts';
import {
  consistencyRow, prepare, tallyFor, LINES_KEPT, MAX_CLASSES, MAX_GROUPS, MEMO_LIMIT, SHAPES_KEPT, SNIFF_ROWS,
  type ColumnTally, type ConsistencyState,
} from './consistencyScan';

export function absorbConsistency(into: ConsistencyState, block: ConsistencyState, lineShift: number, rows: () => Iterable<[readonly string[], number]>): void {
  if (block.rows === 0) return;
  if (mustReplay(into, block)) {
    for (const [values, line] of rows()) consistencyRow(into, values, line);
    return;
  }
  if (into.rows === 0) prepare(into);
  // Before the sniff, the memo's values decide which columns go on being scanned: keep it exact.
  const memo = into.rows < SNIFF_ROWS;
  into.rows += block.rows;
  const groupIds = into.groupings.map((grouping, g) => {
    const theirs = block.groupings[g];
    if (grouping.dropped) return undefined;
    const ids = theirs.groups.map((value) => {
      let id = grouping.ids.get(value);
      if (id === undefined) {
        id = grouping.groups.length;
        grouping.ids.set(value, id);
        grouping.groups.push(value);
      }
      return id;
    });
    // Only a block merged into nothing gets here with a dropped grouping (mustReplay).
    if (theirs.dropped) grouping.dropped = true;
    return ids;
  });
  block.columns.forEach((theirs, i) => {
    // A column this state skips has no counts to add to (mustReplay saw to the block's).
    if (!theirs || into.skipped?.[i] === 1) return;
    const column = into.columns[i] ?? tallyFor(into, i);
    if (column.dropped) return;
    absorbColumn(column, theirs, lineShift, groupIds, memo);
  });
}

function mustReplay(into: ConsistencyState, block: ConsistencyState): boolean {
  // A block begun as the first sniffed itself; any other merged where the sniff falls,
  // unless what it is merged into defers its sniff too (a group of later blocks).
  if (block.deferSniff && !into.deferSniff && into.rows < SNIFF_ROWS && into.rows + block.rows >= SNIFF_ROWS) return true;
  // Columns the block skipped (its first block's sniff dropped them) are needed unless this state skips or dropped them too.
  if (block.skipped) {
    for (let i = 0; i < block.skipped.length; i++) {
      if (block.skipped[i] === 1 && into.skipped?.[i] !== 1 && !into.columns[i]?.dropped) return true;
    }
  }
  if (into.rows === 0) return false;
  for (let g = 0; g < into.groupings.length; g++) {
    const mine = into.groupings[g];
    const theirs = block.groupings[g];
    if (mine.dropped) continue;
    if (theirs.dropped) return true;
    if (mine.groups.length + newKeys(mine.ids, theirs.groups) > MAX_GROUPS) return true;
  }
  for (let i = 0; i < block.columns.length; i++) {
    const theirs = block.columns[i];
    const mine = into.columns[i];
    if (!theirs || !mine || mine.dropped) continue;
    for (const [key, tally] of theirs.codes) {
      const known = mine.codes.get(key);
      if (known && tally.shapes.size >= SHAPES_KEPT && [...known.shapes.keys()].some((shape) => !tally.shapes.has(shape))) return true;
    }
  }
  return false;
}

function absorbColumn(column: ColumnTally, theirs: ColumnTally, lineShift: number, groupIds: (number[] | undefined)[], memo: boolean): void {
  column.nonMissing += theirs.nonMissing;
  for (const [key, tally] of theirs.codes) {
    let mine = column.codes.get(key);
    if (!mine) column.codes.set(key, (mine = { candidates: tally.candidates, plainNumber: tally.plainNumber, count: 0, shapes: new Map() }));
    mine.count += tally.count;
    for (const [shape, n] of tally.shapes) {
      const seen = mine.shapes.get(shape);
      if (seen !== undefined) mine.shapes.set(shape, seen + n);
      else if (mine.shapes.size < SHAPES_KEPT) mine.shapes.set(shape, n);
    }
  }
  column.codeLike += theirs.codeLike;
  addCounts(column.checkFailed, theirs.checkFailed);
  addCounts(column.dates, theirs.dates);
  column.dateLike += theirs.dateLike;
  column.numbers += theirs.numbers;
  column.bands += theirs.bands;
  addCounts(column.histogram, theirs.histogram);
  addCounts(column.unitsInValues, theirs.unitsInValues);
  for (const [key, tally] of theirs.outside) {
    let mine = column.outside.get(key);
    if (!mine) column.outside.set(key, (mine = { below: 0, above: 0, zeros: 0, lines: [] }));
    mine.below += tally.below;
    mine.above += tally.above;
    mine.zeros += tally.zeros;
    for (const line of tally.lines) if (mine.lines.length < LINES_KEPT) mine.lines.push(line + lineShift);
  }
  if (memo) for (const [value, facts] of theirs.memo) if (!column.memo.has(value) && column.memo.size < MEMO_LIMIT) column.memo.set(value, facts);
  // Only the first block sniffs itself (and is merged into nothing): its drops carry over.
  if (theirs.dropped) column.dropped = true;
  theirs.byGroup.forEach((table, g) => {
    const mine = column.byGroup[g];
    const ids = groupIds[g];
    if (!mine || !ids) return;
    if (!table) {
      column.byGroup[g] = undefined;
      return;
    }
    for (let h = 0; h < table.length; h++) {
      const row = table[h];
      if (!row) continue;
      const into = (mine[ids[h]] ??= new Map());
      // A group row with more classes than MAX_CLASSES drops the column's table for the grouping.
      if (into.size + newKeys(into, row.keys()) > MAX_CLASSES) {
        column.byGroup[g] = undefined;
        return;
      }
      addCounts(into, row);
    }
  });
}
