// outcome-calibration-disparity: the same score means a different observed rate in
// different groups. Within each score decile of the dataset, each group's observed label
// rate is compared with everyone's; a group's offset is that difference averaged over its
// rows. Reported when the largest minus the smallest offset is above outcome.maxDifference
// and the stratified chi-square test (group × label within each decile, summed) is significant.
import { percent, ratio } from '../../format';
import type { GroupOutcome, OutcomeAssessment } from '../../outcome/assess';
import type { DatasetRule } from '../rule';
import {
  groupingData, groupingFindings, groupingName, groupLabel, hasUnmapped, smallText, tailWith, testText, thresholdText, unmappedCodes, unmappedText, unmatchedText, verdictLabel,
  verdictWith, type GroupingData, type TestData,
} from './common';

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${percent(Math.abs(x))}`;
}

export type OutcomeCalibrationDisparityMessages = {
  disparity: GroupingData & { calibrationGap: number; low: string; high: string } & TestData;
};

export const outcomeCalibrationDisparity: DatasetRule<OutcomeCalibrationDisparityMessages> = {
  id: 'outcome-calibration-disparity',
  defaultSeverity: 'warning',
  description: 'A score whose calibration differs by group: at the same score decile, observed label rates differ by more than outcome.maxDifference (0.1) between groups, stratified chi-square significant after Bonferroni.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    disparity: 'A group\'s calibration differs from the others\'.',
  },
  check(context) {
    const where = (a: OutcomeAssessment) => context.headerCell(a.columns.scoreIndex >= 0 ? a.columns.scoreIndex : a.columns.labelIndex);
    return groupingFindings<OutcomeCalibrationDisparityMessages>(context, { applies: (a) => a.columns.usesScore, where }, (g, a, alpha) => {
      const o = a.columns.outcome;
      const withOffset = g.judged.filter((x): x is GroupOutcome & { calibration: { offset: number } } => x.calibration?.offset !== undefined);
      const test = g.calibrationTest;
      if (withOffset.length < 2 || !test) return undefined;
      const sorted = [...withOffset].sort((x, y) => x.calibration.offset - y.calibration.offset);
      const low = sorted[0];
      const high = sorted[sorted.length - 1];
      const gap = high.calibration.offset - low.calibration.offset;
      if (gap <= o.maxDifference || test.pValue >= alpha.threshold) return undefined;
      const codes = unmappedCodes(context.ancestry, g);
      const ece = a.scoresAreProbabilities ? ` Expected calibration error (10 bins): ${withOffset.map((x) => `${groupLabel(x, codes)} ${ratio(x.calibration.ece ?? 0)}`).join(', ')}.` : '';
      return {
        messageId: 'disparity',
        message: verdictWith(`Calibration of "${o.score}" differs by ${groupingName(g)}: ${signed(high.calibration.offset)} for ${verdictLabel(high, codes)} vs ${signed(low.calibration.offset)} for ${verdictLabel(low, codes)} at the same score`, tailWith('', hasUnmapped(g, codes))),
        detail: `Calibration of "${o.score}" differs between groups of ${groupingName(g)}: at the same score decile, the observed rate of "${o.label}" is ${signed(high.calibration.offset)} for ${groupLabel(high, codes)} ` +
          `and ${signed(low.calibration.offset)} for ${groupLabel(low, codes)} against all groups together; gap ${percent(gap).slice(0, -1)} percentage points > ${ratio(o.maxDifference)} (outcome.maxDifference), ` +
          `stratified ${testText(test)} over ${test.deciles} deciles (${thresholdText(alpha)}).${ece}${smallText(g, a.minGroupSize, codes)}${unmatchedText(a)}${unmappedText(a, g, codes)}`,
        data: { ...groupingData(a, g, codes), calibrationGap: gap, low: low.group, high: high.group, statistic: test.statistic, df: test.df, pValue: test.pValue, threshold: alpha.threshold, tests: alpha.tests },
      };
    });
  },
};
