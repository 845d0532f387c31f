// outcome-label-imbalance: the label's base rate differs across groups (lowest ÷ highest
// below outcome.maxRatioGap, chi-square significant), or a group has too few positives to
// learn from (fewer than outcome.minGroupSize). Reads labelled rows, with or without a model.
import { count, percent, ratio } from '../../format';
import { share } from '../../outcome/metrics';
import { outcomeScan } from '../../outcome/scan';
import { chiSquareIndependence } from '../../phenotype/independence';
import type { DatasetRule, RawFindingOf } from '../rule';
import {
  groupingData, groupingName, groupLabel, hasUnmapped, labelPositives, OUTCOME_SCAN_RULE, outcomeOf, shareText, significant, tailWith, testText, thresholdFor, thresholdText,
  unmappedCodes, unmappedText, verdictLabel, verdictWith, type GroupingData, type TestData,
} from './common';

export type OutcomeLabelImbalanceMessages = {
  'base-rate': GroupingData & { kind: 'base-rate'; ratio: number; low: string; high: string } & TestData;
  'few-positives': GroupingData & { kind: 'few-positives'; fewPositives: string[] };
};

export const outcomeLabelImbalance: DatasetRule<OutcomeLabelImbalanceMessages> = {
  id: OUTCOME_SCAN_RULE,
  defaultSeverity: 'information',
  description: 'The label\'s base rate differs across groups (lowest ÷ highest < outcome.maxRatioGap, 0.8, chi-square significant after Bonferroni), or a group has fewer positives than outcome.minGroupSize.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    'base-rate': 'The outcome\'s base rate differs between groups (chi-square test).',
    'few-positives': 'Groups with too few positive labels to judge.',
  },
  scan: outcomeScan,
  check(context) {
    const a = outcomeOf(context);
    if (!a) return [];
    const o = a.columns.outcome;
    const range = context.headerCell(a.columns.labelIndex);
    const findings: RawFindingOf<OutcomeLabelImbalanceMessages>[] = [];
    const alpha = thresholdFor(a);
    for (const g of a.groupings) {
      const codes = unmappedCodes(context.ancestry, g);
      const unmapped = hasUnmapped(g, codes);
      const labelled = g.groups.filter((x) => x.labelled >= a.minGroupSize);
      const tooSmall = g.groups.filter((x) => x.labelled < a.minGroupSize);
      const smallText = tooSmall.length > 0 ? ` Too small to judge (fewer than ${count(a.minGroupSize)} labelled rows): ${tooSmall.map((x) => `${groupLabel(x, codes)} (${count(x.labelled)})`).join(', ')}.` : '';
      const base = (x: (typeof labelled)[number]) => share(x.labelPositive, x.labelled);
      const defined = labelled.filter((x) => x.labelled > 0);
      if (defined.length >= 2) {
        const sorted = [...defined].sort((x, y) => base(x).value! - base(y).value!);
        const low = sorted[0];
        const high = sorted[sorted.length - 1];
        const r = base(high).value! > 0 ? base(low).value! / base(high).value! : undefined;
        const test = chiSquareIndependence(defined.map((x) => [x.labelPositive, x.labelled - x.labelPositive]));
        if (r !== undefined && r < o.maxRatioGap && significant(test, alpha.threshold)) {
          findings.push({
            messageId: 'base-rate',
            range,
            message: verdictWith(`Base rate of "${o.label}" differs by ${groupingName(g)}: ${percent(base(low).value!)} for ${verdictLabel(low, codes)} vs ${percent(base(high).value!)} for ${verdictLabel(high, codes)}`, tailWith(` (ratio ${ratio(r)})`, unmapped)),
            detail: `Base rate of "${o.label}" (share positive) differs between groups of ${groupingName(g)}: lowest ${groupLabel(low, codes)} ${shareText(base(low))}, highest ${groupLabel(high, codes)} ${shareText(base(high))}; ` +
              `ratio ${ratio(r)} < ${ratio(o.maxRatioGap)} (outcome.maxRatioGap), ${testText(test)} over ${defined.length} groups (${thresholdText(alpha)}). A model trained on these labels learns different priors per group.${smallText}${unmappedText(a, g, codes)}`,
            data: { kind: 'base-rate', ...groupingData(a, g, codes), ratio: r, low: low.group, high: high.group, statistic: test.statistic, df: test.df, pValue: test.pValue, threshold: alpha.threshold, tests: alpha.tests },
          });
        }
      }
      // No positive at all is a misread `positive`, reported under config-invalid.
      const few = labelPositives(a.state) === 0 ? [] : labelled.filter((x) => x.labelPositive < a.minGroupSize);
      if (few.length > 0) {
        findings.push({
          messageId: 'few-positives',
          range,
          message: `Too few positives of "${o.label}" to learn from in ${count(few.length)} ${few.length === 1 ? 'group' : 'groups'} of ${groupingName(g)} (fewer than ${count(a.minGroupSize)})${unmapped ? ' (unmapped codes)' : ''}`,
          detail: `Too few positives of "${o.label}" to learn from in groups of ${groupingName(g)} (fewer than ${count(a.minGroupSize)}, outcome.minGroupSize): ` +
            `${few.map((x) => `${groupLabel(x, codes)} ${count(x.labelPositive)} of ${count(x.labelled)} (${percent(x.labelPositive / x.labelled)})`).join(', ')}.${unmappedText(a, g, codes)}`,
          data: { kind: 'few-positives', ...groupingData(a, g, codes), fewPositives: few.map((x) => x.group) },
        });
      }
    }
    return findings;
  },
};
