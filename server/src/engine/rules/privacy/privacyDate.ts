// privacy-date: Safe Harbor item C, dates related to a person more precise than the year
// (birth, death, admission, discharge, service dates), and ages over 89 not aggregated
// into one 90+ category. `data.kind` is `date` or `age`.
import { count, rows } from '../../format';
import { AGE_90_PLUS } from '../../privacy/ages';
import type { ColumnVerdict } from '../../privacy/verdicts';
import type { PrivacyScanState } from '../../privacy/scan';
import type { DatasetRule } from '../rule';
import { moveHint, safeHarborItem, sampleShare, sentence, shareOf, verdictData, verdictFindings, type VerdictData } from './common';

function ageMessage(v: ColumnVerdict, state: PrivacyScanState): { message: string; detail: string; data: PrivacyDateMessages['age'] } {
  const e = state.evidence[v.index];
  const bands = e.bandsOver89.size > 1 ? e.bandsOver89.size : 0;
  const what = bands > 0
    ? `${count(bands)} age bands above 89 (${rows(e.bandRowsOver89)}) tell the oldest participants apart`
    : `${rows(e.agesOver89)} of ${count(e.nonEmpty)} with an age hold an age over 89`;
  return {
    message: bands > 0
      ? `"${v.column}" has ${count(bands)} age bands above 89; Safe Harbor allows one ${AGE_90_PLUS} category`
      : `"${v.column}" has ages over 89 (${rows(e.agesOver89)}); Safe Harbor allows one ${AGE_90_PLUS} category`,
    detail: `${sentence(what)}; ${safeHarborItem('C')} allows ages over 89 only as one category of 90 or older. ` +
      `Aggregate them to "${AGE_90_PLUS}" with the quick fix.`,
    data: { ...verdictData(v, ''), identifiersFile: undefined, kind: 'age' as const, agesOver89: e.agesOver89, bandsOver89: bands, bandRowsOver89: e.bandRowsOver89, nonEmpty: e.nonEmpty },
  };
}

export type PrivacyDateMessages = {
  date: VerdictData & { kind: 'date'; [fact: string]: unknown };
  age: { column: string; columnIndex: number; kind: 'age'; [fact: string]: unknown };
};

export const privacyDate: DatasetRule<PrivacyDateMessages> = {
  id: 'privacy-date',
  defaultSeverity: 'warning',
  description: 'A date related to a person more precise than the year (birth, death, admission, discharge, service), or ages over 89 not aggregated to 90+ (Safe Harbor item C).',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    date: 'A column of full dates (a HIPAA Safe Harbor identifier).',
    age: 'Ages over 89 (Safe Harbor aggregates them to 90+).',
  },
  check(context) {
    return verdictFindings<PrivacyDateMessages>(context, 'date', (v, state) => {
      if (v.key === 'age') return { messageId: 'age', ...ageMessage(v, state) };
      const e = state.evidence[v.index];
      const full = e.countAll ? sampleShare(e.fullDates, e.nonEmpty, 'values') : sampleShare(v.matched, v.sampled);
      const share = e.countAll ? shareOf(e.fullDates, e.nonEmpty) : shareOf(v.matched, v.sampled, 'sampled values');
      const dates = v.category.label === 'birth date' ? 'birth dates' : 'dates';
      return {
        messageId: 'date',
        message: `"${v.column}" holds full ${dates} (${share}); Safe Harbor keeps only the year`,
        detail: `${sentence(full)} are full dates, more precise than the year. ` +
          `${safeHarborItem('C')} keeps only the year of a date related to a person. Keep the year with the quick fix, or ${moveHint(context.path)}.`,
        data: { ...verdictData(v, context.path), kind: 'date' as const, fullDates: e.countAll ? e.fullDates : v.matched, nonEmpty: e.countAll ? e.nonEmpty : v.sampled },
      };
    });
  },
};
