// Shared by the outcome rules and the hover: the assessment for a dataset, how a rate and
// its interval are written, where a finding sits, and what `data` carries per group.
import type { AncestryAssessment } from '../../ancestry/assess';
import { count, percent, pValue, statistic } from '../../format';
import { rawCodesSentence, unmappedGroupsOf } from '../../phenotype/rawCodes';
import { labelText } from '../../privacy/shownLabel';
import { assessOutcome, type GroupOutcome, type Grouping, type OutcomeAssessment } from '../../outcome/assess';
import type { Share } from '../../outcome/metrics';
import { outcomeScan, type OutcomeScanState } from '../../outcome/scan';
import type { ChiSquareResult } from '../../stats';
import type { Range } from '../../types';
import { placed, type DatasetContext, type MessageTypes, type RawFindingOf, type ScanStates, type Unplaced } from '../rule';

/** Rows whose label is positive, over the whole dataset. */
export function labelPositives(state: OutcomeScanState): number {
  let positives = 0;
  for (const t of state.tallies.values()) positives += t.labelPositive;
  return positives;
}

/** The rule whose row scan feeds every outcome rule. */
export const OUTCOME_SCAN_RULE = 'outcome-label-imbalance';
/** Significance level of the chi-square tests behind the outcome verdicts. */
export const ALPHA = 0.05;

/** Expected counts below this make the chi-square approximation unreliable: no verdict rests on such a test. */
export const MIN_EXPECTED = 5;

/**
 * The per-test threshold: ALPHA over every test the rule applies in the file (Bonferroni),
 * so one groupings-rich policy (race, sex and race × sex) does not multiply false alarms.
 */
export function thresholdFor(a: OutcomeAssessment, testsPerGrouping = 1): { alpha: number; tests: number; threshold: number } {
  const tests = Math.max(1, a.groupings.length * testsPerGrouping);
  return { alpha: ALPHA, tests, threshold: ALPHA / tests };
}

export function thresholdText(t: { alpha: number; tests: number; threshold: number }): string {
  return t.tests === 1 ? `p < ${t.alpha}` : `Bonferroni threshold ${t.alpha}/${t.tests} = ${Number(t.threshold.toPrecision(3))}`;
}

/** A test that holds (every expected count at least 5) and is significant at `threshold`. */
export function significant(test: ChiSquareResult | undefined, threshold: number): test is ChiSquareResult {
  return test !== undefined && test.minExpected >= MIN_EXPECTED && test.pValue < threshold;
}

export function outcomeState(scans: ScanStates): OutcomeScanState | undefined {
  return scans.get(outcomeScan) ?? undefined;
}

/** One assessment per scan state (that is, per analysis), shared by the rules, the hover and the report. */
const assessed = new WeakMap<OutcomeScanState, OutcomeAssessment>();

/** The assessment, or undefined when the analysis does not apply or cannot run (config-invalid says why). */
export function outcomeOf(context: Pick<DatasetContext, 'scans' | 'ancestry'>): OutcomeAssessment | undefined {
  const state = outcomeState(context.scans);
  if (!state || !state.columns.usable || state.tooManyTuples) return undefined;
  let assessment = assessed.get(state);
  if (!assessment) {
    assessment = assessOutcome(state, context.ancestry);
    assessed.set(state, assessment);
  }
  return assessment;
}

/** "38.0% (120 of 316; 95% CI 32.8–43.4%)". */
export function shareText(s: Share): string {
  if (s.value === undefined) return `undefined (0 rows)`;
  return `${percent(s.value)} (${count(s.count)} of ${count(s.of)}; 95% CI ${percent(s.low!)}–${percent(s.high!)})`;
}

export function groupingName(g: Grouping): string {
  return g.columns.map((c) => `"${c}"`).join(' × ');
}

/**
 * Per column of the grouping, the groups that are raw codes of an ancestry column whose
 * labels are unmapped (ancestry-representation-unchecked): NHANES race codes without the
 * codebook. Empty sets for mapped ancestry columns and for other columns (sex).
 */
export type UnmappedCodes = readonly ReadonlySet<string>[];

export function unmappedCodes(ancestry: readonly AncestryAssessment[], g: Grouping): UnmappedCodes {
  return g.columnIndices.map((i) => unmappedGroupsOf(ancestry, i));
}

/** True when a group compared is, in one of its columns, an unmapped raw code. */
export function hasUnmapped(g: Grouping, codes: UnmappedCodes): boolean {
  return g.groups.some((x) => !x.small && x.parts.some((p, i) => codes[i]?.has(p)));
}

/** For the detail: `group "6.0" (unmapped code)`, `group "6.0" (unmapped code) × F`, or the group as named. */
export function groupLabel(x: GroupOutcome, codes: UnmappedCodes = []): string {
  if (!x.parts.some((p, i) => codes[i]?.has(p))) return x.group;
  return `group ${x.parts.map((p, i) => (codes[i]?.has(p) ? `"${labelText(p)}" (unmapped code)` : p)).join(' × ')}`;
}

/** For the verdict: the group as named, or `code "6.0"` (`code "6.0" × F`) for an unmapped code. */
export function verdictLabel(x: GroupOutcome, codes: UnmappedCodes = []): string {
  if (!x.parts.some((p, i) => codes[i]?.has(p))) return x.group;
  return x.parts.map((p, i) => (codes[i]?.has(p) ? `code "${labelText(p)}"` : p)).join(' × ');
}

/** The verdict's tail with "unmapped codes" first when the groups are raw codes: ` (unmapped codes; ratio 0.29)`. */
export function tailWith(tail: string, unmapped: boolean): string {
  if (!unmapped) return tail;
  const inner = /^ \((.*)\)$/.exec(tail);
  return inner ? ` (unmapped codes; ${inner[1]})` : ` (unmapped codes)${tail}`;
}

/** The detail's sentence on unmapped codes, or nothing. */
export function unmappedText(a: OutcomeAssessment, g: Grouping, codes: UnmappedCodes): string {
  if (!hasUnmapped(g, codes)) return '';
  const column = g.columns.find((_, i) => codes[i]?.size);
  return rawCodesSentence(column ?? g.columns[0]);
}

export function smallText(g: Grouping, minGroupSize: number, codes: UnmappedCodes = []): string {
  if (g.small.length === 0) return '';
  return ` Too small to judge (fewer than ${count(minGroupSize)} rows, outcome.minGroupSize): ${g.small.map((s) => `${groupLabel(s, codes)} (${count(s.size)})`).join(', ')}.`;
}

export function testText(t: Pick<ChiSquareResult, 'statistic' | 'df' | 'pValue'>): string {
  return `chi-square test χ² = ${statistic(t.statistic)}, df = ${t.df}, p ${t.pValue < 1e-15 ? pValue(t.pValue) : `= ${pValue(t.pValue)}`}`;
}

/** About the length of a Problems-panel row, which a verdict should not pass. */
export const VERDICT_BUDGET = 120;

/** The verdict with its optional tail (a ratio, a count of other rates) when both fit one row. */
export function verdictWith(text: string, tail: string): string {
  return text.length + tail.length <= VERDICT_BUDGET ? text + tail : text;
}

/** Cohort rows left out because they have no prediction row (outcome.predictions). */
export function unmatchedText(a: OutcomeAssessment): string {
  const { unmatched } = a.state;
  const file = a.columns.predictions?.name;
  return unmatched > 0 && file ? ` ${count(unmatched)} labelled rows have no row in "${file}" and are left out.` : '';
}

/** The model output's header cell when it is in this table, else the label's. */
export type Alpha = ReturnType<typeof thresholdFor>;

/**
 * What the model-output rules share: the assessment (when the rule `applies` to its
 * columns), the per-test threshold over every grouping, and one finding per grouping that
 * `judge` reports, on `where` (by default the model output's header cell).
 */
export function groupingFindings<M extends MessageTypes>(
  context: Pick<DatasetContext, 'scans' | 'ancestry' | 'headerCell'>,
  options: { applies: (a: OutcomeAssessment) => boolean; testsPerGrouping?: number; where?: (a: OutcomeAssessment) => Range },
  judge: (g: Grouping, a: OutcomeAssessment, alpha: Alpha) => Unplaced<RawFindingOf<M>> | undefined,
): RawFindingOf<M>[] {
  const a = outcomeOf(context);
  if (!a || !options.applies(a)) return [];
  const alpha = thresholdFor(a, options.testsPerGrouping);
  const range = options.where ? options.where(a) : outputCell(context, a);
  return a.groupings.flatMap((g) => {
    const found = judge(g, a, alpha);
    return found ? [placed<RawFindingOf<M>>(range, found)] : [];
  });
}

export function outputCell(context: Pick<DatasetContext, 'headerCell'>, a: OutcomeAssessment): Range {
  const c = a.columns;
  const index = c.predictionIndex >= 0 ? c.predictionIndex : c.scoreIndex >= 0 ? c.scoreIndex : c.labelIndex;
  return context.headerCell(index);
}

export function outputName(a: OutcomeAssessment): string {
  const o = a.columns.outcome;
  return o.prediction !== undefined ? `"${o.prediction}"` : `"${o.score}" ≥ ${o.threshold}`;
}

const plainShare = (s: Share) => ({ count: s.count, of: s.of, value: s.value ?? null, low: s.low ?? null, high: s.high ?? null });

/** Everything needed to recompute a group's figures: its confusion matrix first. */
export function groupData(g: GroupOutcome) {
  const r = g.rates;
  return {
    group: g.group, parts: g.parts, n: g.size, small: g.small, labelled: g.labelled, labelPositive: g.labelPositive,
    confusion: { ...g.confusion },
    baseRate: plainShare(r.baseRate), selectionRate: plainShare(r.selectionRate), tpr: plainShare(r.tpr), fpr: plainShare(r.fpr),
    fnr: plainShare(r.fnr), ppv: plainShare(r.ppv), accuracy: plainShare(r.accuracy),
    calibration: g.calibration && { ece: g.calibration.ece ?? null, offset: g.calibration.offset ?? null, deciles: g.calibration.deciles.map((d) => ({ ...d, meanLabel: d.meanLabel ?? null })) },
  };
}

export type GroupingData = ReturnType<typeof groupingData>;

/** A test's result as the outcome findings report it, with the Bonferroni threshold it met. */
export type TestData = { statistic: number; df: number; pValue: number; threshold: number; tests: number };

export function groupingData(a: OutcomeAssessment, g: Grouping, codes: UnmappedCodes = []) {
  const o = a.columns.outcome;
  return {
    unmappedLabels: hasUnmapped(g, codes),
    columns: g.columns, label: o.label, prediction: o.prediction, score: o.score, threshold: o.score !== undefined && o.prediction === undefined ? o.threshold : undefined,
    minGroupSize: a.minGroupSize, maxRatioGap: o.maxRatioGap, maxDifference: o.maxDifference,
    rowsWithoutGroup: g.rowsWithoutGroup, unmatchedRows: a.state.unmatched,
    groups: g.groups.map(groupData),
  };
}

/** Lowest and highest judged group by a rate (defined values only). */
export function extremes(groups: GroupOutcome[], rate: (g: GroupOutcome) => Share): { low: GroupOutcome; high: GroupOutcome } | undefined {
  const defined = groups.filter((g) => rate(g).value !== undefined);
  if (defined.length < 2) return undefined;
  let low = defined[0];
  let high = defined[0];
  for (const g of defined) {
    if (rate(g).value! < rate(low).value!) low = g;
    if (rate(g).value! > rate(high).value!) high = g;
  }
  return { low, high };
}
