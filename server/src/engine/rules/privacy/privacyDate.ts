// privacy-date: Safe Harbor item C, dates related to a person more precise than the year
// (birth, death, admission, discharge, service dates), and ages over 89 not aggregated
// into one 90+ category. `data.kind` is `date` or `age`.
import { count, rows } from '../../format';
import { AGE_90_PLUS, looksTopCodedAt90 } from '../../privacy/ages';
import type { ColumnVerdict } from '../../privacy/verdicts';
import type { PrivacyScanState } from '../../privacy/scan';
import type { DatasetRule } from '../rule';
import { moveHint, safeHarborItem, sampleShare, sentence, shareOf, verdictData, verdictFindings, type VerdictData } from './common';

/** *Judgement:* nine in ten of a column's full dates a century ahead: the column was date-shifted, not mistyped. */
const SHIFTED_SHARE = 0.9;

/** Dates shifted a century ahead (MIMIC's de-identification): their year means nothing, so no year is kept. */
function shiftedMessage(v: ColumnVerdict, state: PrivacyScanState, path: string) {
  const e = state.evidence[v.index];
  const years = e.shiftedFirstYear === e.shiftedLastYear ? String(e.shiftedFirstYear) : `${e.shiftedFirstYear}–${e.shiftedLastYear}`;
  return {
    messageId: 'dateShifted' as const,
    defaultSeverity: 'information' as const,
    message: `"${v.column}" holds dates shifted into ${years}: de-identified by date shifting, not by Safe Harbor`,
    detail: `${sentence(`${count(e.shiftedDates)} of ${count(e.fullDates)} full dates`)} fall in ${years}, a century or more ahead: the dates were shifted, as MIMIC shifts each patient's dates into the future, keeping intervals, weekdays and seasons. ` +
      `Their years mean nothing, so there is no year to keep; ${safeHarborItem('C')} does not cover shifted dates, which rely on an expert determination (45 CFR 164.514(b)(1)) or a data use agreement. ` +
      `If the data leave that agreement, ${moveHint(path)}.`,
    data: { ...verdictData(v, path), kind: 'date' as const, fullDates: e.fullDates, nonEmpty: e.nonEmpty, shiftedDates: e.shiftedDates, firstYear: e.shiftedFirstYear, lastYear: e.shiftedLastYear },
  };
}

/** Every age of 90 or more is 90, and 90 outnumbers 89: the column is capped already, only labelled as an exact age. */
function topCodedMessage(v: ColumnVerdict, state: PrivacyScanState) {
  const e = state.evidence[v.index];
  return {
    messageId: 'ageTopCoded' as const,
    defaultSeverity: 'information' as const,
    message: `"${v.column}" looks capped at 90 (${rows(e.agesOver89)} at 90, none above); label them ${AGE_90_PLUS}`,
    detail: `${sentence(`${rows(e.agesOver89)} of ${count(e.nonEmpty)} with an age hold 90`)}, none holds more, and ${rows(e.agesAt89)} hold 89: ` +
      'more at 90 than at 89 is the pile-up of a column whose ages of 90 and over were already written as 90 (as survey public-use files do). ' +
      `${safeHarborItem('C')} allows ages over 89 only as one category of 90 or older; this column seems to have it, but "90" reads as an exact age. ` +
      `Write "${AGE_90_PLUS}" with the quick fix so the category says what it holds. If the ages are not capped, the 90-year-olds are identifiable by age.`,
    data: { ...verdictData(v, ''), identifiersFile: undefined, kind: 'age' as const, agesOver89: e.agesOver89, agesAt89: e.agesAt89, agesAbove90: 0, nonEmpty: e.nonEmpty },
  };
}

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
  ageTopCoded: { column: string; columnIndex: number; kind: 'age'; [fact: string]: unknown };
  dateShifted: VerdictData & { kind: 'date'; [fact: string]: unknown };
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
    ageTopCoded: 'Ages already capped at 90, written as 90 rather than 90+.',
    dateShifted: 'Dates shifted a century or more ahead (de-identified by date shifting).',
  },
  check(context) {
    return verdictFindings<PrivacyDateMessages>(context, 'date', (v, state) => {
      if (v.key === 'age') {
        const e = state.evidence[v.index];
        if (e.bandsOver89.size <= 1 && looksTopCodedAt90(e)) return topCodedMessage(v, state);
        return { messageId: 'age', ...ageMessage(v, state) };
      }
      const e = state.evidence[v.index];
      if (e.countAll && e.fullDates > 0 && e.shiftedDates >= SHIFTED_SHARE * e.fullDates) return shiftedMessage(v, state, context.path);
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
