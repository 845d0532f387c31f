// A phenotype column whose missing share differs between ancestry groups: the ratio of
// the highest to the lowest group share is at least phenotype.maxDisparityRatio, their
// difference at least phenotype.maxDisparityDifference (5 percentage points: a
// significant test on 100,000 rows finds differences too small to matter, Wasserstein &
// Lazar 2016, docs/references.md 46), and the chi-square test of independence is
// significant after Bonferroni correction.
import { labelData, labelText } from '../../privacy/shownLabel';
import { count, percent, pValue, ratio, significant, statistic } from '../../format';
import { decidingPValue, isDisparate, shareDifference, type ColumnDisparity, type DisparityAssessment, type GroupMissingness } from '../../phenotype/disparity';
import { unitNoun } from '../../profile/units';
import { groupedByRawCodes, groupName, rawCodesText, unmappedGroupsOf } from '../../phenotype/rawCodes';
import type { DatasetRule, RawFindingOf } from '../rule';
import { brief, firstFitting } from '../verdictFit';

export const DISPARITY_RULE_ID = 'phenotype-missingness-disparity';

export function pText(p: number): string {
  return p < 1e-15 ? 'p < 1e-15' : `p = ${pValue(p)}`;
}

/** Which test decided and its numbers: chi-square, or Fisher–Freeman–Halton when an expected count is below 5. */
export function testText(c: ColumnDisparity, groups: number): string {
  const test = c.test!;
  const chi = `χ² = ${statistic(test.statistic)}, df = ${test.df}`;
  if (!c.exact) return `Chi-square test of independence over ${groups} groups: ${chi}, ${pText(test.pValue)}`;
  const how = c.exact.method === 'exact'
    ? `exact, ${count(c.exact.tables)} tables with these margins enumerated`
    : `Monte Carlo, ${count(c.exact.tables)} tables with these margins drawn, seed ${c.exact.seed}`;
  return `Smallest expected count ${significant(test.minExpected)} < 5, so the chi-square approximation does not hold (${chi}); ` +
    `Fisher–Freeman–Halton test over ${groups} groups (${how}): ${pText(c.exact.pValue)}`;
}

/** ` (and "b", "c", missing on the same rows)`, or nothing. */
export function sameText(c: ColumnDisparity): string {
  const others = c.samePattern.slice(1);
  return others.length === 0 ? '' : ` (and ${others.map((n) => `"${n}"`).join(', ')}, missing on the same rows)`;
}

export function thresholdText(a: DisparityAssessment): string {
  return `${a.alpha}/${a.tested} = ${significant(a.threshold)}`;
}

function groupText(g: GroupMissingness, unmapped: ReadonlySet<string> = new Set()): string {
  return `${groupName(g.group, unmapped)} ${percent(g.share)} (${count(g.missing)} of ${count(g.rows)})`;
}

/** Percentage points: "5.2 percentage points". */
function pointsText(d: number): string {
  return `${significant(d * 100)} percentage points`;
}

export function ratioText(c: ColumnDisparity): string {
  if (c.ratio === undefined) return 'no ratio';
  return Number.isFinite(c.ratio) ? `ratio ${ratio(c.ratio)}` : `ratio infinite (${labelText(c.best!.group)} has no missing value)`;
}

/**
 * `"A1Cresult" missing more often for Asian (87%) than White (41%)`, with the p-value when
 * it fits; groups that are unmapped raw codes are called codes, and the verdict says so.
 */
function disparityVerdict(c: ColumnDisparity, unmapped: ReadonlySet<string>, raw: boolean): string {
  const worst = c.worst!;
  const best = c.best!;
  const more = c.samePattern.length > 1 ? ` (and ${c.samePattern.length - 1} more)` : '';
  const base = (label: (group: string) => string) =>
    `"${c.column}"${more} missing more often for ${label(worst.group)} (${percent(worst.share)}) than ${label(best.group)} (${percent(best.share)})`;
  const p = pText(decidingPValue(c)!);
  // A raw code is called one (`code "6.0"`), and the verdict says the labels are unmapped.
  const code = (shown: (group: string) => string) => (group: string) => (unmapped.has(group) ? `code "${labelText(group)}"` : shown(group));
  const full = base(code(labelText));
  const short = base(code((g) => brief(labelText(g))));
  const note = raw ? ', unmapped labels' : '';
  return firstFitting(`${full}${note}, ${p}`, `${full}${note}`, `${short}${note}, ${p}`, `${short}${note}`, short);
}

/** Everything a reviewer needs to recompute the verdict, in plain JSON (no Infinity, no Map). */
export function disparityData(c: ColumnDisparity, a: DisparityAssessment) {
  const group = (g: GroupMissingness) => ({ group: labelData(g.group), rows: g.rows, missing: g.missing, share: g.share });
  return {
    column: c.column,
    columnIndex: c.columnIndex,
    ...(c.samePattern.length > 1 ? { columns: c.samePattern } : {}),
    ancestryColumn: c.ancestryColumn,
    groups: c.groups.map((g) => ({ ...group(g), values: g.values.filter((v) => labelData(v) !== undefined), small: g.small })),
    minGroupRows: c.minGroupRows,
    worst: c.worst && group(c.worst),
    best: c.best && group(c.best),
    ratio: c.ratio !== undefined && Number.isFinite(c.ratio) ? c.ratio : null,
    ratioInfinite: c.ratio === Infinity,
    maxRatio: a.maxRatio,
    difference: shareDifference(c) ?? null,
    maxDifference: a.maxDifference,
    statistic: c.test?.statistic,
    df: c.test?.df,
    pValue: c.test?.pValue,
    minExpected: c.test?.minExpected,
    test: c.exact ? 'fisher-freeman-halton' : 'chi-square',
    ...(c.exact ? { exactMethod: c.exact.method, exactTables: c.exact.tables, exactSeed: c.exact.seed ?? null, exactPValue: c.exact.pValue } : {}),
    alpha: a.alpha,
    columnsTested: a.tested,
    threshold: a.threshold,
  };
}

export type PhenotypeMissingnessDisparityMessages = {
  disparity: ReturnType<typeof disparityData> & { rawCodes?: boolean; unmappedLabels?: boolean };
};

export const phenotypeMissingnessDisparity: DatasetRule<PhenotypeMissingnessDisparityMessages> = {
  id: DISPARITY_RULE_ID,
  defaultSeverity: 'warning',
  description: 'A phenotype column whose missing share differs between ancestry groups: ratio ≥ maxDisparityRatio (1.25), difference ≥ maxDisparityDifference (5 points) and a chi-square test significant at 0.05 after Bonferroni.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    disparity: 'A field\'s missing share differs between ancestry groups (significance test).',
  },
  check(context) {
    const { profile, ancestry, headerCell } = context;
    if (ancestry.length === 0) return [];
    const assessment = context.disparities();
    const findings: RawFindingOf<PhenotypeMissingnessDisparityMessages>[] = [];
    for (const c of assessment.columns) {
      if (!isDisparate(c, assessment)) continue;
      const tested = c.groups.filter((g) => !g.small);
      const small = c.groups.filter((g) => g.small);
      const unmapped = unmappedGroupsOf(ancestry, c.ancestryIndex);
      const raw = groupedByRawCodes(ancestry, c);
      findings.push({
        messageId: 'disparity',
        range: headerCell(c.columnIndex),
        message: disparityVerdict(c, unmapped, raw),
        detail:
          `Missing share of "${c.column}"${sameText(c)} differs between groups of "${c.ancestryColumn}": highest ${groupText(c.worst!, unmapped)}, lowest ${groupText(c.best!, unmapped)}, ` +
          `${ratioText(c)} ≥ ${ratio(assessment.maxRatio)} (phenotype.maxDisparityRatio), ` +
          `a difference of ${pointsText(shareDifference(c)!)} ≥ ${pointsText(assessment.maxDifference)} (phenotype.maxDisparityDifference). ` +
          `${testText(c, tested.length)}, ` +
          `below the Bonferroni threshold ${thresholdText(assessment)} (${assessment.tested} ${assessment.tested === 1 ? 'column' : 'columns'} tested).` +
          (small.length > 0 ? ` Left out, fewer than ${c.minGroupRows} ${unitNoun(profile)}: ${small.map((g) => `${groupName(g.group, unmapped)} (${count(g.rows)})`).join(', ')}.` : '') +
          (profile.participants ? ` Counted once per participant: ${count(profile.participants.count)} ${profile.participants.noun} in ${count(profile.participants.rows)} rows ("${profile.participants.column}" repeats); a participant is missing a value when none of their rows has one.` : '') +
          rawCodesText(ancestry, c) +
          ' Values missing more often in one group bias a model trained on the complete rows against it: find out why (a site, a protocol, a referral path) before imputing or dropping rows.',
        data: { ...disparityData(c, assessment), rawCodes: raw, unmappedLabels: raw },
      });
    }
    return findings;
  },
};
