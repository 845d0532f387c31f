// The outcome assessment a dataset's rules and hover read: groupings (each group column,
// and intersections of two), each group's confusion matrix, rates with intervals and
// calibration. Computed once per analysis from the row scan's tallies.
import type { AncestryAssessment } from '../ancestry/assess';
import type { OutcomeColumns } from './columns';
import { calibrationGap, decileCounts, decileMap, expectedCalibrationError, type CalibrationTest, type GroupCalibration } from './calibration';
import { ratesOf, type Confusion, type Rates } from './metrics';
import { NO_GROUP, type OutcomeScanState, type Tally } from './scan';
import type { ScoreCounts } from './scoreHistogram';

export interface GroupOutcome {
  group: string;
  /** The group's value in each of the grouping's columns. */
  parts: string[];
  labelled: number;
  labelPositive: number;
  confusion: Confusion;
  rates: Rates;
  /** Rows the verdicts rest on: the confusion matrix's n with a model output, else labelled rows. */
  size: number;
  small: boolean;
  calibration?: GroupCalibration;
}

export interface Grouping {
  columns: string[];
  columnIndices: number[];
  groups: GroupOutcome[];
  /** Groups with at least minGroupSize rows, largest first. */
  judged: GroupOutcome[];
  small: GroupOutcome[];
  /** Labelled rows without a value in one of the grouping's columns. */
  rowsWithoutGroup: number;
  calibrationTest?: CalibrationTest;
}

export interface OutcomeAssessment {
  state: OutcomeScanState;
  columns: OutcomeColumns;
  groupings: Grouping[];
  minGroupSize: number;
  /** ECE is computed: every score is in [0, 1]. */
  scoresAreProbabilities: boolean;
}

interface Accumulator { parts: string[]; labelled: number; labelPositive: number; confusion: Confusion; ece: Float64Array; scores: ScoreCounts }

function canonicalNames(ancestry: readonly AncestryAssessment[], columnIndex: number): Map<string, string> {
  const names = new Map<string, string>();
  const a = ancestry.find((x) => x.columnIndex === columnIndex);
  for (const g of a?.groups ?? []) for (const raw of g.values.keys()) names.set(raw.trim(), g.group);
  return names;
}

function accumulate(target: Accumulator, t: Tally): void {
  target.labelled += t.labelled;
  target.labelPositive += t.labelPositive;
  target.confusion.tp += t.tp; target.confusion.fp += t.fp; target.confusion.tn += t.tn; target.confusion.fn += t.fn;
  for (let i = 0; i < t.ece.length; i++) target.ece[i] += t.ece[i];
  for (const [score, [n, p]] of t.scores) {
    const cell = target.scores.get(score);
    if (cell) { cell[0] += n; cell[1] += p; } else target.scores.set(score, [n, p]);
  }
}

function newAccumulator(parts: string[]): Accumulator {
  return { parts, labelled: 0, labelPositive: 0, confusion: { tp: 0, fp: 0, tn: 0, fn: 0 }, ece: new Float64Array(30), scores: new Map() };
}

/** Sums tallies by the canonical names at `positions` (indices into the group columns). */
function groupBy(state: OutcomeScanState, positions: number[], names: Map<string, string>[]): { groups: Map<string, Accumulator>; without: number } {
  const groups = new Map<string, Accumulator>();
  let without = 0;
  for (const t of state.tallies.values()) {
    const raw = positions.map((p) => t.values[p]);
    if (raw.some((v) => v === NO_GROUP)) { without += t.labelled; continue; }
    const parts = raw.map((v, i) => names[positions[i]].get(v) ?? v);
    const key = parts.join(' × ');
    if (!groups.has(key)) groups.set(key, newAccumulator(parts));
    accumulate(groups.get(key)!, t);
  }
  return { groups, without };
}

/** One column's groups nest in the other's (1000 Genomes pop in super_pop): the intersection adds nothing. */
function nested(state: OutcomeScanState, i: number, j: number): boolean {
  const pairs = new Set<string>();
  const a = new Set<string>();
  const b = new Set<string>();
  for (const t of state.tallies.values()) {
    if (t.values[i] === NO_GROUP || t.values[j] === NO_GROUP) continue;
    pairs.add(`${t.values[i]}\u0001${t.values[j]}`);
    a.add(t.values[i]);
    b.add(t.values[j]);
  }
  return pairs.size === a.size || pairs.size === b.size;
}

function toGroup(acc: Accumulator, hasOutput: boolean, minGroupSize: number): GroupOutcome {
  const rates = ratesOf(acc.confusion);
  const size = hasOutput ? rates.n : acc.labelled;
  return { group: acc.parts.join(' × '), parts: acc.parts, labelled: acc.labelled, labelPositive: acc.labelPositive, confusion: acc.confusion, rates, size, small: size < minGroupSize };
}

const cache = new WeakMap<OutcomeScanState, OutcomeAssessment>();

export function assessOutcome(state: OutcomeScanState, ancestry: readonly AncestryAssessment[]): OutcomeAssessment {
  const cached = cache.get(state);
  if (cached) return cached;
  const { columns } = state;
  const minGroupSize = columns.outcome.minGroupSize;
  const names = columns.groupIndices.map((i) => canonicalNames(ancestry, i));
  const scoresAreProbabilities = columns.usesScore && state.scoreNumeric > 0 && !state.scoreOutsideUnit;
  const pooled: ScoreCounts = new Map();
  for (const t of state.tallies.values()) for (const [s, [n, p]] of t.scores) {
    const cell = pooled.get(s);
    if (cell) { cell[0] += n; cell[1] += p; } else pooled.set(s, [n, p]);
  }
  const deciles = pooled.size > 0 ? decileMap(pooled) : undefined;

  const build = (positions: number[], keep?: (parts: string[]) => boolean): Grouping => {
    const { groups, without } = groupBy(state, positions, names);
    const accs = [...groups.values()].filter((acc) => !keep || keep(acc.parts));
    const all = accs.map((acc) => {
      const g = toGroup(acc, columns.hasOutput, minGroupSize);
      if (deciles) g.calibration = { deciles: decileCounts(acc.scores, deciles), ece: scoresAreProbabilities ? expectedCalibrationError(acc.ece) : undefined };
      return g;
    }).sort((x, y) => y.size - x.size || x.group.localeCompare(y.group));
    const judged = all.filter((g) => !g.small);
    const grouping: Grouping = {
      columns: positions.map((p) => columns.groupNames[p]), columnIndices: positions.map((p) => columns.groupIndices[p]),
      groups: all, judged, small: all.filter((g) => g.small), rowsWithoutGroup: without,
    };
    if (deciles && judged.length >= 2) {
      const { offsets, test } = calibrationGap(judged.map((g) => g.calibration!.deciles));
      judged.forEach((g, i) => { g.calibration!.offset = offsets[i]; });
      grouping.calibrationTest = test;
    }
    return grouping;
  };

  const groupings: Grouping[] = columns.groupIndices.map((_, p) => build([p]));
  for (let i = 0; i < columns.groupIndices.length; i++) {
    for (let j = i + 1; j < columns.groupIndices.length; j++) {
      if (nested(state, i, j)) continue;
      const bigI = new Set(groupings[i].judged.map((g) => g.group));
      const bigJ = new Set(groupings[j].judged.map((g) => g.group));
      // Intersections only of groups that both reach minGroupSize; the others are already reported small.
      const grouping = build([i, j], (parts) => bigI.has(parts[0]) && bigJ.has(parts[1]));
      if (grouping.groups.length > 0) groupings.push(grouping);
    }
  }
  const assessment = { state, columns, groupings, minGroupSize, scoresAreProbabilities };
  cache.set(state, assessment);
  return assessment;
}
