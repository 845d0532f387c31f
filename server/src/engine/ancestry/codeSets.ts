// Race and ethnicity codings that real files use, each rolled up to the US OMB categories
// (sources in docs/references.md, "Codings read as OMB categories"). A coding also says
// which OMB categories it has no code for, so a group with no rows is "not collected by
// this coding" rather than absent.
import { OMB } from './omb';

export interface Coding {
  id: 'omb' | 'omb-1977' | 'cdc' | 'omop' | 'all-of-us' | 'ehr' | 'naaccr' | 'synthea' | 'ukb-1001' | 'ons-2021' | 'nhanes' | 'acs-pums' | 'continental' | 'gnomad';
  name: string;
  /** OMB categories with no code in this coding. */
  lacks: readonly string[];
  /** True when its labels tell the coding apart (codes, or wording only it uses). */
  distinctive: boolean;
}

/** "Asian or Pacific Islander" (1977) is today's Asian plus Native Hawaiian or Other Pacific Islander. */
export const ASIAN_OR_PACIFIC_ISLANDER = 'Asian or Pacific Islander';
/**
 * NHANES "Other Race - Including Multi-Racial": everyone not Hispanic, non-Hispanic White or
 * non-Hispanic Black (RIDRETH1), and also not non-Hispanic Asian (RIDRETH3) [NHANES DEMO].
 */
export const NHANES_OTHER_1 = 'Other Race - Including Multi-Racial (RIDRETH1)';
export const NHANES_OTHER_3 = 'Other Race - Including Multi-Racial (RIDRETH3)';
export const OMB_UNIONS: Record<string, readonly string[]> = {
  [ASIAN_OR_PACIFIC_ISLANDER]: [OMB.asian, OMB.nhpi],
  [NHANES_OTHER_1]: [OMB.asian, OMB.aian, OMB.nhpi, OMB.other, OMB.multiple],
  [NHANES_OTHER_3]: [OMB.aian, OMB.nhpi, OMB.other, OMB.multiple],
};

export interface CodeTable {
  coding: Coding;
  /** Canonical group -> raw codes or labels. */
  codes: Record<string, string[]>;
}

/** OMB Directive 15 (1977): four races, Hispanic origin; no multiracial or "other" category. */
export const OMB_1977: CodeTable = {
  coding: { id: 'omb-1977', name: 'OMB Directive 15 (1977)', lacks: [OMB.multiple, OMB.other, OMB.mena], distinctive: true },
  codes: {
    // Asian-Pac-Islander and Amer-Indian-Eskimo: the same categories as the 1994 Current
    // Population Survey wrote them in the UCI Adult data set (adult.names), and the 1990
    // census's "American Indian, Eskimo, or Aleut".
    [ASIAN_OR_PACIFIC_ISLANDER]: ['Asian or Pacific Islander', 'Asian/Pacific Islander', 'Asian Pacific Islander', 'API', 'A/PI', 'API (Asian or Pacific Islander)', 'Asian-Pac-Islander'],
    [OMB.aian]: ['American Indian or Alaskan Native', 'American Indian/Alaskan Native', 'Alaskan Native', 'Amer-Indian-Eskimo', 'American Indian, Eskimo, or Aleut', 'American Indian, Eskimo, Aleut'],
  },
};

/**
 * CDC Race and Ethnicity Code Set v1.0 (urn:oid:2.16.840.1.113883.6.238), as in HL7 FHIR
 * US Core `ombCategory`: the five race categories, Hispanic origin, and the detailed codes
 * of the HL7 v3 value sets RaceAsian, RaceBlackOrAfricanAmerican, RaceWhite,
 * RaceHawaiianOrPacificIsland and EthnicityHispanic rolled up to their category. Middle
 * Eastern or North African (2118-8) sits under White in this code set. There is no
 * multiracial code: a person with several races carries several codes.
 */
export const CDC_RACE_ETHNICITY: CodeTable = {
  coding: { id: 'cdc', name: 'CDC Race and Ethnicity Code Set (HL7 US Core)', lacks: [OMB.multiple, OMB.mena], distinctive: true },
  codes: {
    [OMB.aian]: ['1002-5', '1004-1', '1735-0'],
    [OMB.asian]: [
      '2028-9', '2029-7', '2030-5', '2031-3', '2032-1', '2033-9', '2034-7', '2035-4', '2036-2', '2037-0', '2038-8', '2039-6', '2040-4',
      '2041-2', '2042-0', '2043-8', '2044-6', '2045-3', '2046-1', '2047-9', '2048-7', '2049-5', '2050-3', '2051-1', '2052-9',
    ],
    [OMB.black]: [
      '2054-5', '2056-0', '2058-6', '2060-2', '2061-0', '2062-8', '2063-6', '2064-4', '2065-1', '2066-9', '2067-7', '2068-5', '2069-3',
      '2070-1', '2071-9', '2072-7', '2073-5', '2074-3', '2075-0',
    ],
    [OMB.nhpi]: [
      '2076-8', '2078-4', '2079-2', '2080-0', '2081-8', '2082-6', '2083-4', '2085-9', '2086-7', '2087-5', '2088-3', '2089-1', '2090-9',
      '2091-7', '2092-5', '2093-3', '2094-1', '2095-8', '2096-6', '2097-4', '2098-2', '2100-6', '2101-4', '2102-2', '2103-0', '2104-8', '2500-7',
    ],
    [OMB.white]: [
      '2106-3', '2108-9', '2109-7', '2110-5', '2111-3', '2112-1', '2113-9', '2114-7', '2115-4', '2116-2', '2118-8', '2119-6', '2120-4',
      '2121-2', '2122-0', '2123-8', '2124-6', '2125-3', '2126-1', '2127-9', '2129-5',
    ],
    [OMB.other]: ['2131-1'],
    [OMB.hispanic]: [
      '2135-2', '2137-8', '2138-6', '2139-4', '2140-2', '2141-0', '2142-8', '2143-6', '2144-4', '2145-1', '2146-9', '2148-5', '2149-3',
      '2150-1', '2151-9', '2152-7', '2153-5', '2155-0', '2156-8', '2157-6', '2158-4', '2159-2', '2160-0', '2161-8', '2162-6', '2163-4',
      '2165-9', '2166-7', '2167-5', '2168-3', '2169-1', '2170-9', '2171-7', '2172-5', '2173-3', '2174-1', '2175-8', '2176-6', '2178-2',
      '2180-8', '2182-4', '2184-0',
    ],
    [OMB.notHispanic]: ['2186-5'],
  },
};

/** OMOP CDM v5.4 standard race and ethnicity concepts; 0 (no matching concept) is missing. */
export const OMOP_CONCEPTS: CodeTable = {
  coding: { id: 'omop', name: 'OMOP CDM race/ethnicity concepts', lacks: [OMB.multiple, OMB.other, OMB.mena], distinctive: true },
  codes: {
    [OMB.white]: ['8527'],
    [OMB.black]: ['8516'],
    [OMB.asian]: ['8515'],
    [OMB.nhpi]: ['8557'],
    [OMB.aian]: ['8657'],
    [OMB.hispanic]: ['38003563'],
    [OMB.notHispanic]: ['38003564'],
  },
};

/**
 * All of Us participant survey (The Basics, Race_WhatRaceEthnicity) answer codes, from the
 * raw data repository's code constants, and the curated data repository's display text.
 * "None of these" and free text are not rolled up: they name no category.
 */
export const ALL_OF_US: CodeTable = {
  coding: { id: 'all-of-us', name: 'All of Us survey answers', lacks: [], distinctive: true },
  codes: {
    [OMB.aian]: ['WhatRaceEthnicity_AIAN'],
    [OMB.asian]: ['WhatRaceEthnicity_Asian'],
    [OMB.black]: ['WhatRaceEthnicity_Black'],
    [OMB.mena]: ['WhatRaceEthnicity_MENA'],
    [OMB.nhpi]: ['WhatRaceEthnicity_NHPI'],
    [OMB.white]: ['WhatRaceEthnicity_White'],
    [OMB.hispanic]: ['WhatRaceEthnicity_Hispanic', 'Hispanic, Latino, or Spanish'],
    [OMB.multiple]: ['More than one population'],
  },
};

/**
 * EHR extracts (MIMIC-IV `admissions.race`, MIMIC-III `ethnicity`) write "CATEGORY -
 * SUBGROUP" and "CATEGORY/SUBGROUP" labels; any "X - Y" whose X is a category rolls up to
 * it (see vocabularies.ts); these are the slash forms and categories of their own.
 */
export const EHR_LABELS: CodeTable = {
  coding: { id: 'ehr', name: 'EHR category - subgroup labels (MIMIC-IV style)', lacks: [], distinctive: true },
  codes: {
    // MIMIC-III writes this subgroup without " - ".
    [OMB.aian]: ['AMERICAN INDIAN/ALASKA NATIVE FEDERALLY RECOGNIZED TRIBE'],
    [OMB.black]: ['BLACK/AFRICAN', 'BLACK/CAPE VERDEAN', 'BLACK/CARIBBEAN ISLAND', 'BLACK/HAITIAN'],
    [OMB.multiple]: ['MULTIPLE RACE/ETHNICITY', 'MULTI RACE ETHNICITY'],
  },
};

/**
 * NAACCR data item 190, Spanish/Hispanic Origin, as cancer registries and cBioPortal
 * clinical files (AACR GENIE's ETHNICITY) write it: every origin code is Hispanic or Latino.
 * "Unknown whether Spanish or not" is missing (missingAncestry.ts).
 */
export const NAACCR_HISPANIC_ORIGIN: CodeTable = {
  coding: { id: 'naaccr', name: 'NAACCR Spanish/Hispanic origin (item 190)', lacks: [], distinctive: true },
  codes: {
    [OMB.notHispanic]: ['Non-Spanish/non-Hispanic', 'Non-Spanish; non-Hispanic'],
    [OMB.hispanic]: [
      'Spanish/Hispanic', 'Spanish/Hispanic Origin', 'Mexican (includes Chicano)', 'Puerto Rican', 'Cuban', 'South or Central American (except Brazil)',
      'Other specified Spanish/Hispanic origin (includes European; excludes Dominican Republic)', 'Other specified Spanish/Hispanic origin (excludes Dominican Republic)',
      'Spanish, NOS; Hispanic, NOS; Latino, NOS', 'Spanish NOS; Hispanic NOS, Latino NOS', 'Spanish surname only', 'Dominican Republic',
    ],
  },
};

/**
 * SPD 15 defines Hispanic or Latino as "a person of Cuban, Mexican, Puerto Rican, South or
 * Central American, or other Spanish culture or origin": origins that name one country are
 * subgroups of it, as the CDC code set's detailed Hispanic codes name them (2148-5 Mexican,
 * 2149-3 Mexican American, 2150-1 Mexicano, 2151-9 Chicano, 2184-0 Dominican; Puerto Rican
 * and Cuban are in NAACCR's table). The LSAC bar-passage study (law_data) writes "Mexican"
 * and "Puertorican". "South American" is not one (Brazilians are not Hispanic).
 */
export const HISPANIC_ORIGINS: CodeTable = {
  coding: { id: 'omb', name: 'Hispanic origins (SPD 15, CDC detailed codes)', lacks: [], distinctive: false },
  codes: {
    [OMB.hispanic]: ['Mexican', 'Mexican American', 'Mexicano', 'Chicano', 'Chicana', 'Dominican'],
  },
};

/**
 * Synthea's race and ethnicity words (src/main/resources/race_ethnicity_codes.json): white,
 * black, asian, native, other, hispanic, nonhispanic, and hawaiian in later releases. All but
 * "native" are already OMB labels or synonyms; "native" is its word for American Indian or
 * Alaska Native (CDC 1002-5 in that file, "American Indian or Alaska Native" in its FHIR
 * export). It has no multiracial or MENA word, so a column in its words does not collect
 * those groups. Only "native" tells the coding apart.
 */
export const SYNTHEA_WORDS: CodeTable = {
  coding: { id: 'synthea', name: 'Synthea race and ethnicity words', lacks: [OMB.multiple, OMB.mena], distinctive: true },
  codes: {
    [OMB.aian]: ['native'],
  },
};
