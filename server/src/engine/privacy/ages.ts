// Safe Harbor item C: ages over 89 (and every date element that reveals them) must be
// aggregated into one category of 90 or older. A numeric age of 90 or more is reported; an
// age band starting at 90 or above is the 90+ category already unless there are several
// of them (90-94, 95-99), which tell older ages apart again.

const NUMBER = /^\d{1,3}(\.\d+)?$/;
/** `[90-100)`, `90-94`, `(90, 100]`, `90 to 94`: a band with its lower bound. */
const BAND = /^[[(]?\s*(\d{1,3})\s*(-|–|to|,)\s*(\d{1,3})\s*[\])]?$/;

export type AgeReading = { kind: 'age'; over89: boolean; years: number } | { kind: 'band'; over89: boolean; band: string } | undefined;

export function readAge(raw: string): AgeReading {
  const v = raw.trim();
  if (NUMBER.test(v)) {
    const years = Math.floor(Number(v));
    return { kind: 'age', over89: years >= 90, years };
  }
  const band = BAND.exec(v);
  if (band) return { kind: 'band', over89: Number(band[1]) >= 90, band: v };
  return undefined;
}

/** The value an age over 89 becomes. */
export const AGE_90_PLUS = '90+';

/**
 * A column already capped at 90 (UCI Adult from the 1994 CPS, many survey public-use files):
 * no age above 90, at least two at 90, and more at 90 than at 89, the pile-up that
 * capping makes (the ages 90 and over counted as 90 outnumber any single year below).
 * *Judgement:* an uncapped cohort's oldest years thin out, so its count at 90 does not
 * exceed its count at 89.
 */
export function looksTopCodedAt90(counts: { agesOver89: number; agesAbove90: number; agesAt89: number }): boolean {
  return counts.agesAbove90 === 0 && counts.agesOver89 >= 2 && counts.agesOver89 > counts.agesAt89;
}
