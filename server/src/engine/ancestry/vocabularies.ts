// Ancestry vocabularies (../shared/docs/domain.md, section A): canonical labels, the
// synonyms that map to them, and codes of other codings that roll up into them. A value is
// matched by its labelKey, so "African American", "AfricanAmerican" and "african-american"
// agree; one that differs from a canonical label only in case or spacing ("white", " AFR")
// is that label, not a nonstandard one.
import { labelKey } from './labelKey';
import { buildVocabulary, type Vocabulary, type VocabularyId } from './buildVocabulary';
import { ALL_OF_US, CDC_RACE_ETHNICITY, EHR_LABELS, HISPANIC_ORIGINS, NAACCR_HISPANIC_ORIGIN, OMB_1977, OMOP_CONCEPTS, SYNTHEA_WORDS } from './codeSets';
import { OMB } from './omb';
import { HGDP_SGDP, IGSR_PANEL_REGIONS, SGDP_POPULATIONS, sgdpCodes, type SgdpRegion } from './populationPanels';
import { UKB_1001 } from './ukBiobank';

export { OMB } from './omb';

export type { LabelMatch, MatchKind, Vocabulary, VocabularyId } from './buildVocabulary';

const SHARED_WITH_GNOMAD = new Set(['ami', 'finnish']);

/** 1000 Genomes phase 3 super-populations, with their 26 populations as subgroups [S1-S4]. */
export const CONTINENTAL = buildVocabulary({
  id: 'continental', name: '1000 Genomes super-populations', defaultReference: 'global',
  canonical: ['AFR', 'AMR', 'EAS', 'EUR', 'SAS'],
  synonyms: {
    AFR: ['African', 'Sub-Saharan African', 'African ancestry'],
    // "American Ancestry": the IGSR portal's name for AMR, as "African Ancestry" is AFR's (docs/references.md 57).
    AMR: ['Admixed American', 'Latin American', 'Ad Mixed American', 'Latin or Admixed American', 'American ancestry'],
    EAS: ['East Asian', 'East Asian ancestry'],
    EUR: ['European', 'European ancestry'],
    SAS: ['South Asian', 'South Asian ancestry'],
  },
  tables: [{ coding: { id: 'continental', name: '1000 Genomes populations', lacks: [], distinctive: true }, codes: {
    AFR: ['ACB', 'ASW', 'ESN', 'GWD', 'LWK', 'MSL', 'YRI'],
    AMR: ['CLM', 'MXL', 'PEL', 'PUR'],
    EAS: ['CDX', 'CHB', 'CHS', 'JPT', 'KHV'],
    EUR: ['CEU', 'FIN', 'GBR', 'IBS', 'TSI'],
    SAS: ['BEB', 'GIH', 'ITU', 'PJL', 'STU'],
  } },
  // The IGSR portal's populations of the Gambian Genome Variation Project beside the phase 3
  // Gambians (GWD), in its sample sheet under AFR (docs/references.md 57).
  { coding: { id: 'continental', name: 'IGSR populations (Gambian Genome Variation Project)', lacks: [], distinctive: true }, codes: {
    AFR: ['GWF', 'GWJ', 'GWW', 'Gambian Fula', 'Gambian Jola', 'Gambian Wolof'],
  } },
  // The 1000 Genomes population descriptions (the panel's and the IGSR portal's wording) [S1-S4].
  { coding: { id: 'continental', name: '1000 Genomes population descriptions', lacks: [], distinctive: true }, codes: {
    AFR: [
      'African Caribbean in Barbados', 'African Caribbeans in Barbados', 'Americans of African Ancestry in SW USA', 'African Ancestry in Southwest US',
      'Esan in Nigeria', 'Gambian in Western Divisions in the Gambia', 'Gambian in Western Division, The Gambia', 'Gambian in Western Division - Mandinka', 'Gambian in Western Division – Mandinka', 'Luhya in Webuye, Kenya',
      'Mende in Sierra Leone', 'Yoruba in Ibadan, Nigeria',
    ],
    AMR: ['Colombians from Medellin, Colombia', 'Colombian in Medellin, Colombia', 'Colombians in Medellin, Colombia', 'Mexican Ancestry from Los Angeles USA', 'Mexican Ancestry in Los Angeles, California', 'Peruvians from Lima, Peru', 'Peruvian in Lima, Peru', 'Puerto Ricans from Puerto Rico', 'Puerto Rican in Puerto Rico'],
    EAS: ['Chinese Dai in Xishuangbanna, China', 'Dai Chinese', 'Han Chinese in Beijing, China', 'Han Chinese South', 'Han Chinese South, China', 'Southern Han Chinese', 'Southern Han Chinese, China', 'Japanese in Tokyo, Japan', 'Kinh in Ho Chi Minh City, Vietnam'],
    EUR: [
      'Utah Residents (CEPH) with Northern and Western European Ancestry', 'Utah residents with Northern and Western European ancestry', 'Finnish in Finland',
      'British in England and Scotland', 'British From England and Scotland', 'Iberian Population in Spain', 'Iberian populations in Spain', 'Toscani in Italia', 'Toscani in Italy',
    ],
    SAS: [
      'Bengali from Bangladesh', 'Bengali in Bangladesh', 'Gujarati Indian from Houston, Texas', 'Gujarati Indian in Houston, Texas', 'Gujarati Indians in Houston, TX', 'Gujarati Indians in Houston, Texas', 'Indian Telugu from the UK', 'Indian Telugu in the UK',
      'Punjabi from Lahore, Pakistan', 'Punjabi in Lahore, Pakistan', 'Sri Lankan Tamil from the UK', 'Sri Lankan Tamil in the UK',
    ],
  } },
  // HGDP-CEPH panel regions and populations, and SGDP regions, rolled up to the
  // super-population of their region (docs/references.md, "Population panels"). Middle
  // East, Oceania, Central Asia/Siberia and West Eurasia have no 1000 Genomes group: they
  // stay unmapped, so no group is called absent while they are in a column.
  // SGDP populations, one table per region so the hover names it; before HGDP's, so a
  // population both panels have is shown as HGDP's (the same group either way).
  ...(Object.keys(SGDP_POPULATIONS) as SgdpRegion[]).map((region) => ({
    coding: { id: 'continental' as const, name: `SGDP populations, region ${region}`, lacks: [], distinctive: true }, codes: sgdpCodes(region),
  })),
  { coding: { id: 'continental', name: 'HGDP-CEPH and SGDP regions and populations', lacks: [], distinctive: true }, codes: HGDP_SGDP },
  { coding: { id: 'continental', name: 'IGSR portal names of HGDP and SGDP regions', lacks: [], distinctive: true }, codes: IGSR_PANEL_REGIONS },
  // HANCESTRO ontology ids [S7]: standard codes, so rolled up rather than flagged.
  { coding: { id: 'continental', name: 'HANCESTRO ontology ids', lacks: [], distinctive: true }, codes: {
    AFR: ['HANCESTRO:0010', 'HANCESTRO:0011'],
    AMR: ['HANCESTRO:0014'],
    EAS: ['HANCESTRO:0009'],
    EUR: ['HANCESTRO:0005'],
    SAS: ['HANCESTRO:0006'],
  } }],
  // SGDP's "Ami" and "Finnish" are also gnomAD group labels (ami, fin): they are read as
  // EAS and EUR here, but count only toward detecting gnomAD, so a gnomAD column, or a
  // column of local codes with a few "Finnish", is not taken for a sample sheet.
  identifies: (value) => !SHARED_WITH_GNOMAD.has(labelKey(value)) && CONTINENTAL.match(value) !== undefined,
  // IGSR lists a sample of two collections under both names ("Africa (SGDP),Africa (HGDP)").
  lists: true,
});

/**
 * US OMB categories (1997 SPD 15 and its 2024 revision) with the free text of domain.md A8,
 * and the codings that roll up to them (codeSets.ts): OMB 1977, CDC / HL7 US Core codes,
 * OMOP concepts, All of Us answers, EHR "CATEGORY - SUBGROUP" labels, NAACCR Hispanic origin,
 * Synthea's race words.
 */
export const OMB_VOCABULARY = buildVocabulary({
  id: 'omb', name: 'US OMB race and ethnicity categories', defaultReference: 'us-census-2020',
  canonical: Object.values(OMB),
  synonyms: {
    [OMB.white]: ['Caucasian', 'European American', 'Non-Hispanic White', 'White alone'],
    [OMB.black]: ['African American', 'Black', 'Afro-Caribbean', 'Black alone', 'Black/African American', 'African American or Afro-Caribbean'],
    [OMB.asian]: ['Asian alone', 'Asian American'],
    // The LSAC bar-passage study (law_data) writes "Amerindian".
    [OMB.aian]: ['Native American', 'Alaska Native', 'American Indian', 'AIAN', 'American Indian/Alaska Native', 'Amerindian'],
    [OMB.nhpi]: ['Native Hawaiian', 'Hawaiian', 'Pacific Islander', 'NHPI', 'Native Hawaiian/Pacific Islander', 'Native Hawaiian or Pacific Islander'],
    [OMB.hispanic]: ['Hispanic', 'Latino', 'Latina', 'Latinx', 'Latine', 'Hispanic/Latino', 'Hispanic or Latina'],
    [OMB.mena]: ['MENA', 'Middle Eastern', 'North African', 'Arab'],
    [OMB.multiple]: ['Multiracial', 'Mixed', 'Mixed race', 'Two or more', 'Multiple races', 'Multiple'],
    [OMB.other]: ['Other', 'Other race', 'Some other race alone'],
    [OMB.notHispanic]: ['Non-Hispanic', 'Nonhispanic', 'Not Hispanic', 'Not Hispanic or Latina', 'Non Hispanic or Latino'],
  },
  // Codes, not free text, so rolled up and not flagged as nonstandard.
  // Synthea's "native" (American Indian or Alaska Native; its "hawaiian" is a synonym above).
  tables: [OMOP_CONCEPTS, CDC_RACE_ETHNICITY, OMB_1977, ALL_OF_US, EHR_LABELS, NAACCR_HISPANIC_ORIGIN, HISPANIC_ORIGINS, SYNTHEA_WORDS],
  categoryPrefixes: true,
});

/** gnomAD v4 genetic ancestry groups [S5,S6]; `oth` is the former name of `remaining`. */
export const GNOMAD_VOCABULARY = buildVocabulary({
  id: 'gnomad', name: 'gnomAD v4 genetic ancestry groups', defaultReference: 'gnomad-v4',
  canonical: ['afr', 'ami', 'amr', 'asj', 'eas', 'fin', 'mid', 'nfe', 'sas', 'remaining'],
  synonyms: {
    afr: ['African/African American'],
    ami: ['Amish'],
    asj: ['Ashkenazi Jewish'],
    fin: ['European (Finnish)', 'Finnish'],
    mid: ['Middle Eastern'],
    nfe: ['European (non-Finnish)', 'Non-Finnish European'],
    remaining: ['oth'],
  },
});

/** In order of preference when two vocabularies recognise equally many values. */
export const VOCABULARIES: Vocabulary[] = [CONTINENTAL, OMB_VOCABULARY, GNOMAD_VOCABULARY, UKB_1001];

export function vocabularyById(id: VocabularyId): Vocabulary {
  return VOCABULARIES.find((v) => v.id === id)!;
}

/** The vocabulary that recognises the most rows (values weighted by their counts). */
export function detectVocabulary(valueCounts: Map<string, number>): Vocabulary | undefined {
  let best: Vocabulary | undefined;
  let bestScore = 0;
  for (const vocabulary of VOCABULARIES) {
    let score = 0;
    const counts = vocabulary.identifies ?? ((value: string) => vocabulary.match(value) !== undefined);
    for (const [value, count] of valueCounts) if (counts(value)) score += count;
    if (score > bestScore) { best = vocabulary; bestScore = score; }
  }
  return best;
}
