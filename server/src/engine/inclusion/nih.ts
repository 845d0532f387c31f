// The NIH Inclusion Enrollment Report's categories (grants.nih.gov, Human Subjects System):
// seven race rows × three ethnicity columns × three sex columns, and how a dataset's values
// are read into them. Race and ethnicity go through the OMB vocabulary the ancestry rules
// use (so "Caucasian", "2106-3" and OMOP 8527 are all White); values NIH has no row for
// ("Some Other Race", MENA, unreadable) count as Unknown or Not Reported, and the report
// lists them so a reviewer can see what went where.
import { labelKey } from '../ancestry/labelKey';
import { OMB } from '../ancestry/omb';
import { OMB_VOCABULARY } from '../ancestry/vocabularies';

export const NIH_RACES = [
  'American Indian/Alaska Native',
  'Asian',
  'Native Hawaiian or Other Pacific Islander',
  'Black or African American',
  'White',
  'More than One Race',
  'Unknown or Not Reported',
] as const;
export const NIH_ETHNICITIES = ['Not Hispanic or Latino', 'Hispanic or Latino', 'Unknown/Not Reported'] as const;
export const NIH_SEXES = ['Female', 'Male', 'Unknown/Not Reported'] as const;

export type NihRace = (typeof NIH_RACES)[number];
export type NihEthnicity = (typeof NIH_ETHNICITIES)[number];
export type NihSex = (typeof NIH_SEXES)[number];

export const UNKNOWN_RACE: NihRace = 'Unknown or Not Reported';
export const UNKNOWN_ETHNICITY: NihEthnicity = 'Unknown/Not Reported';
export const UNKNOWN_SEX: NihSex = 'Unknown/Not Reported';

const RACE_OF_OMB: Record<string, NihRace> = {
  [OMB.aian]: 'American Indian/Alaska Native',
  [OMB.asian]: 'Asian',
  [OMB.nhpi]: 'Native Hawaiian or Other Pacific Islander',
  [OMB.black]: 'Black or African American',
  [OMB.white]: 'White',
  [OMB.multiple]: 'More than One Race',
  'Asian or Pacific Islander': UNKNOWN_RACE,
};

/** Codings the OMB vocabulary does not hold: Synthea writes "native" for American Indian/Alaska Native. */
const EXTRA_RACES: Record<string, NihRace> = { native: 'American Indian/Alaska Native', moreThanOneRace: 'More than One Race' };

/** What one race (or combined race-and-ethnicity) value says, before the column is known to be combined. */
export interface RaceReading {
  race: NihRace;
  /** The value names Hispanic origin (a combined column). */
  hispanic?: boolean;
  /** The value names non-Hispanic origin ("Non-Hispanic White" names both). */
  notHispanic?: boolean;
  /** Read, but NIH has no row for it (Some Other Race, MENA, Asian or Pacific Islander). */
  noNihRow?: boolean;
}

export function readRace(value: string): RaceReading | undefined {
  const key = labelKey(value);
  if (key === '') return undefined;
  const extra = EXTRA_RACES[key] ?? Object.entries(EXTRA_RACES).find(([k]) => labelKey(k) === key)?.[1];
  if (extra) return { race: extra };
  const match = OMB_VOCABULARY.match(value);
  if (!match) return undefined;
  if (match.canonical === OMB.hispanic) return { race: UNKNOWN_RACE, hispanic: true };
  if (match.canonical === OMB.notHispanic) return { race: UNKNOWN_RACE, notHispanic: true };
  const race = RACE_OF_OMB[match.canonical];
  const notHispanic = /nonhispanic|nothispanic/.test(key);
  return race ? { race, notHispanic: notHispanic || undefined, noNihRow: race === UNKNOWN_RACE || undefined } : { race: UNKNOWN_RACE, noNihRow: true };
}

export function readEthnicity(value: string): NihEthnicity | undefined {
  const match = OMB_VOCABULARY.match(value);
  if (match?.canonical === OMB.hispanic) return 'Hispanic or Latino';
  if (match?.canonical === OMB.notHispanic) return 'Not Hispanic or Latino';
  return undefined;
}

const FEMALE = new Set(['f', 'female', 'woman', 'women', 'girl']);
const MALE = new Set(['m', 'male', 'man', 'men', 'boy']);

export function readSex(value: string): NihSex {
  const key = labelKey(value);
  if (FEMALE.has(key)) return 'Female';
  if (MALE.has(key)) return 'Male';
  return UNKNOWN_SEX;
}

/** Header tests: a race column, an ethnicity column, a sex column. */
export function isRaceHeader(name: string): boolean {
  return /race/.test(labelKey(name));
}

export function isEthnicityHeader(name: string): boolean {
  const key = labelKey(name);
  return /ethnic|hispanic/.test(key) && !/race/.test(key);
}

export function isSexHeader(name: string): boolean {
  const key = labelKey(name);
  return /^(sex|gender)/.test(key) || /(sex|gender)$/.test(key);
}
