// outcome-error-disparity: Fairlearn's equalized odds difference (the larger of the TPR
// gap and the FPR gap, each the highest minus the lowest group rate) or the accuracy gap
// is above outcome.maxDifference, and the chi-square test behind that gap is significant.
// The message says which error falls on which group.
import { percent, ratio } from '../../format';
import type { GroupOutcome, Grouping } from '../../outcome/assess';
import type { Share } from '../../outcome/metrics';
import { chiSquareIndependence } from '../../phenotype/independence';
import type { ChiSquareResult } from '../../stats';
import type { DatasetRule } from '../rule';
import {
  extremes, groupingData, groupingFindings, groupingName, groupLabel, hasUnmapped, outputName, shareText, significant, smallText, tailWith, testText, thresholdText,
  unmappedCodes, unmappedText, unmatchedText, verdictLabel, verdictWith, type GroupingData, type UnmappedCodes,
} from './common';

interface Gap {
  name: 'tpr' | 'fpr' | 'accuracy';
  words: string;
  low: GroupOutcome;
  high: GroupOutcome;
  gap: number;
  test?: ChiSquareResult;
}

const RATES = {
  fpr: { words: 'false positives (false positive rate)', title: 'False positive rate', rate: (g: GroupOutcome) => g.rates.fpr },
  tpr: { words: 'true positives (true positive rate)', title: 'True positive rate', rate: (g: GroupOutcome) => g.rates.tpr },
  accuracy: { words: 'accuracy', title: 'Accuracy', rate: (g: GroupOutcome) => g.rates.accuracy },
} as const;

/**
 * The gap in one rate between judged groups. A rate is judged only where its own
 * denominator (a group's positives for TPR, negatives for FPR) reaches minGroupSize: a
 * group of 32 with 9 positives has a TPR too noisy to call a gap on.
 */
function gapOf(g: Grouping, name: Gap['name'], minGroupSize: number): Gap | undefined {
  const { rate, words } = RATES[name];
  const defined = g.judged.filter((x) => rate(x).of >= minGroupSize);
  const ends = extremes(defined, rate);
  if (!ends) return undefined;
  const test = chiSquareIndependence(defined.map((x) => [rate(x).count, rate(x).of - rate(x).count]));
  return { name, words, ...ends, gap: rate(ends.high).value! - rate(ends.low).value!, test };
}

/** The verdict (on the model output's cell, which the detail names): the widest reported gap, its two groups and rates, and how many other rates differ too. */
function verdict(over: Gap[], grouping: string, codes: UnmappedCodes, unmapped: boolean): string {
  const widest = over.reduce((w, x) => (x.gap > w.gap ? x : w));
  const rate = RATES[widest.name].rate as (g: GroupOutcome) => Share;
  const others = over.length - 1;
  const text = `${RATES[widest.name].title} differs by ${grouping}: ${percent(rate(widest.high).value!)} for ${verdictLabel(widest.high, codes)} vs ${percent(rate(widest.low).value!)} for ${verdictLabel(widest.low, codes)}`;
  const more = others > 0 ? ` (and ${others} more ${others === 1 ? 'rate' : 'rates'})` : '';
  // Long group names (an intersection of two columns) leave no room for the count of other rates: the detail lists them.
  return verdictWith(text, tailWith(more, unmapped));
}

function gapText(x: Gap, codes: UnmappedCodes): string {
  const rate = RATES[x.name].rate as (g: GroupOutcome) => Share;
  return `${x.words}: ${groupLabel(x.high, codes)} ${shareText(rate(x.high))} vs ${groupLabel(x.low, codes)} ${shareText(rate(x.low))}, gap ${percent(x.gap).slice(0, -1)} percentage points` + (x.test ? ` (${testText(x.test)})` : '');
}

export type OutcomeErrorDisparityMessages = {
  disparity: GroupingData & { equalizedOddsDifference: number; tprDifference: number | null; fprDifference: number | null; accuracyDifference: number | null; threshold: number; tests: number; reported: { rate: string; high: string; low: string; gap: number; statistic: number; df: number; pValue: number }[] };
};

export const outcomeErrorDisparity: DatasetRule<OutcomeErrorDisparityMessages> = {
  id: 'outcome-error-disparity',
  defaultSeverity: 'warning',
  description: 'Equalized odds difference (the larger of the TPR and FPR gaps between groups) or the accuracy gap above outcome.maxDifference (0.1), chi-square significant after Bonferroni.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    disparity: 'A group\'s error rates differ from the others\'.',
  },
  check(context) {
    // Three tests per grouping: FPR, TPR and accuracy.
    return groupingFindings<OutcomeErrorDisparityMessages>(context, { applies: (a) => a.columns.hasOutput, testsPerGrouping: 3 }, (g, a, alpha) => {
      const o = a.columns.outcome;
      const gaps = (['fpr', 'tpr', 'accuracy'] as const).map((n) => gapOf(g, n, a.minGroupSize)).filter((x): x is Gap => x !== undefined);
      const over = gaps.filter((x) => x.gap > o.maxDifference && significant(x.test, alpha.threshold));
      if (over.length === 0) return undefined;
      const tpr = gaps.find((x) => x.name === 'tpr');
      const fpr = gaps.find((x) => x.name === 'fpr');
      const eod = Math.max(tpr?.gap ?? 0, fpr?.gap ?? 0);
      const accuracy = gaps.find((x) => x.name === 'accuracy');
      const codes = unmappedCodes(context.ancestry, g);
      return {
        messageId: 'disparity',
        message: verdict(over, groupingName(g), codes, hasUnmapped(g, codes)),
        detail: `Errors of ${outputName(a)} against "${o.label}" fall unequally on groups of ${groupingName(g)}: ${over.map((x) => gapText(x, codes)).join('; ')}. ` +
          `Equalized odds difference ${ratio(eod)}${accuracy ? `, accuracy difference ${ratio(accuracy.gap)}` : ''}; reported above ${ratio(o.maxDifference)} (outcome.maxDifference) with a test below the ${thresholdText(alpha)}.` +
          `${smallText(g, a.minGroupSize, codes)}${unmatchedText(a)}${unmappedText(a, g, codes)}`,
        data: {
          ...groupingData(a, g, codes), equalizedOddsDifference: eod, tprDifference: tpr?.gap ?? null, fprDifference: fpr?.gap ?? null, accuracyDifference: accuracy?.gap ?? null, threshold: alpha.threshold, tests: alpha.tests,
          reported: over.map((x) => ({ rate: x.name, high: x.high.group, low: x.low.group, gap: x.gap, statistic: x.test!.statistic, df: x.test!.df, pValue: x.test!.pValue })),
        },
      };
    });
  },
};
