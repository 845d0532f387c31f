// Merging the privacy scan's state of a block of rows into the state of the rows before
// it (RowScan.absorb), exactly as if the block's rows had been scanned after them: the
// evidence per column, the quasi-identifier classes (first seen kept up to the cap, later
// new ones only tallied) and the ancestry cross-tabulations, whose levels are numbered by
// first appearance and whose tables go when a side has too many levels.
import { newKeys } from '../counts';
import { ColumnEvidence } from './evidence';
import { MAX_CLASSES, MAX_LEVELS, tallyClass, type PrivacyScanState } from './scan';

export function absorbPrivacy(into: PrivacyScanState, block: PrivacyScanState, rows: () => Iterable<[readonly string[], number]>): void {
  if (block.rows === 0) return;
  const before = into.rows;
  if (before === 0) into.evidence = into.counts.map((count) => new ColumnEvidence(count, into.deferSample));
  into.rows += block.rows;
  into.evidence.forEach((evidence, i) => evidence.absorb(block.evidence[i], function* () {
    for (const [values] of rows()) yield values[i] ?? '';
  }));
  absorbClasses(into, block, before, rows);
  absorbTables(into, block);
}

function absorbClasses(into: PrivacyScanState, block: PrivacyScanState, before: number, rows: () => Iterable<[readonly string[], number]>): void {
  // Rows the block left uncounted (its classes full) may belong to classes seen before it: count them again.
  if (block.uncountedRows > 0 && before > 0) {
    for (const [values] of rows()) tallyClass(into, values);
    return;
  }
  for (const [key, n] of block.classes) {
    const seen = into.classes.get(key);
    if (seen !== undefined) into.classes.set(key, seen + n);
    else if (into.classes.size < MAX_CLASSES) into.classes.set(key, n);
    else into.uncountedRows += n;
  }
  into.uncountedRows += block.uncountedRows;
}

function absorbTables(into: PrivacyScanState, block: PrivacyScanState): void {
  // Each side's block levels renumbered into this side's, or the side dropped when together they are too many.
  const renumbered = new Map<number, Int32Array>();
  for (const [column, levels] of into.levels) {
    if (!levels) continue;
    const theirs = block.levels.get(column);
    if (!theirs || levels.index.size + newKeys(levels.index, theirs.index.keys()) > levels.cap) {
      into.levels.set(column, undefined);
      into.tables = into.tables.filter((t) => t.ancestry !== column && t.column !== column);
      continue;
    }
    const codes = new Int32Array(theirs.index.size);
    for (const [v, theirLevel] of theirs.index) {
      let level = levels.index.get(v);
      if (level === undefined) levels.index.set(v, (level = levels.index.size));
      codes[theirLevel] = level;
    }
    renumbered.set(column, codes);
  }
  for (const table of into.tables) {
    const theirs = block.tables.find((t) => t.ancestry === table.ancestry && t.column === table.column)!;
    const groups = renumbered.get(table.ancestry)!;
    const levels = renumbered.get(table.column)!;
    for (let g = 0; g < groups.length; g++) {
      for (let l = 0; l < levels.length; l++) {
        const n = theirs.counts[g * MAX_LEVELS + l];
        if (n > 0) table.counts[groups[g] * MAX_LEVELS + levels[l]] += n;
      }
    }
  }
}
