// outcome-selection-disparity: the demographic parity ratio (Fairlearn's
// demographic_parity_ratio: lowest ÷ highest selection rate across groups) is below
// outcome.maxRatioGap (the four-fifths rule's 0.8) and a chi-square test of group ×
// selected is significant.
import { percent, ratio } from '../../format';
import { chiSquareIndependence } from '../../phenotype/independence';
import type { DatasetRule } from '../rule';
import {
  extremes, groupingData, groupingFindings, groupingName, groupLabel, hasUnmapped, outputName, shareText, significant, smallText, tailWith, testText, thresholdText,
  unmappedCodes, unmappedText, unmatchedText, verdictLabel, verdictWith, type GroupingData, type TestData,
} from './common';

export type OutcomeSelectionDisparityMessages = {
  disparity: GroupingData & { demographicParityRatio: number; low: string; high: string } & TestData;
};

export const outcomeSelectionDisparity: DatasetRule<OutcomeSelectionDisparityMessages> = {
  id: 'outcome-selection-disparity',
  defaultSeverity: 'warning',
  description: 'Demographic parity ratio (lowest ÷ highest selection rate across groups) below outcome.maxRatioGap (0.8, the four-fifths rule), chi-square significant after Bonferroni.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    disparity: 'A group\'s selection rate differs from the others\'.',
  },
  check(context) {
    return groupingFindings<OutcomeSelectionDisparityMessages>(context, { applies: (a) => a.columns.hasOutput }, (g, a, alpha) => {
      const o = a.columns.outcome;
      const ends = extremes(g.judged, (x) => x.rates.selectionRate);
      if (!ends) return undefined;
      const { low, high } = ends;
      const highRate = high.rates.selectionRate.value!;
      if (highRate === 0) return undefined;
      const r = low.rates.selectionRate.value! / highRate;
      const test = chiSquareIndependence(g.judged.map((x) => [x.rates.selectionRate.count, x.size - x.rates.selectionRate.count]));
      if (r >= o.maxRatioGap || !significant(test, alpha.threshold)) return undefined;
      const codes = unmappedCodes(context.ancestry, g);
      return {
        messageId: 'disparity',
        message: verdictWith(`Selection rate differs by ${groupingName(g)}: ${percent(low.rates.selectionRate.value!)} for ${verdictLabel(low, codes)} vs ${percent(highRate)} for ${verdictLabel(high, codes)}`, tailWith(` (ratio ${ratio(r)})`, hasUnmapped(g, codes))),
        detail: `Selection rate of ${outputName(a)} differs between groups of ${groupingName(g)}: lowest ${groupLabel(low, codes)} ${shareText(low.rates.selectionRate)}, highest ${groupLabel(high, codes)} ${shareText(high.rates.selectionRate)}; ` +
          `demographic parity ratio ${ratio(r)} < ${ratio(o.maxRatioGap)} (outcome.maxRatioGap; the four-fifths rule), ${testText(test)} over ${g.judged.length} groups (${thresholdText(alpha)}).${smallText(g, a.minGroupSize, codes)}${unmatchedText(a)}${unmappedText(a, g, codes)}`,
        data: { ...groupingData(a, g, codes), demographicParityRatio: r, low: low.group, high: high.group, statistic: test.statistic, df: test.df, pValue: test.pValue, threshold: alpha.threshold, tests: alpha.tests },
      };
    });
  },
};
