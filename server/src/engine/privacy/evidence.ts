// What one column's values say about a privacy category, counted a row at a time. Shapes
// are tested on the first SAMPLE non-empty values of every column (enough to confirm or
// contradict a header, cheap on a million rows); the counts the fixes and the date and
// geography messages need (full dates, ZIPs, ages) cover every row of the columns whose
// header claims them.
import { addCounts, bump } from '../counts';
import { readAge } from './ages';
import { dateYear, isCardNumber, isCoordinate, isEmail, isFullDate, isIp, isIssuableSsn, isPhone, isSsnShape, isUrl } from './shapes';
import { isOtherPostalCode, isRestrictedZip3, isZip5, safeHarborZip, RESTRICTED_ZIP3 } from './zip3';

export const SAMPLE = 1000;
/** Distinct bands over 89 kept (a handful tells whether they are finer than 90+). */
const MAX_BANDS = 10;

export type Trait =
  | 'ssn' | 'issuable-ssn' | 'email' | 'phone' | 'ip' | 'url' | 'card' | 'date' | 'coordinate'
  | 'name-token' | 'has-digit' | 'has-letter' | 'zip5' | 'zip3' | 'postal';

// A person's name token: capitalised, perhaps with Synthea's digits (Freeman822), not an
// all-caps code; or one to four words of lower-case letters, as exports that fold case
// write names ("miguel hernandez" in ProPublica's COMPAS files). Only a header that names
// a name asks for this trait, and name columns must also be mostly distinct (confirm.ts),
// so a `name` column of drug or site names, which repeat, is not taken for people's names.
const NAME_TOKEN = /^[A-Z][a-z'’.-]+\d*( [A-Z][a-zA-Z'’.-]*\d*)*$|^[a-z][a-z'’.-]+( [a-z][a-z'’.-]+){0,3}$/;

function traitsOf(v: string): Trait[] {
  const t: Trait[] = [];
  if (isSsnShape(v)) t.push('ssn');
  if (/^\d{3}-\d{2}-\d{4}$/.test(v) && isIssuableSsn(v)) t.push('issuable-ssn');
  if (isEmail(v)) t.push('email');
  if (isPhone(v)) t.push('phone');
  if (isIp(v)) t.push('ip');
  if (isUrl(v)) t.push('url');
  if (isCardNumber(v)) t.push('card');
  if (isFullDate(v)) t.push('date');
  if (isCoordinate(v)) t.push('coordinate');
  if (NAME_TOKEN.test(v)) t.push('name-token');
  if (/\d/.test(v)) t.push('has-digit');
  if (/[A-Za-z]/.test(v)) t.push('has-letter');
  if (isZip5(v)) t.push('zip5');
  if (/^\d{3}$/.test(v)) t.push('zip3');
  if (isOtherPostalCode(v)) t.push('postal');
  return t;
}

const NO_TRAITS: ReadonlyMap<Trait, number> = new Map();

/**
 * *Judgement:* a date of a person in or after 2100 is not a real one: real records end
 * today, and planned dates (a follow-up visit) fall in the next years, not a century away.
 */
export const SHIFTED_FROM = 2100;

export class ColumnEvidence {
  /** Non-empty values whose shapes were tested (at most SAMPLE). */
  sampled = 0;
  /** Created with the first value, so a very wide header with no rows costs little. */
  private counts?: Map<Trait, number>;
  private seen?: Set<string>;
  /** Rows with a non-empty value, over the whole column. */
  nonEmpty = 0;
  /** Whole-column counts, kept for the columns whose header claims a date, ZIP or age. */
  fullDates = 0;
  /**
   * Full dates in or after SHIFTED_FROM, and the range of their years: MIMIC's de-identified
   * dates are shifted into 2100-2200 (MIMIC-IV: 2110-2210) and MIMIC-CDM's into 2500-3500.
   */
  shiftedDates = 0;
  shiftedFirstYear = Infinity;
  shiftedLastYear = -Infinity;
  zipsToGeneralise = 0;
  restrictedZips = 0;
  agesOver89 = 0;
  /** Numeric ages of 91 or more, and of 89: whether the 90s are a cap (ages.ts looksTopCodedAt90). */
  agesAbove90 = 0;
  agesAt89 = 0;
  bandsOver89 = new Set<string>();
  bandRowsOver89 = 0;

  /**
   * `count`: which whole-column count this column keeps (none past the sample when undefined).
   * `deferSample`: the evidence of a block of rows after the first, which samples nothing:
   * the rows before it decide whether its values enter the sample, and absorb replays
   * them then (testing shapes in every block cost 50,000 tests per block re-scanned).
   */
  constructor(readonly count?: 'date' | 'zip' | 'age', private readonly deferSample = false) {}

  get countAll(): boolean {
    return this.count !== undefined;
  }

  /** Distinct values among the sampled ones. */
  get distinct(): number {
    return this.seen?.size ?? 0;
  }

  get traits(): ReadonlyMap<Trait, number> {
    return this.counts ?? NO_TRAITS;
  }

  share(trait: Trait): number {
    return this.sampled > 0 ? (this.counts?.get(trait) ?? 0) / this.sampled : 0;
  }

  /**
   * Adds `block`'s evidence (a column's later rows) as if its values had been added here.
   * Only the first SAMPLE non-empty values are tested, so while this side's sample is not
   * full and the block's values would overfill it, `values` replays them instead.
   */
  absorb(block: ColumnEvidence, values: () => Iterable<string>): void {
    if (!this.countAll && this.sampled >= SAMPLE) return;
    // The sample takes the block's values (deferred), or fills inside it (block.nonEmpty counts at least the values it sampled).
    // Evidence that defers its sample (a group of later blocks) takes none of the block's either.
    if (!this.deferSample && this.sampled < SAMPLE && (block.deferSample ? block.nonEmpty > 0 : this.sampled > 0 && this.sampled + block.nonEmpty > SAMPLE)) {
      for (const v of values()) this.add(v);
      return;
    }
    this.nonEmpty += block.nonEmpty;
    this.addWholeColumn(block);
    // A full sample takes no more values; an empty one becomes the block's.
    if (this.sampled >= SAMPLE) return;
    this.sampled += block.sampled;
    if (block.seen) {
      const seen = (this.seen ??= new Set());
      for (const v of block.seen) seen.add(v);
    }
    if (block.counts) {
      const counts = (this.counts ??= new Map());
      addCounts(counts, block.counts);
    }
  }

  private addWholeColumn(block: ColumnEvidence): void {
    this.fullDates += block.fullDates;
    this.shiftedDates += block.shiftedDates;
    this.shiftedFirstYear = Math.min(this.shiftedFirstYear, block.shiftedFirstYear);
    this.shiftedLastYear = Math.max(this.shiftedLastYear, block.shiftedLastYear);
    this.zipsToGeneralise += block.zipsToGeneralise;
    this.restrictedZips += block.restrictedZips;
    this.agesOver89 += block.agesOver89;
    this.agesAbove90 += block.agesAbove90;
    this.agesAt89 += block.agesAt89;
    this.bandRowsOver89 += block.bandRowsOver89;
    for (const band of block.bandsOver89) if (this.bandsOver89.size < MAX_BANDS) this.bandsOver89.add(band);
  }

  add(raw: string): void {
    // Past the sample, only the columns whose header claims a date, ZIP or age are counted.
    if (!this.countAll && this.sampled >= SAMPLE) return;
    const v = raw.trim();
    if (v === '') return;
    this.nonEmpty++;
    if (this.sampled < SAMPLE && !this.deferSample) {
      this.sampled++;
      const seen = (this.seen ??= new Set());
      const counts = (this.counts ??= new Map());
      seen.add(v);
      for (const t of traitsOf(v)) bump(counts, t);
    }
    if (this.count === 'date') {
      if (!isFullDate(v)) return;
      this.fullDates++;
      const year = dateYear(v);
      if (year !== undefined && year >= SHIFTED_FROM) {
        this.shiftedDates++;
        if (year < this.shiftedFirstYear) this.shiftedFirstYear = year;
        if (year > this.shiftedLastYear) this.shiftedLastYear = year;
      }
      return;
    }
    if (this.count === 'zip') {
      const zip = safeHarborZip(v);
      if (zip !== undefined && (isZip5(v) || zip === '000')) this.zipsToGeneralise++;
      if (isRestrictedZip3(v) || (isZip5(v) && RESTRICTED_ZIP3.has(v.slice(0, 3)))) this.restrictedZips++;
      return;
    }
    if (this.count !== 'age') return;
    const age = readAge(v);
    if (age?.kind === 'age' && age.years === 89) this.agesAt89++;
    if (age?.over89) {
      if (age.kind === 'age') {
        this.agesOver89++;
        if (age.years > 90) this.agesAbove90++;
      } else {
        this.bandRowsOver89++;
        if (this.bandsOver89.size < MAX_BANDS) this.bandsOver89.add(age.band);
      }
    }
  }
}
