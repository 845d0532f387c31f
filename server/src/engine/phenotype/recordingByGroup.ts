// Whether a column is recorded differently by group or site: the group × class table
// (class = code system, date format, unit cluster or spelling style of each value) and a
// test of independence on it. The test is called in one place (independenceTest) so it
// can become an exact or Monte Carlo test for sparse tables without touching the rule.
import type { ChiSquareResult } from '../stats';
import type { ConsistencyState, ColumnTally, Grouping } from './consistencyScan';
import { chiSquareIndependence } from './independence';

/** The test wants every expected count to be at least 5 (as for missingness). */
export const MIN_EXPECTED = 5;
/** Smallest difference in a class's share between two groups worth reporting. */
export const MIN_SHARE_DIFFERENCE = 0.1;

export interface GroupRecording {
  group: string;
  rows: number;
  /** Rows per class, in the order of RecordingTable.classes. */
  counts: number[];
}

export interface RecordingTable {
  column: string;
  columnIndex: number;
  grouping: string;
  groupingIndex: number;
  kind: Grouping['kind'];
  classes: string[];
  /** Groups with at least minGroupRows classified rows. */
  groups: GroupRecording[];
  /** Groups left out for having fewer rows. */
  small: { group: string; rows: number }[];
  minGroupRows: number;
  test?: ChiSquareResult;
  /** The class whose share differs most between groups, with the groups at either end. */
  spread?: { class: string; high: GroupRecording; low: GroupRecording; difference: number };
}

/** The one place the test of independence is chosen. */
export function independenceTest(table: number[][]): ChiSquareResult | undefined {
  return chiSquareIndependence(table);
}

function share(g: GroupRecording, c: number): number {
  return g.rows > 0 ? g.counts[c] / g.rows : 0;
}

/**
 * The table for one column and grouping, with classes from `classify` (scan class key →
 * class, undefined to leave the value out). Undefined when fewer than two classes or two
 * large groups remain.
 */
export function recordingTable(
  state: ConsistencyState, tally: ColumnTally, g: number, classify: (key: string) => string | undefined, minGroupRows: number,
): RecordingTable | undefined {
  const grouping = state.groupings[g];
  const byGroup = tally.byGroup[g];
  if (grouping.dropped || !byGroup) return undefined;
  const classIndex = new Map<string, number>();
  const perGroup: { group: string; counts: Map<string, number> }[] = [];
  byGroup.forEach((row, id) => {
    const counts = new Map<string, number>();
    for (const [key, n] of row) {
      const c = classify(key);
      if (c === undefined) continue;
      if (!classIndex.has(c)) classIndex.set(c, classIndex.size);
      counts.set(c, (counts.get(c) ?? 0) + n);
    }
    perGroup.push({ group: grouping.groups[id], counts });
  });
  const classes = [...classIndex.keys()];
  const all = perGroup.map(({ group, counts }) => {
    const row = classes.map((c) => counts.get(c) ?? 0);
    return { group, counts: row, rows: row.reduce((a, b) => a + b, 0) };
  }).filter((r) => r.rows > 0);
  const groups = all.filter((r) => r.rows >= minGroupRows);
  const small = all.filter((r) => r.rows < minGroupRows).map(({ group, rows }) => ({ group, rows }));
  if (classes.length < 2 || groups.length < 2) return undefined;
  // Classes no large group has leave the table (their column would sum to zero).
  const kept = classes.map((_, c) => groups.some((r) => r.counts[c] > 0));
  const keptClasses = classes.filter((_, c) => kept[c]);
  const keptGroups = groups.map((r) => ({ ...r, counts: r.counts.filter((_, c) => kept[c]) }));
  const base = { column: tally.name, columnIndex: tally.index, grouping: grouping.name, groupingIndex: grouping.index, kind: grouping.kind, classes: keptClasses, groups: keptGroups, small, minGroupRows };
  if (keptClasses.length < 2) return base;
  let spread: RecordingTable['spread'];
  keptClasses.forEach((cls, c) => {
    const sorted = [...keptGroups].sort((a, b) => share(b, c) - share(a, c));
    const difference = share(sorted[0], c) - share(sorted[sorted.length - 1], c);
    if (!spread || difference > spread.difference) spread = { class: cls, high: sorted[0], low: sorted[sorted.length - 1], difference };
  });
  return { ...base, test: independenceTest(keptGroups.map((r) => r.counts)), spread };
}
