// Date formats a cell can be written in, read and written back exactly. ISO 8601's
// calendar date (YYYY-MM-DD) is the unambiguous one; day/month/year with slashes, dots or
// hyphens is read day-first in most of the world and month-first in the US, so a value
// whose day and month are both 12 or less (`03/04/2019`) cannot be read without knowing
// which (a later value such as `25/04/2019` in the same column, or the policy's
// phenotype.dateOrder).

export type DateFormatId = 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'YYYYMMDD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY' | 'DD-MM-YYYY' | 'MM-DD-YYYY' | 'D Mon YYYY' | 'ISO date-time';

/** Formats the fix can write (policy phenotype.dateFormat). */
export const WRITABLE_FORMATS: readonly DateFormatId[] = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY'];

export type DateOrder = 'DMY' | 'MDY';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * What a cell's shape says: one format, or for day/month/year with both parts ≤ 12 the
 * separator only (`order` undefined) until the column or the policy says which.
 */
export interface DateReading {
  /** A fixed format; for an ambiguous d/m/y value, undefined. */
  format?: DateFormatId;
  /** The separator of a d/m/y value (`/`, `.`, `-`), ambiguous or not. */
  separator?: '/' | '.' | '-';
  /** The order a d/m/y value proves (a part above 12), undefined when both read. */
  order?: DateOrder;
  /** The date as read; for an ambiguous value, read day first. */
  date: CalendarDate;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const YMD_SLASH = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const COMPACT = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -,]+(\d{4})$/;

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function valid(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return { year, month, day };
}

function fixed(format: DateFormatId, y: string, m: string, d: string): DateReading | undefined {
  const date = valid(Number(y), Number(m), Number(d));
  return date && { format, date };
}

function dayMonth(separator: '/' | '.' | '-', first: number, second: number, year: number): DateReading | undefined {
  const dayFirst = valid(year, second, first);
  const monthFirst = valid(year, first, second);
  // Both readings valid: the order is unknown (the date is the same when first = second).
  if (dayFirst && monthFirst) return { separator, date: dayFirst };
  if (dayFirst) return { separator, order: 'DMY', format: formatOf(separator, 'DMY'), date: dayFirst };
  if (monthFirst) return { separator, order: 'MDY', format: formatOf(separator, 'MDY'), date: monthFirst };
  return undefined;
}

/** The d/m/y format for a separator and order (a dotted date is always day first). */
export function formatOf(separator: '/' | '.' | '-', order: DateOrder): DateFormatId {
  if (separator === '.') return 'DD.MM.YYYY';
  if (separator === '-') return order === 'DMY' ? 'DD-MM-YYYY' : 'MM-DD-YYYY';
  return order === 'DMY' ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
}

/** The date a cell holds and the format it is written in, or undefined when it is no date. */
export function readDate(raw: string): DateReading | undefined {
  const value = raw.trim();
  if (value.length < 8 || value.length > 35) return undefined;
  let m = ISO.exec(value);
  if (m) return fixed('YYYY-MM-DD', m[1], m[2], m[3]);
  m = ISO_TIME.exec(value);
  if (m) return fixed('ISO date-time', m[1], m[2], m[3]);
  m = YMD_SLASH.exec(value);
  if (m) return fixed('YYYY/MM/DD', m[1], m[2], m[3]);
  m = COMPACT.exec(value);
  if (m) return fixed('YYYYMMDD', m[1], m[2], m[3]);
  m = DMY.exec(value);
  if (m) {
    const separator = m[2] as '/' | '.' | '-';
    // Dotted dates are day-first wherever they are written (DIN 5008, most of Europe).
    if (separator === '.') {
      const date = valid(Number(m[4]), Number(m[3]), Number(m[1]));
      return date && { format: 'DD.MM.YYYY', separator, order: 'DMY', date };
    }
    return dayMonth(separator, Number(m[1]), Number(m[3]), Number(m[4]));
  }
  m = NAMED.exec(value);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    if (month === 0) return undefined;
    const date = valid(Number(m[3]), month, Number(m[1]));
    return date && { format: 'D Mon YYYY', date };
  }
  return undefined;
}

/** The date of an ambiguous d/m/y reading in `order`. */
export function inOrder(reading: DateReading, order: DateOrder | undefined): CalendarDate | undefined {
  if (reading.format !== undefined || order === 'DMY' || reading.date.day === reading.date.month) return reading.date;
  if (order === undefined) return undefined;
  return valid(reading.date.year, reading.date.day, reading.date.month);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `date` written in `format` (one of WRITABLE_FORMATS). */
export function writeDate(date: CalendarDate, format: DateFormatId): string {
  const y = pad(date.year, 4);
  const m = pad(date.month);
  const d = pad(date.day);
  switch (format) {
    case 'YYYY/MM/DD': return `${y}/${m}/${d}`;
    case 'YYYYMMDD': return `${y}${m}${d}`;
    case 'DD/MM/YYYY': return `${d}/${m}/${y}`;
    case 'MM/DD/YYYY': return `${m}/${d}/${y}`;
    case 'DD.MM.YYYY': return `${d}.${m}.${y}`;
    case 'DD-MM-YYYY': return `${d}-${m}-${y}`;
    case 'MM-DD-YYYY': return `${m}-${d}-${y}`;
    default: return `${y}-${m}-${d}`;
  }
}
