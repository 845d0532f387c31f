// Whether a value from the data may appear in a message, a hover, a log line or an output
// field. A value is shown only when it is short and has none of the identifier shapes
// (SSN, email, phone, card, IP, URL, full date, ZIP, coordinate, long digit runs, a
// person's name); otherwise the message names the row and column instead. A misaligned
// row can put an SSN into a consent column, and a label nobody recognises can be a name,
// so every rule that quotes a cell or an unknown label asks here first.
import { shapesOf, type ValueShape } from './shapes';

/** Longer values are free text or identifiers more often than codes or labels. */
export const MAX_SHOWN_LENGTH = 32;

export interface Withheld {
  /** Why the value is not shown: the first identifier shape it has, or its length. */
  reason: ValueShape | 'long';
}

/** Undefined when the value may be shown, else why not. */
export function withheldBecause(value: string): Withheld | undefined {
  if (value.length > MAX_SHOWN_LENGTH) return { reason: 'long' };
  const shapes = shapesOf(value);
  return shapes.length > 0 ? { reason: shapes[0] } : undefined;
}

export function isSafeToShow(value: string): boolean {
  return withheldBecause(value) === undefined;
}

const REASON_TEXT: Record<Withheld['reason'], string> = {
  ssn: 'it has the shape of an SSN',
  email: 'it has the shape of an email address',
  phone: 'it has the shape of a phone number',
  ipv4: 'it has the shape of an IP address',
  ipv6: 'it has the shape of an IP address',
  url: 'it has the shape of a URL',
  card: 'it has the shape of a card number',
  uuid: 'it has the shape of a record id',
  date: 'it has the shape of a full date',
  zip: 'it has the shape of a ZIP code',
  coordinate: 'it has the shape of a coordinate',
  'long-digits': 'it holds a long run of digits',
  'person-name': 'it may be a name',
  long: `it is longer than ${MAX_SHOWN_LENGTH} characters`,
};

/** "it has the shape of an SSN", for a message that says why a value is withheld. */
export function withheldText(w: Withheld): string {
  return REASON_TEXT[w.reason];
}
