// A header's claim checked against its values: the verdict a privacy rule reports, with
// the evidence (header match, share of sampled values that fit). Value shape alone, with
// no telling header, must be near-unanimous and of a shape nothing else has (an issuable
// SSN with dashes, an email, a phone number with separators, an IP address, a Luhn-valid
// card number); bare digit runs and URLs are never enough on their own (record numbers,
// ontology IRIs).
import type { CategoryKey } from './categories';
import type { ColumnEvidence, Trait } from './evidence';

/** Share of sampled values that must fit for a header's claim to stand. */
export const HEADER_CONFIRM_SHARE = 0.5;
/** Share, and sample size, for value shape alone. */
export const SHAPE_ONLY_SHARE = 0.9;
export const SHAPE_ONLY_MIN_VALUES = 20;
/** Names and record numbers are mostly distinct; a column of a few repeated words is not one. */
export const MIN_DISTINCT_SHARE = 0.3;

export interface Verdict {
  key: CategoryKey;
  /** How the category was found: the header named it (values agreeing) or values alone. */
  by: 'header' | 'values';
  /** The trait that confirmed it, its count and the values sampled. */
  trait?: Trait;
  matched: number;
  sampled: number;
}

/** Which trait confirms a header's claim, per category; undefined: any non-empty value. */
const CONFIRMING: Partial<Record<CategoryKey, Trait>> = {
  name: 'name-token', ssn: 'ssn', email: 'email', phone: 'phone', fax: 'phone', ip: 'ip', url: 'url', card: 'card',
  coordinates: 'coordinate', birthDate: 'date', date: 'date', address: 'has-letter', city: 'has-letter',
  mrn: 'has-digit', healthPlan: 'has-digit', account: 'has-digit', licence: 'has-digit', passport: 'has-digit', vehicle: 'has-digit', device: 'has-digit',
};

/** Categories whose values are mostly distinct when they are what the header says. */
const DISTINCT: ReadonlySet<CategoryKey> = new Set(['name', 'mrn', 'healthPlan', 'account', 'licence', 'passport', 'vehicle', 'device', 'ssn', 'email', 'phone', 'card']);

function fits(e: ColumnEvidence, trait: Trait | undefined): number {
  return trait ? e.traits.get(trait) ?? 0 : e.sampled;
}

/** The ZIP column's kind: ZIP-5 values, restricted ZIP-3s, or another country's postal codes. */
function zipVerdict(e: ColumnEvidence): Verdict | undefined {
  const zip5 = e.traits.get('zip5') ?? 0;
  if (zip5 >= HEADER_CONFIRM_SHARE * e.sampled) return { key: 'zip', by: 'header', trait: 'zip5', matched: zip5, sampled: e.sampled };
  const zip3 = e.traits.get('zip3') ?? 0;
  if (zip3 >= HEADER_CONFIRM_SHARE * e.sampled) return e.restrictedZips > 0 ? { key: 'zip', by: 'header', trait: 'zip3', matched: e.restrictedZips, sampled: e.sampled } : undefined;
  const postal = e.traits.get('postal') ?? 0;
  if (postal >= HEADER_CONFIRM_SHARE * e.sampled) return { key: 'postalCode', by: 'header', trait: 'postal', matched: postal, sampled: e.sampled };
  return undefined;
}

export function confirmHeader(key: CategoryKey, e: ColumnEvidence): Verdict | undefined {
  if (e.sampled === 0) return undefined;
  if (key === 'zip') return zipVerdict(e);
  const trait = CONFIRMING[key];
  const matched = fits(e, trait);
  if (matched < HEADER_CONFIRM_SHARE * e.sampled) return undefined;
  if (DISTINCT.has(key) && e.sampled >= SHAPE_ONLY_MIN_VALUES && e.distinct < MIN_DISTINCT_SHARE * e.sampled) return undefined;
  return { key, by: 'header', trait, matched, sampled: e.sampled };
}

/** Strong shapes that identify a person on their own, in order of precedence. */
const SHAPE_ONLY: [Trait, CategoryKey][] = [['issuable-ssn', 'ssn'], ['email', 'email'], ['card', 'card'], ['ip', 'ip'], ['phone', 'phone']];

export function confirmByValues(e: ColumnEvidence): Verdict | undefined {
  if (e.sampled < SHAPE_ONLY_MIN_VALUES) return undefined;
  for (const [trait, key] of SHAPE_ONLY) {
    const matched = e.traits.get(trait) ?? 0;
    if (matched >= SHAPE_ONLY_SHARE * e.sampled) return { key, by: 'values', trait, matched, sampled: e.sampled };
  }
  return undefined;
}

/** A column of full dates whose header does not say what they are: still a date (item C). */
export function confirmDates(e: ColumnEvidence, dateHeader: boolean): Verdict | undefined {
  const matched = e.traits.get('date') ?? 0;
  const needed = dateHeader ? HEADER_CONFIRM_SHARE : SHAPE_ONLY_SHARE;
  if (e.sampled === 0 || matched < needed * e.sampled || (!dateHeader && e.sampled < SHAPE_ONLY_MIN_VALUES)) return undefined;
  return { key: 'date', by: dateHeader ? 'header' : 'values', trait: 'date', matched, sampled: e.sampled };
}
