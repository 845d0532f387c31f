// Ancestry vocabularies (../shared/docs/domain.md, section A): canonical labels, the
// synonyms that map to them, and finer codes that roll up into them. A value is matched
// by its labelKey, so "African American", "AfricanAmerican" and "african-american" agree.
import { labelKey } from './labelKey';

export type VocabularyId = 'continental' | 'omb' | 'gnomad';

/** How a raw value relates to its canonical label. */
export type MatchKind = 'canonical' | 'synonym' | 'subgroup';

export interface LabelMatch {
  canonical: string;
  kind: MatchKind;
}

export interface Vocabulary {
  id: VocabularyId;
  name: string;
  canonical: string[];
  /** Reference chosen when the policy names none. */
  defaultReference: string;
  match(value: string): LabelMatch | undefined;
}

function buildVocabulary(
  id: VocabularyId,
  name: string,
  defaultReference: string,
  canonical: string[],
  synonyms: Record<string, string[]>,
  ...subgroupTables: Record<string, string[]>[]
): Vocabulary {
  const table = new Map<string, LabelMatch>();
  for (const [label, words] of Object.entries(synonyms)) {
    for (const word of words) table.set(labelKey(word), { canonical: label, kind: 'synonym' });
  }
  for (const subgroups of subgroupTables) {
    for (const [label, codes] of Object.entries(subgroups)) {
      for (const code of codes) table.set(labelKey(code), { canonical: label, kind: 'subgroup' });
    }
  }
  for (const label of canonical) table.set(labelKey(label), { canonical: label, kind: 'canonical' });
  return {
    id, name, canonical, defaultReference,
    match(value: string): LabelMatch | undefined {
      const found = table.get(labelKey(value));
      if (!found) return undefined;
      // Same letters in another case or spacing ("afr", "white") is still nonstandard.
      if (found.kind === 'canonical' && value !== found.canonical) return { canonical: found.canonical, kind: 'synonym' };
      return found;
    },
  };
}

/** 1000 Genomes phase 3 super-populations, with their 26 populations as subgroups [S1-S4]. */
export const CONTINENTAL = buildVocabulary(
  'continental', '1000 Genomes super-populations', 'global',
  ['AFR', 'AMR', 'EAS', 'EUR', 'SAS'],
  {
    AFR: ['African', 'Sub-Saharan African', 'African ancestry'],
    AMR: ['Admixed American', 'Latin American', 'Ad Mixed American', 'Latin or Admixed American'],
    EAS: ['East Asian', 'East Asian ancestry'],
    EUR: ['European', 'European ancestry'],
    SAS: ['South Asian', 'South Asian ancestry'],
  },
  {
    AFR: ['ACB', 'ASW', 'ESN', 'GWD', 'LWK', 'MSL', 'YRI'],
    AMR: ['CLM', 'MXL', 'PEL', 'PUR'],
    EAS: ['CDX', 'CHB', 'CHS', 'JPT', 'KHV'],
    EUR: ['CEU', 'FIN', 'GBR', 'IBS', 'TSI'],
    SAS: ['BEB', 'GIH', 'ITU', 'PJL', 'STU'],
  },
  // HANCESTRO ontology ids [S7]: standard codes, so rolled up rather than flagged.
  {
    AFR: ['HANCESTRO:0010', 'HANCESTRO:0011'],
    AMR: ['HANCESTRO:0014'],
    EAS: ['HANCESTRO:0009'],
    EUR: ['HANCESTRO:0005'],
    SAS: ['HANCESTRO:0006'],
  },
);

export const OMB = {
  white: 'White',
  black: 'Black or African American',
  asian: 'Asian',
  aian: 'American Indian or Alaska Native',
  nhpi: 'Native Hawaiian or Other Pacific Islander',
  hispanic: 'Hispanic or Latino',
  mena: 'Middle Eastern or North African',
  multiple: 'Two or more races',
  other: 'Some Other Race',
  notHispanic: 'Not Hispanic or Latino',
} as const;

/** US OMB categories (1997 SPD 15 and its 2024 revision) with the free text of domain.md A8. */
export const OMB_VOCABULARY = buildVocabulary(
  'omb', 'US OMB race and ethnicity categories', 'us-census-2020',
  Object.values(OMB),
  {
    [OMB.white]: ['Caucasian', 'European American', 'Non-Hispanic White', 'White alone'],
    [OMB.black]: ['African American', 'Black', 'Afro-Caribbean', 'Black alone', 'Black/African American', 'African American or Afro-Caribbean'],
    [OMB.asian]: ['Asian alone', 'Asian American'],
    [OMB.aian]: ['Native American', 'Alaska Native', 'American Indian', 'AIAN', 'American Indian/Alaska Native'],
    [OMB.nhpi]: ['Native Hawaiian', 'Pacific Islander', 'NHPI', 'Native Hawaiian/Pacific Islander'],
    [OMB.hispanic]: ['Hispanic', 'Latino', 'Latina', 'Latinx', 'Latine', 'Hispanic/Latino', 'Hispanic or Latina'],
    [OMB.mena]: ['MENA', 'Middle Eastern', 'North African', 'Arab'],
    [OMB.multiple]: ['Multiracial', 'Mixed', 'Mixed race', 'Two or more', 'Multiple races', 'Multiple'],
    [OMB.other]: ['Other', 'Other race', 'Some other race alone'],
    [OMB.notHispanic]: ['Non-Hispanic', 'Nonhispanic', 'Not Hispanic', 'Not Hispanic or Latina', 'Non Hispanic or Latino'],
  },
  // OMOP CDM standard concepts for race and ethnicity: codes, not free text, so not flagged.
  {
    [OMB.white]: ['8527'],
    [OMB.black]: ['8516'],
    [OMB.asian]: ['8515'],
    [OMB.nhpi]: ['8557'],
    [OMB.aian]: ['8657'],
    [OMB.hispanic]: ['38003563'],
    [OMB.notHispanic]: ['38003564'],
  },
);

/** gnomAD v4 genetic ancestry groups [S5,S6]; `oth` is the former name of `remaining`. */
export const GNOMAD_VOCABULARY = buildVocabulary(
  'gnomad', 'gnomAD v4 genetic ancestry groups', 'gnomad-v4',
  ['afr', 'ami', 'amr', 'asj', 'eas', 'fin', 'mid', 'nfe', 'sas', 'remaining'],
  {
    afr: ['African/African American'],
    ami: ['Amish'],
    asj: ['Ashkenazi Jewish'],
    fin: ['European (Finnish)', 'Finnish'],
    mid: ['Middle Eastern'],
    nfe: ['European (non-Finnish)', 'Non-Finnish European'],
    remaining: ['oth'],
  },
);

/** In order of preference when two vocabularies recognise equally many values. */
export const VOCABULARIES: Vocabulary[] = [CONTINENTAL, OMB_VOCABULARY, GNOMAD_VOCABULARY];

export function vocabularyById(id: VocabularyId): Vocabulary {
  return VOCABULARIES.find((v) => v.id === id)!;
}

/** The vocabulary that recognises the most rows (values weighted by their counts). */
export function detectVocabulary(valueCounts: Map<string, number>): Vocabulary | undefined {
  let best: Vocabulary | undefined;
  let bestScore = 0;
  for (const vocabulary of VOCABULARIES) {
    let score = 0;
    for (const [value, count] of valueCounts) if (vocabulary.match(value)) score += count;
    if (score > bestScore) { best = vocabulary; bestScore = score; }
  }
  return best;
}
