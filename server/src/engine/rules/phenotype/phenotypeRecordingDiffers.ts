// A column recorded differently by site or ancestry group: the mix of code systems, date
// formats, units or spellings differs between groups ("ICD-9-CM in 80% of rows from site
// A, 2% from site B"). A site that serves one community and codes differently is itself a
// bias a model learns. A chi-square test of independence, Bonferroni-corrected over the
// tables tested, and a difference of at least 10 points in one class's share; one finding
// per column (the grouping with the smallest p-value).
import { count, percent, statistic } from '../../format';
import { codingOf } from '../../phenotype/codingOfColumn';
import { BINS_PER_DECADE, type ColumnTally, type ConsistencyState } from '../../phenotype/consistencyScan';
import { dateMix } from '../../phenotype/dateMix';
import { formatOf } from '../../phenotype/dateFormats';
import { MIN_EXPECTED, MIN_SHARE_DIFFERENCE, recordingTable, type GroupRecording, type RecordingTable } from '../../phenotype/recordingByGroup';
import { spellingMix } from '../../phenotype/spellings';
import { unitMix } from '../../phenotype/unitClusters';
import { ALPHA } from '../../phenotype/disparity';
import type { DatasetContext, DatasetRule, RawFindingOf } from '../rule';
import { brief, firstFitting } from '../verdictFit';
import { consistencyState } from './consistency';
import { pText } from './phenotypeMissingnessDisparity';

type Classifier = { what: string; classify: (key: string) => string | undefined };

/** How a column's values are classed: by code system, date format, unit or spelling, whichever it has more than one of. */
function classifierFor(context: DatasetContext, tally: ColumnTally): Classifier | undefined {
  const coding = codingOf(tally, context.policy.phenotype.codeSystem);
  if (coding && coding.systems.length >= 2) return { what: 'code system', classify: (k) => (k.startsWith('c:') ? coding.assigned.get(k.slice(2)) : undefined) };
  const dates = dateMix(tally, context.policy.phenotype.dateOrder);
  if (dates && dates.formats.length >= 2) {
    return { what: 'date format', classify: (k) => {
      if (!k.startsWith('d:')) return undefined;
      const key = k.slice(2);
      if (!key.startsWith('?')) return key;
      const sep = key.slice(1) as '/' | '-' | '.';
      const order = dates.orders[sep];
      return order ? formatOf(sep, order) : `${formatOf(sep, 'DMY')} or ${formatOf(sep, 'MDY')}`;
    } };
  }
  const mix = tally.quantity ? unitMix(tally.histogram, tally.quantity.quantity) : undefined;
  if (mix) {
    const [low, high] = mix.clusters;
    return { what: 'unit', classify: (k) => (k.startsWith('n:') ? (Number(k.slice(2)) / BINS_PER_DECADE >= mix.splitLog10 ? high.unit.id : low.unit.id) : undefined) };
  }
  const profiled = context.profile.columns[tally.index];
  const spelled = profiled.valuesTruncated ? undefined : spellingMix(tally.name, [...profiled.values]);
  if (spelled) {
    const style = new Map(spelled.answers.flatMap((a) => a.spellings.map((s) => [s.text, s.style === 'as written' ? (spelled.rewrites[s.text] ? 'variant spelling' : 'common spelling') : s.style] as const)));
    return { what: 'spelling', classify: (k) => (k.startsWith('v:') ? style.get(k.slice(2)) : undefined) };
  }
  return undefined;
}

function tested(t: RecordingTable): boolean {
  return t.test !== undefined && t.test.minExpected >= MIN_EXPECTED;
}

function groupText(t: RecordingTable, g: GroupRecording, cls: string): string {
  const n = g.counts[t.classes.indexOf(cls)];
  return `${percent(n / g.rows)} of rows from ${t.kind === 'site' ? `${t.grouping} ` : ''}"${g.group}" (${count(n)} of ${count(g.rows)})`;
}

/** `"diag_1" recorded differently across "site": ICD-9-CM in 80% of "A" rows, 2% of "B"`. */
function recordingVerdict(t: RecordingTable, what: string): string {
  const { class: cls, high, low } = t.spread!;
  const share = (g: GroupRecording) => percent(g.counts[t.classes.indexOf(cls)] / g.rows);
  const head = `"${t.column}" recorded differently across "${t.grouping}"`;
  return firstFitting(
    `${head}: ${cls} in ${share(high)} of "${high.group}" rows, ${share(low)} of "${low.group}"`,
    `${head}: ${brief(cls)} ${share(high)} vs ${share(low)}`,
    `${head} (${what})`,
  );
}

export function recordingTables(context: DatasetContext, state: ConsistencyState): { table: RecordingTable; what: string }[] {
  return state.columns.flatMap((tally) => {
    if (!tally) return [];
    const classifier = classifierFor(context, tally);
    if (!classifier) return [];
    return state.groupings.flatMap((_, g) => {
      const table = recordingTable(state, tally, g, classifier.classify, context.policy.ancestry.minCount);
      return table ? [{ table, what: classifier.what }] : [];
    });
  });
}

export type PhenotypeRecordingDiffersMessages = {
  differs: {
    column: string; columnIndex: number; grouping: string; groupingIndex: number; groupingKind: string; recorded: string;
    classes: string[]; groups: { group: string; rows: number; counts: Record<string, number> }[]; small: unknown; minGroupRows: number;
    class: string; highGroup: string; lowGroup: string; difference: number; minDifference: number;
    statistic: number; df: number; pValue: number; minExpected: number; alpha: number; tablesTested: number; threshold: number;
  };
};

export const phenotypeRecordingDiffers: DatasetRule<PhenotypeRecordingDiffersMessages> = {
  id: 'phenotype-recording-differs',
  defaultSeverity: 'warning',
  description: 'A column whose code systems, date formats, units or spellings differ between sites or ancestry groups: chi-square test significant at 0.05 after Bonferroni and a share differing by at least 10 points.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    differs: 'A field recorded differently between groups or sites.',
  },
  check(context) {
    const state = consistencyState(context);
    if (!state || state.groupings.length === 0) return [];
    const all = recordingTables(context, state).filter(({ table }) => tested(table));
    const threshold = ALPHA / Math.max(1, all.length);
    const best = new Map<number, { table: RecordingTable; what: string }>();
    for (const entry of all) {
      const { table } = entry;
      if (table.test!.pValue >= threshold || table.spread!.difference < MIN_SHARE_DIFFERENCE) continue;
      const seen = best.get(table.columnIndex);
      if (!seen || table.test!.pValue < seen.table.test!.pValue) best.set(table.columnIndex, entry);
    }
    return [...best.values()].map(({ table, what }): RawFindingOf<PhenotypeRecordingDiffersMessages> => {
      const { spread, test } = table;
      return {
        messageId: 'differs',
        range: context.headerCell(table.columnIndex),
        message: recordingVerdict(table, what),
        detail:
          `Column "${table.column}" is recorded differently across "${table.grouping}" (${what}): ${spread!.class} in ${groupText(table, spread!.high, spread!.class)}, ` +
          `${groupText(table, spread!.low, spread!.class)}. Chi-square test of independence over ${table.groups.length} groups and ${table.classes.length} classes: ` +
          `χ² = ${statistic(test!.statistic)}, df = ${test!.df}, ${pText(test!.pValue)}, below the Bonferroni threshold ${ALPHA}/${all.length} = ${Number(threshold.toPrecision(3))}; ` +
          `the share differs by ${percent(spread!.difference)} (at least ${percent(MIN_SHARE_DIFFERENCE)}).` +
          (table.small.length > 0 ? ` Left out, fewer than ${table.minGroupRows} rows: ${table.small.map((s) => `"${s.group}" (${count(s.rows)})`).join(', ')}.` : ''),
        data: {
          column: table.column, columnIndex: table.columnIndex, grouping: table.grouping, groupingIndex: table.groupingIndex, groupingKind: table.kind, recorded: what,
          classes: table.classes, groups: table.groups.map((g) => ({ group: g.group, rows: g.rows, counts: Object.fromEntries(table.classes.map((c, i) => [c, g.counts[i]])) })),
          small: table.small, minGroupRows: table.minGroupRows, class: spread!.class, highGroup: spread!.high.group, lowGroup: spread!.low.group, difference: spread!.difference,
          minDifference: MIN_SHARE_DIFFERENCE, statistic: test!.statistic, df: test!.df, pValue: test!.pValue, minExpected: test!.minExpected, alpha: ALPHA, tablesTested: all.length, threshold,
        },
      };
    });
  },
};
