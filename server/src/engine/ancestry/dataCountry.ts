// Where a table's people live, when the table itself says so: a country column (or a
// state/region column holding one country's name, as Synthea's UK export writes
// "UnitedKingdom" under STATE) in which most values name one country. A national census
// is a fair reference only for its own country: a UK cohort compared with the US census
// would call groups absent that the UK counts differently (Hispanic origin, which the
// England and Wales census does not ask) or barely has (American Indian or Alaska Native).
// Country names, aliases and codes come from ISO 3166-1 (i18n-iso-countries, English names).
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { labelKey } from './labelKey';
import type { TableProfile } from '../profile/profile';

countries.registerLocale(english);

export interface DataCountry {
  /** ISO 3166-1 alpha-2 code ("GB", "US"). */
  code: string;
  /** Its English short name ("United Kingdom"). */
  name: string;
  /** The UK nation the values name, when they name one ("England"). */
  nation?: string;
  /** The column that says so. */
  column: string;
  /** Rows naming that country, of the rows with a value in the column. */
  rows: number;
  total: number;
}

/** *Judgement:* most values name the country, as for a vocabulary (MIN_VOCABULARY_SHARE). */
const MOST = 0.8;

/** The four UK nations, which exports write as countries. */
const UK_NATIONS = ['England', 'Wales', 'Scotland', 'Northern Ireland'];

/**
 * US states, DC and Puerto Rico by name and USPS code (USPS Publication 28, appendix B):
 * in a state column, "GA" and "Georgia" are the state, not the country of that code or name.
 */
const US_STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

type Reading = { code: string; nation?: string };

/** Country names and aliases by labelKey ("unitedkingdom", "uk", "greatbritain"); UK nations as GB. */
const BY_NAME: Map<string, Reading> = (() => {
  const map = new Map<string, Reading>();
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) map.set(labelKey(name), { code });
  }
  for (const nation of UK_NATIONS) map.set(labelKey(nation), { code: 'GB', nation });
  return map;
})();

const US_STATE_KEYS = new Set([...Object.keys(US_STATES), ...Object.values(US_STATES)].map(labelKey));

/** Header keys of columns that hold the country of residence (not of birth or citizenship: Adult's native-country is the birth country). */
function countryColumn(key: string): boolean {
  return (key.includes('country') || key === 'nation' || key === 'cntry' || key === 'ctry') && !/birth|origin|citizen|born|native/.test(key);
}

/** Header keys of columns that hold a place one level below or at the country. */
function placeColumn(key: string): boolean {
  return /^(state|region|location|residence|province|territory)$/.test(key);
}

/** The country a value names in a column of countries: a name, an alias or an ISO code. */
function readCountry(value: string): Reading | undefined {
  const key = labelKey(value);
  const named = BY_NAME.get(key);
  if (named) return named;
  const code = value.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && countries.isValid(code)) return { code };
  if (/^[A-Z]{3}$/.test(code)) {
    const alpha2 = countries.alpha3ToAlpha2(code);
    if (alpha2) return { code: alpha2 };
  }
  return undefined;
}

/** In a state or region column: a country's name only; a US state (by name or code) is the US. */
function readPlace(value: string): Reading | undefined {
  const key = labelKey(value);
  if (US_STATE_KEYS.has(key)) return { code: 'US' };
  return BY_NAME.get(key);
}

/** The country most rows of a country or place column name, when one does. */
export function dataCountry(profile: TableProfile): DataCountry | undefined {
  for (const column of profile.columns) {
    const key = labelKey(column.name);
    const read = countryColumn(key) ? readCountry : placeColumn(key) ? readPlace : undefined;
    // A column of many distinct values (truncated) is not a column of countries.
    if (!read || column.valuesTruncated || column.values.size === 0) continue;
    const tally = new Map<string, { rows: number; nations: Map<string, number> }>();
    let total = 0;
    for (const [value, rows] of column.values) {
      total += rows;
      const reading = read(value);
      if (!reading) continue;
      const entry = tally.get(reading.code) ?? { rows: 0, nations: new Map() };
      entry.rows += rows;
      if (reading.nation) entry.nations.set(reading.nation, (entry.nations.get(reading.nation) ?? 0) + rows);
      tally.set(reading.code, entry);
    }
    const [code, top] = [...tally].sort((a, b) => b[1].rows - a[1].rows)[0] ?? [];
    if (!code || !top || top.rows < MOST * total) continue;
    const [nation, nationRows] = [...top.nations].sort((a, b) => b[1] - a[1])[0] ?? [];
    return {
      code, name: countries.getName(code, 'en') ?? code, column: column.name, rows: top.rows, total,
      ...(nation && nationRows! >= MOST * top.rows ? { nation } : {}),
    };
  }
  return undefined;
}
