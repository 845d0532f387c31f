// A national census is a reference for data from its own country only. When the table says
// where its people live (dataCountry.ts) and the reference a vocabulary would bring is
// another country's census, the data's own census is used where one is built in and the
// column's groups have counterparts in it; otherwise no reference is applied, and
// ancestry-representation-unchecked says why. A reference the policy names is kept as named.
import type { DataCountry } from './dataCountry';
import { OMB } from './omb';
import { referenceById, type Reference } from './references';

/**
 * US OMB race groups and their England and Wales Census 2021 counterparts (ONS high-level
 * groups: "Ethnic group classification 2021"). Groups with none are left out and stay
 * unplaced: Hispanic or Latino (the census does not ask Hispanic origin), American Indian
 * or Alaska Native, Native Hawaiian or Other Pacific Islander, and Middle Eastern or North
 * African (ONS counts Arab within Other ethnic group, other MENA identities elsewhere).
 */
const OMB_IN_ONS: Record<string, string> = {
  [OMB.white]: 'White',
  [OMB.black]: 'Black or Black British',
  [OMB.asian]: 'Asian or Asian British',
  [OMB.multiple]: 'Mixed',
  [OMB.other]: 'Other ethnic group',
};

export interface NationalFit {
  reference?: Reference;
  /** The vocabulary's reference, not applied: it counts another country than the data's. */
  withheld?: Reference;
}

/** The reference for `groups` of a column whose data is from `country`, given the one its vocabulary brings. */
export function fitToCountry(reference: Reference | undefined, country: DataCountry | undefined, groups: Set<string>): NationalFit {
  if (!reference?.country || !country || reference.country === country.code) return { reference };
  if (reference.id === 'us-census-2020' && country.code === 'GB' && [...groups].some((g) => g in OMB_IN_ONS)) {
    const ons = referenceById('ons-2021')!;
    const scope = country.nation === 'Scotland' || country.nation === 'Northern Ireland' ? `, the nearest built in for ${country.nation}` : '';
    return {
      reference: {
        ...ons, vocabulary: reference.vocabulary, rollUp: { ...ons.rollUp, ...OMB_IN_ONS },
        label: `ons-2021 (England and Wales Census 2021, ONS 2022${scope}; US OMB groups counted in their ONS counterparts)`,
      },
    };
  }
  return { withheld: reference };
}

/** Countries whose English short name takes "the" in a sentence. */
const WITH_ARTICLE = new Set(['GB', 'US', 'NL', 'RU', 'PH', 'AE', 'CZ', 'BS', 'GM', 'DO', 'CF', 'KM', 'MV', 'MH', 'SB']);

/** "the United Kingdom", "England", "Canada". */
export function countryName(country: DataCountry): string {
  return country.nation ?? (WITH_ARTICLE.has(country.code) ? `the ${country.name}` : country.name);
}

/** Where the table says its people live, for messages: `the United Kingdom (column "STATE": 543 of 543 rows)`. */
export function countryText(country: DataCountry): string {
  return `${countryName(country)} (column "${country.column}": ${country.rows.toLocaleString('en-US')} of ${country.total.toLocaleString('en-US')} rows)`;
}
