// Built-in reference populations (../shared/docs/domain.md, section A), each with the
// source and year its docs page cites. Shares are fractions of the reference population.
import type { VocabularyId } from './vocabularies';
import { OMB } from './vocabularies';

export interface Reference {
  id: string;
  /** How messages name it: id plus source and year. */
  label: string;
  vocabulary: VocabularyId | undefined;
  shares: Record<string, number>;
  /**
   * False when the published shares overlap (census race alone vs Hispanic origin), so
   * they do not sum to one; the goodness-of-fit test then rescales them and says so.
   */
  partition: boolean;
  /** For the census: which of its tables fits the column (see censusView). */
  design?: CensusDesign;
  /** Groups of the column's coding the reference counts inside another of its groups (UK Biobank's Chinese inside ONS's Asian). */
  rollUp?: Record<string, string>;
  /** A national census: the ISO 3166-1 alpha-2 code of the country it counts (nationalReference.ts). */
  country?: string;
  /**
   * Residual groups, with why: compared in the table and the goodness-of-fit test, never
   * called under-represented or absent (their size is the form's, not a population's).
   */
  residual?: Record<string, string>;
}

/** Whether a group of this reference is a residual one, not tested on its own (see Reference.residual). */
export function isResidual(reference: Reference | undefined, group: string): boolean {
  return reference?.residual?.[group] !== undefined;
}

/** Rescales shares so they sum to one. */
export function normalised(shares: Record<string, number>): Record<string, number> {
  const total = Object.values(shares).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, v / total]));
}

/** Phase 3, 2,504 unrelated people: AFR 661, AMR 347, EAS 504, EUR 503, SAS 489 [S1-S3]. */
const THOUSAND_GENOMES: Reference = {
  id: '1000g',
  label: '1000g (1000 Genomes phase 3, 2015)',
  vocabulary: 'continental',
  shares: normalised({ AFR: 661, AMR: 347, EAS: 504, EUR: 503, SAS: 489 }),
  partition: true,
};

/** gnomAD v4 (2023), 807,162 people, exomes plus genomes [S5,S6]. */
const GNOMAD_V4: Reference = {
  id: 'gnomad-v4',
  label: 'gnomad-v4 (gnomAD v4.0, 2023)',
  vocabulary: 'gnomad',
  shares: normalised({
    afr: 37545, ami: 456, amr: 30019, asj: 14804, eas: 22448, fin: 32026, mid: 3031, nfe: 590031, sas: 45546, remaining: 31256,
  }),
  partition: true,
};

/**
 * 2020 Census national shares [S13-S18]: race alone, and Hispanic origin of any race.
 * AIAN 1.1% and Some Other Race 8.4% are not re-verified (Table 2 of S18).
 */
const US_CENSUS_2020: Reference = {
  id: 'us-census-2020',
  label: 'us-census-2020 (US Census 2020)',
  vocabulary: 'omb',
  country: 'US',
  shares: {
    [OMB.white]: 0.616,
    [OMB.black]: 0.124,
    [OMB.asian]: 0.06,
    [OMB.aian]: 0.011,
    [OMB.nhpi]: 0.002,
    [OMB.other]: 0.084,
    [OMB.multiple]: 0.102,
    [OMB.hispanic]: 0.187,
  },
  partition: false,
  // Census 2020: most of the 8.4% who chose Some Other Race alone are Hispanic respondents
  // writing a Latino origin as their race (0.51% of people are Some Other Race and not
  // Hispanic, table P2). Whether a data set's "Other" compares depends on its form, not on
  // who is missing from it.
  residual: {
    [OMB.other]: 'Some Other Race is a residual category: its census share (8.4% alone, 0.51% not Hispanic) depends on how the form asks Hispanic origin, so it is not tested for under-representation or absence',
  },
};

/**
 * UN WPP 2019, year 2020 continental shares [S19], mapped to super-populations
 * (judgement): Asia split East vs South in WPP 2022's 2.3bn : 2.1bn [S20]; Americas to
 * AMR; Oceania (0.6%) unassigned; rescaled over the five groups.
 */
const GLOBAL: Reference = {
  id: 'global',
  label: 'global (UN World Population Prospects 2019, year 2020)',
  vocabulary: 'continental',
  shares: normalised({ AFR: 17.2, AMR: 7.6 + 5.5, EAS: (59.5 * 2.3) / 4.4, EUR: 9.6, SAS: (59.5 * 2.1) / 4.4 }),
  partition: true,
};

/** How a column asks race and Hispanic origin, which decides the census figures that fit it. */
export type CensusDesign = 'race-alone' | 'ethnicity-alone' | 'combined';

export const DESIGN_TEXT: Record<CensusDesign, string> = {
  'race-alone': 'race column without Hispanic values: race alone',
  'ethnicity-alone': 'ethnicity column: Hispanic origin',
  combined: 'combined race and ethnicity column (Hispanic is one of its values): table P2, Hispanic or Latino and not Hispanic by race',
};

/**
 * 2020 Census table P2 (Hispanic or Latino, and not Hispanic or Latino by race) [S18]:
 * the counts of domain.md G. Every person is in exactly one row, so the shares are a
 * partition, the one a column that lists Hispanic beside the races needs.
 */
const CENSUS_P2_COUNTS: Record<string, number> = {
  [OMB.hispanic]: 62_080_044,
  [OMB.white]: 191_697_647,
  [OMB.black]: 39_940_338,
  [OMB.aian]: 2_251_699,
  [OMB.asian]: 19_618_719,
  [OMB.nhpi]: 622_018,
  [OMB.other]: 1_689_833,
  [OMB.multiple]: 13_548_983,
};
export const CENSUS_P2_SHARES = normalised(CENSUS_P2_COUNTS);

/** Which design a column's groups show: ethnicity values only, races without Hispanic, or both. */
export function censusDesign(groupsPresent: Set<string>): CensusDesign {
  if ([...groupsPresent].every((g) => g === OMB.hispanic || g === OMB.notHispanic)) return 'ethnicity-alone';
  return groupsPresent.has(OMB.hispanic) ? 'combined' : 'race-alone';
}

/**
 * The census asks race and Hispanic origin separately (1997 SPD 15), so which of its
 * figures apply depends on the column: a Hispanic / not Hispanic column is compared with
 * the ethnicity split; a race column without Hispanic values (two-question format) with
 * race alone, which sums to 99.9%; a column holding Hispanic beside the races (one
 * combined question, most EHR extracts) with table P2, where Hispanic people are counted
 * once and the races are the non-Hispanic ones. Race-alone shares would count Hispanic
 * people inside every race (Some Other Race 8.4% alone, 0.51% not Hispanic).
 */
export function censusView(reference: Reference, groupsPresent: Set<string>): Reference {
  if (reference.id !== 'us-census-2020') return reference;
  const design = censusDesign(groupsPresent);
  const label = `us-census-2020 (US Census 2020, ${DESIGN_TEXT[design]})`;
  if (design === 'ethnicity-alone') {
    return { ...reference, label, design, shares: { [OMB.hispanic]: 0.187, [OMB.notHispanic]: 0.813 }, partition: true };
  }
  if (design === 'race-alone') {
    const { [OMB.hispanic]: _hispanic, ...raceAlone } = reference.shares;
    return { ...reference, label, design, shares: raceAlone, partition: true };
  }
  return { ...reference, label, design, shares: { ...CENSUS_P2_SHARES }, partition: true };
}

/**
 * England and Wales, Census 2021, ethnic group, the five high-level groups (ONS, "Ethnic
 * group, England and Wales: Census 2021", 29 November 2022; 59.6 million usual residents;
 * shares as published, rounded, summing to 100.0): domain.md G. UK Biobank's coding 1001
 * keeps Chinese as a top-level group; ONS has counted Chinese inside Asian since 2011, so a
 * column's Chinese rows are counted in Asian or Asian British here.
 */
const ONS_2021: Reference = {
  id: 'ons-2021',
  label: 'ons-2021 (England and Wales Census 2021, ONS 2022; Chinese counted in Asian or Asian British)',
  vocabulary: 'ukb',
  shares: normalised({ White: 81.7, 'Asian or Asian British': 9.3, 'Black or Black British': 4.0, Mixed: 2.9, 'Other ethnic group': 2.1 }),
  partition: true,
  rollUp: { Chinese: 'Asian or Asian British' },
  country: 'GB',
};

export const REFERENCES: Reference[] = [THOUSAND_GENOMES, GNOMAD_V4, US_CENSUS_2020, GLOBAL, ONS_2021];

export function referenceById(id: string): Reference | undefined {
  return REFERENCES.find((r) => r.id === id);
}

/** A policy's own shares; its vocabulary is whichever the data's values are in. */
export function customReference(shares: Record<string, number>, vocabulary: VocabularyId | undefined): Reference {
  const total = Object.values(shares).reduce((a, b) => a + b, 0);
  return { id: 'custom', label: 'custom (policy file)', vocabulary, shares: { ...shares }, partition: Math.abs(total - 1) < 0.02 };
}
