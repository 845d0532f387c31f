// What a single value looks like: the shapes of HIPAA Safe Harbor identifiers (45 CFR
// 164.514(b)(2)(i); ../shared/docs/domain.md, section E) recognised from the text alone.
// Each test is a cheap anchored regular expression (linear time, no backtracking blow-up)
// so a row scan can run them on a sample of every column, and the message helpers can
// run them on any value before deciding whether it may be shown.

export type ValueShape =
  | 'ssn' | 'email' | 'phone' | 'ipv4' | 'ipv6' | 'url' | 'card' | 'uuid'
  | 'date' | 'zip' | 'coordinate' | 'long-digits' | 'person-name';

const SSN = /^(\d{3})-(\d{2})-(\d{4})$/;
const SSN_BARE = /^\d{9}$/;
const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
// Telephone and fax numbers written with separators or a country code: (555) 123-4567,
// 555-123-4567, +44 20 7946 0958. Bare digit runs are "long-digits" instead.
const PHONE = /^(\+\d{1,3}[ .-]?)?(\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]?\d{3,4}( ?(x|ext\.?) ?\d{1,5})?$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// Eight groups, or fewer around one `::`; a clock time (10:30:00) is neither.
const IPV6 = /^([0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}$|^(?=.*::)(?!.*::.*::)[0-9A-Fa-f:]{3,39}$/;
const URL = /^(https?|ftp):\/\/[^\s]+$|^www\.[^\s]+\.[a-z]{2,}[^\s]*$/i;
const CARD = /^\d{4}([ -]?\d{4}){2}[ -]?\d{1,7}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A date with its day: ISO 2019-03-04 (optionally with a time), 03/04/2019, 4.3.2019,
 * 20190304, and as spreadsheets re-save them (MIMIC-III tables opened in Excel):
 * 10/19/1958 00:00, 3/5/94 0:00, 3/5/2094 1:30 PM.
 */
const FULL_DATE = /^(\d{4}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}( \d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?)?|\d{1,2}\/\d{1,2}\/\d{2} \d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?|(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))$/i;
/** Where a full date's four-digit year is: first (ISO, 20190304) or after the day and month. */
const YEAR_FIRST = /^(\d{4})/;
const YEAR_THIRD = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})\b/;
const ZIP = /^\d{5}(-\d{4})?$/;
const COORDINATE = /^-?\d{1,3}\.\d{4,}$/;
const LONG_DIGITS = /\d{6,}/;
/** Ontology term ids (DUO:0000006, MONDO_0005148, HP:0001250) are codes, not identifiers of people. */
const TERM_ID = /\b[A-Za-z]{2,10}[:_]\d{5,8}\b/g;
// A capitalised word or two (Freeman822 Kessler503 in Synthea, "Mary Smith"): names are
// hard to tell from words, so this errs towards calling a value a name.
const PERSON_NAME = /^[A-Z][a-z'’-]+\d*( [A-Z][a-z'’-]+\d*)+$|^[A-Z][a-z'’-]+\d+$/;

/** The Luhn checksum that payment card numbers carry. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** True for a nine-digit social security number in either layout, any area. */
export function isSsnShape(value: string): boolean {
  return SSN.test(value) || SSN_BARE.test(value);
}

/**
 * True when the SSN could have been issued: area not 000, 666 or 900-999, group not 00,
 * serial not 0000 (SSA's never-issued ranges; test data uses 9xx on purpose).
 */
export function isIssuableSsn(value: string): boolean {
  const digits = value.replace(/-/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  return area !== '000' && area !== '666' && area[0] !== '9' && digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

export function isFullDate(value: string): boolean {
  return FULL_DATE.test(value);
}

/** A full date's year, or undefined when it has none of four digits (3/5/94: which century is not written). */
export function dateYear(value: string): number | undefined {
  if (!FULL_DATE.test(value)) return undefined;
  const year = YEAR_FIRST.exec(value) ?? YEAR_THIRD.exec(value);
  return year ? Number(year[1]) : undefined;
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function isPhone(value: string): boolean {
  return PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7;
}

export function isIp(value: string): boolean {
  return IPV4.test(value) || (IPV6.test(value) && !/:::/.test(value) && /[0-9A-Fa-f]/.test(value));
}

export function isUrl(value: string): boolean {
  return URL.test(value);
}

export function isCardNumber(value: string): boolean {
  if (!CARD.test(value)) return false;
  const digits = value.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
}

export function isZip(value: string): boolean {
  return ZIP.test(value);
}

export function isCoordinate(value: string): boolean {
  return COORDINATE.test(value) && Math.abs(Number(value)) <= 180;
}

export function isPersonName(value: string): boolean {
  return PERSON_NAME.test(value);
}

/** The identifier shapes a value has, strongest first (an SSN is also a long digit run). */
export function shapesOf(raw: string): ValueShape[] {
  const value = raw.trim();
  const shapes: ValueShape[] = [];
  if (value === '') return shapes;
  if (isSsnShape(value)) shapes.push('ssn');
  if (isEmail(value)) shapes.push('email');
  if (isCardNumber(value)) shapes.push('card');
  if (isIp(value)) shapes.push(IPV4.test(value) ? 'ipv4' : 'ipv6');
  if (isUrl(value)) shapes.push('url');
  if (UUID.test(value)) shapes.push('uuid');
  if (isFullDate(value)) shapes.push('date');
  if (isPhone(value)) shapes.push('phone');
  if (isZip(value)) shapes.push('zip');
  if (isCoordinate(value)) shapes.push('coordinate');
  if (LONG_DIGITS.test(value.replace(TERM_ID, ''))) shapes.push('long-digits');
  if (isPersonName(value)) shapes.push('person-name');
  return shapes;
}
