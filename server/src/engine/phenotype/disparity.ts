// Missingness of each phenotype column per ancestry group: the group × missing/present
// table, the largest-to-smallest ratio of missing shares, and the chi-square test of
// independence, Bonferroni-corrected over the columns tested (domain.md F, "Checks").
// The rule and the hover both read this; nothing here decides what to report.
import type { AncestryAssessment } from '../ancestry/assess';
import { representedBy } from '../ancestry/sameGroups';
import type { PhenotypePolicy } from '../policy/policy';
import { missingInGroup, type TableProfile } from '../profile/profile';
import { unitGroups } from '../profile/units';
import type { ChiSquareResult } from '../stats';
import { fisherFreemanHalton, type ExactResult } from './exactTest';
import { chiSquareIndependence } from './independence';
import { patternOf } from './patterns';

/**
 * The chi-square approximation wants every expected count to be at least 5 [S41]; below
 * that the Fisher–Freeman–Halton test (exact, or Monte Carlo with a fixed seed) decides.
 */
export const MIN_EXPECTED = 5;
export const ALPHA = 0.05;

export interface GroupMissingness {
  /** Canonical group (labels normalised as in the ancestry assessment). */
  group: string;
  /** Raw ancestry values merged into it. */
  values: string[];
  rows: number;
  missing: number;
  share: number;
  /** Fewer rows than ancestry.minCount: shown, but left out of the ratio and the test. */
  small: boolean;
}

export type NotTested = 'fewer than 2 groups large enough' | 'no missing values in these groups' | 'every value missing in these groups';

export interface ColumnDisparity {
  column: string;
  columnIndex: number;
  ancestryColumn: string;
  ancestryIndex: number;
  /** Every group with rows, most missing first. */
  groups: GroupMissingness[];
  minGroupRows: number;
  /** Among the groups large enough: the highest and lowest missing shares. */
  worst?: GroupMissingness;
  best?: GroupMissingness;
  /** worst.share / best.share; Infinity when the best group has no missing value. */
  ratio?: number;
  test?: ChiSquareResult;
  /** Set when an expected count is below 5: the Fisher–Freeman–Halton test, whose p-value decides. */
  exact?: ExactResult;
  /** Why the test was not applied (then the column does not count for Bonferroni). */
  notTested?: NotTested;
  /** Columns missing on exactly the same rows, this one first: one table, tested once. */
  samePattern: string[];
}

export interface DisparityAssessment {
  columns: ColumnDisparity[];
  /** Columns (× ancestry columns) where the test was applied: the Bonferroni divisor. */
  tested: number;
  alpha: number;
  /** alpha / tested: the per-column significance threshold. */
  threshold: number;
  maxRatio: number;
  /**
   * Smallest difference of missing shares (worst − best, a proportion) reported: below it a
   * significant test is a negligible effect (phenotype.maxDisparityDifference).
   */
  maxDifference: number;
}

function byShare(a: GroupMissingness, b: GroupMissingness): number {
  return b.share - a.share || b.rows - a.rows || a.group.localeCompare(b.group);
}

export function columnDisparity(profile: TableProfile, assessment: AncestryAssessment, columnIndex: number): ColumnDisparity {
  const tallies = unitGroups(profile).get(assessment.columnIndex) ?? new Map();
  const minGroupRows = assessment.minCount;
  const groups: GroupMissingness[] = [];
  for (const g of assessment.groups) {
    let rows = 0;
    let missing = 0;
    const values: string[] = [];
    for (const value of g.values.keys()) {
      const tally = tallies.get(value);
      if (!tally) continue;
      values.push(value);
      rows += tally.rows;
      missing += missingInGroup(tally, columnIndex);
    }
    if (rows === 0) continue;
    groups.push({ group: g.group, values, rows, missing, share: missing / rows, small: rows < minGroupRows });
  }
  groups.sort(byShare);
  const result: ColumnDisparity = {
    column: profile.columns[columnIndex].name,
    columnIndex,
    ancestryColumn: assessment.column,
    ancestryIndex: assessment.columnIndex,
    groups,
    minGroupRows,
    samePattern: [profile.columns[columnIndex].name],
  };
  const large = groups.filter((g) => !g.small);
  if (large.length < 2) return { ...result, notTested: 'fewer than 2 groups large enough' };
  const worst = large[0];
  const best = large[large.length - 1];
  const ratio = best.share > 0 ? worst.share / best.share : worst.share > 0 ? Infinity : 1;
  const measured = { ...result, worst, best, ratio };
  const missing = large.reduce((sum, g) => sum + g.missing, 0);
  const rows = large.reduce((sum, g) => sum + g.rows, 0);
  if (missing === 0) return { ...measured, notTested: 'no missing values in these groups' };
  if (missing === rows) return { ...measured, notTested: 'every value missing in these groups' };
  const test = chiSquareIndependence(large.map((g) => [g.missing, g.rows - g.missing]));
  if (!test) return { ...measured, notTested: 'no missing values in these groups' };
  if (test.minExpected < MIN_EXPECTED) return { ...measured, test, exact: fisherFreemanHalton(large.map((g) => [g.missing, g.rows - g.missing] as const)) };
  return { ...measured, test };
}

function sameTable(x: ColumnDisparity, y: ColumnDisparity): boolean {
  const key = (c: ColumnDisparity) => JSON.stringify(c.groups.map((g) => [g.group, g.rows, g.missing]).sort());
  return key(x) === key(y);
}

/**
 * Every phenotype column against every ancestry column, with the Bonferroni threshold. An
 * ancestry column that groups the rows as another does (pop rolling up into super_pop) is
 * left out where its group table is the same: the same test twice would be reported twice
 * and would halve the threshold of every other column. `thresholds` are the policy's
 * (policy.phenotype): both are required, so no caller goes without a minimum difference.
 */
export function assessDisparities(
  profile: TableProfile, ancestry: AncestryAssessment[], phenotypeColumns: readonly number[],
  thresholds: Pick<PhenotypePolicy, 'maxDisparityRatio' | 'maxDisparityDifference'>,
): DisparityAssessment {
  const elsewhere = representedBy(ancestry);
  // Columns missing on the same rows give the same table: tested once, on the first.
  const patterns = patternOf(profile, phenotypeColumns);
  const columns = ancestry.flatMap((a) => phenotypeColumns.filter((i) => i !== a.columnIndex && (patterns.get(i)?.[0] ?? i) === i).flatMap((i) => {
    const disparity = { ...columnDisparity(profile, a, i), samePattern: (patterns.get(i) ?? [i]).map((j) => profile.columns[j].name) };
    const representative = elsewhere.get(a.columnIndex);
    return representative && i !== representative.columnIndex && sameTable(disparity, columnDisparity(profile, representative, i)) ? [] : [disparity];
  }));
  const tested = columns.filter((c) => c.notTested === undefined).length;
  return { columns, tested, alpha: ALPHA, threshold: tested > 0 ? ALPHA / tested : ALPHA, maxRatio: thresholds.maxDisparityRatio, maxDifference: thresholds.maxDisparityDifference };
}

/** The p-value that decides: the exact test's when it ran, else the chi-square test's. */
export function decidingPValue(c: ColumnDisparity): number | undefined {
  return c.exact?.pValue ?? c.test?.pValue;
}

/** The highest minus the lowest missing share among the groups tested (a proportion). */
export function shareDifference(c: ColumnDisparity): number | undefined {
  return c.worst && c.best ? c.worst.share - c.best.share : undefined;
}

/** A difference of missing shares large enough to matter in practice, whatever the test says. */
export function isLargeEnough(c: ColumnDisparity, a: DisparityAssessment): boolean {
  const d = shareDifference(c);
  // 1e-12: a difference that equals the threshold but for floating-point noise is at it.
  return d !== undefined && d >= a.maxDifference - 1e-12;
}

/**
 * The verdict: a ratio at or above the maximum, a difference of shares at or above the
 * minimum (statistical significance alone is not importance: Wasserstein & Lazar 2016,
 * docs/references.md 46) and a test significant after Bonferroni.
 */
export function isDisparate(c: ColumnDisparity, a: DisparityAssessment): boolean {
  const p = decidingPValue(c);
  return c.notTested === undefined && p !== undefined && c.ratio !== undefined && c.ratio >= a.maxRatio && isLargeEnough(c, a) && p < a.threshold;
}
