// Dates written in more than one format in a column (or whose day/month order cannot be
// told), and categories spelled several ways (`M`, `male`; `Yes`, `yes`). Fixable: the
// quick fix rewrites them to the column's dominant form or the policy's date format.
import type { DateFormatId, DateOrder } from '../../phenotype/dateFormats';
import { codingOf } from '../../phenotype/codingOfColumn';
import type { ColumnTally } from '../../phenotype/consistencyScan';
import { dateMix, MIN_DATES, targetFormat } from '../../phenotype/dateMix';
import { spellingMix } from '../../phenotype/spellings';
import { count, percent } from '../../format';
import type { DatasetContext, DatasetRule, RawFindingOf } from '../rule';
import { firstFitting } from '../verdictFit';
import { consistencyState } from './consistency';
import { rolesOf } from './roles';

export const FORMAT_RULE_ID = 'phenotype-format-mixed';
/** A column with more distinct values than this is no category column. */
const MAX_CATEGORIES = 50;

function dateFinding(context: DatasetContext, tally: ColumnTally): RawFindingOf<PhenotypeFormatMixedMessages> | undefined {
  const { dateOrder, dateFormat } = context.policy.phenotype;
  const mix = dateMix(tally, dateOrder);
  if (!mix) return undefined;
  const onlyAmbiguous = mix.formats.length === 1 && mix.unresolved >= MIN_DATES;
  if (mix.formats.length < 2 && !mix.bothOrders && !onlyAmbiguous) return undefined;
  const list = mix.formats.map(([label, n]) => `${label} ${count(n)} (${percent(n / mix.dates)})`).join(', ');
  const shares = mix.formats.map(([label, n]) => `${label} ${percent(n / mix.dates)}`).join(', ');
  const target = targetFormat(mix, dateFormat);
  const notes = [
    mix.bothOrders ? 'some values are only valid day-first and others only month-first, so the column mixes both orders' : '',
    mix.unresolved > 0 ? `${count(mix.unresolved)} values have day and month both 12 or less and nothing in the column tells their order (set phenotype.dateOrder: DMY or MDY)` : '',
  ].filter((n) => n.length > 0);
  return {
    messageId: 'date',
    range: context.headerCell(tally.index),
    message: firstFitting(
      `"${tally.name}" writes dates ${mix.formats.length === 1 ? 'in an ambiguous format' : `in ${mix.formats.length} formats`}: ${shares}`,
      `"${tally.name}" writes dates in ${mix.formats.length} formats, mostly ${mix.formats[0][0]} (${percent(mix.formats[0][1] / mix.dates)})`,
      `"${tally.name}" writes dates in ${mix.formats.length} formats`,
    ),
    detail:
      `Column "${tally.name}" writes dates ${mix.formats.length === 1 ? 'in an ambiguous format' : `in ${mix.formats.length} formats`}: ${list}, of ${count(mix.dates)} dates.` +
      (notes.length > 0 ? ` ${notes.join('; ')}.` : '') +
      (target ? ` The quick fix writes them as ${target}${dateFormat ? ' (phenotype.dateFormat)' : ' (the most common format)'}.` : ''),
    data: {
      kind: 'date', column: tally.name, columnIndex: tally.index, formats: Object.fromEntries(mix.formats), dates: mix.dates, nonMissing: mix.nonMissing,
      unresolved: mix.unresolved, bothOrders: mix.bothOrders, orders: mix.orders, target: target ?? null,
    },
  };
}

function categoryFinding(context: DatasetContext, columnIndex: number): RawFindingOf<PhenotypeFormatMixedMessages> | undefined {
  const column = context.profile.columns[columnIndex];
  if (column.valuesTruncated || column.values.size > MAX_CATEGORIES || column.values.size < 2) return undefined;
  const mix = spellingMix(column.name, [...column.values]);
  if (!mix) return undefined;
  const total = [...column.values.values()].reduce((a, b) => a + b, 0);
  const varied = mix.answers.filter((a) => a.spellings.length > 1 || mix.styles.length > 1);
  const list = varied.map((a) => a.spellings.map((s) => `${JSON.stringify(s.text)} ${count(s.count)}`).join(' / ')).join('; ');
  const styles = mix.family && mix.styles.length > 1 ? ` in ${mix.styles.length} styles (${mix.styles.join(', ')})` : '';
  const rewrites = Object.keys(mix.rewrites).length;
  const spellings = varied.reduce((n, a) => n + a.spellings.length, 0);
  const brief = varied.map((a) => a.spellings.map((s) => JSON.stringify(s.text)).join(' / ')).join('; ');
  return {
    messageId: 'category',
    range: context.headerCell(columnIndex),
    message: firstFitting(
      `"${column.name}" spells ${mix.family ? `${mix.family} answers` : 'the same category'} several ways: ${brief}`,
      `"${column.name}" spells ${mix.family ? `${mix.family} answers` : 'the same category'} ${spellings} ways`,
    ),
    detail:
      `Column "${column.name}" spells ${mix.family ? `${mix.family} answers` : 'the same category'} several ways${styles}: ${list} (${count(total)} values). ` +
      (rewrites > 0 ? `The quick fix writes ${rewrites} ${rewrites === 1 ? 'spelling' : 'spellings'} as the column's most common form.` : 'Digit codes are left as they are: what 1 and 2 mean is a convention the data does not state.'),
    data: {
      kind: 'category', column: column.name, columnIndex, family: mix.family ?? null, styles: mix.styles, values: total,
      spellings: Object.fromEntries(varied.flatMap((a) => a.spellings.map((s) => [s.text, s.count]))), rewrites: mix.rewrites,
    },
  };
}

export type PhenotypeFormatMixedMessages = {
  date: { kind: 'date'; column: string; columnIndex: number; target: DateFormatId | null; orders: Partial<Record<string, DateOrder>>; [fact: string]: unknown };
  category: { kind: 'category'; column: string; columnIndex: number; rewrites: Record<string, string>; [fact: string]: unknown };
};

export const phenotypeFormatMixed: DatasetRule<PhenotypeFormatMixedMessages> = {
  id: FORMAT_RULE_ID,
  defaultSeverity: 'information',
  description: 'Dates in more than one format in a column (or with a day/month order nothing settles), and categories spelled several ways (M / male, Yes / yes); fixable.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    date: 'Dates written in several formats.',
    category: 'Categories written in several styles.',
  },
  check(context) {
    const state = consistencyState(context);
    const findings: RawFindingOf<PhenotypeFormatMixedMessages>[] = [];
    for (const i of rolesOf(context).phenotype) {
      const tally = state?.columns[i];
      const dated = tally ? dateFinding(context, tally) : undefined;
      if (dated) { findings.push(dated); continue; }
      if (tally && (tally.quantity || tally.dateLike > 0 || codingOf(tally, context.policy.phenotype.codeSystem))) continue;
      const spelled = categoryFinding(context, i);
      if (spelled) findings.push(spelled);
    }
    return findings;
  },
};
