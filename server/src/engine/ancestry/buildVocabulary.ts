// Builds a vocabulary's matcher: canonical labels, synonyms (nonstandard spellings of a
// canonical label) and code tables of other codings that roll up into it. Matching is by
// labelKey, so case, spacing and punctuation never make a label nonstandard.
import { EHR_LABELS, type CodeTable, type Coding } from './codeSets';
import { labelKey } from './labelKey';

export type VocabularyId = 'continental' | 'omb' | 'gnomad' | 'ukb';

/** How a raw value relates to its canonical label. */
export type MatchKind = 'canonical' | 'synonym' | 'subgroup';

export interface LabelMatch {
  canonical: string;
  kind: MatchKind;
  /** The coding the value belongs to (OMOP concepts, CDC codes, the vocabulary's own labels). */
  coding: Coding;
}

export interface Vocabulary {
  id: VocabularyId;
  name: string;
  canonical: string[];
  /** Reference chosen when the policy names none; undefined when no built-in one fits. */
  defaultReference?: string;
  match(value: string): LabelMatch | undefined;
  /** Whether a value counts toward detecting this vocabulary (default: any value it matches). */
  identifies?(value: string): boolean;
}

interface VocabularySpec {
  id: VocabularyId;
  name: string;
  defaultReference?: string;
  canonical: string[];
  synonyms: Record<string, string[]>;
  tables?: CodeTable[];
  /** Groups whose labels also stand as "X - subgroup" (EHR extracts). */
  categoryPrefixes?: boolean;
  /**
   * A comma-separated list of labels is read as their group when every one names the same
   * group (a sample sheet naming a sample's region in each panel it is in); else as none.
   */
  lists?: boolean;
  identifies?(value: string): boolean;
}

/** "HISPANIC/LATINO - CUBAN", "ASIAN - KOREAN": the category before " - ". */
const CATEGORY_SUBGROUP = /^(.+?)\s+-\s+\S.*$/;

export function buildVocabulary(spec: VocabularySpec): Vocabulary {
  const own: Coding = { id: spec.id === 'ukb' ? 'ukb-1001' : spec.id, name: spec.name, lacks: [], distinctive: false };
  const table = new Map<string, LabelMatch>();
  for (const [label, words] of Object.entries(spec.synonyms)) {
    for (const word of words) table.set(labelKey(word), { canonical: label, kind: 'synonym', coding: own });
  }
  for (const { coding, codes } of spec.tables ?? []) {
    for (const [label, values] of Object.entries(codes)) {
      for (const code of values) table.set(labelKey(code), { canonical: label, kind: 'subgroup', coding });
    }
  }
  for (const label of spec.canonical) table.set(labelKey(label), { canonical: label, kind: 'canonical', coding: own });
  const ehr = EHR_LABELS.coding;
  const match = (value: string): LabelMatch | undefined => {
    const found = table.get(labelKey(value));
    if (found) return found;
    if (spec.lists && value.includes(',')) return listMatch(value, (part) => table.get(labelKey(part)));
    const category = spec.categoryPrefixes ? CATEGORY_SUBGROUP.exec(value.trim()) : null;
    const parent = category ? table.get(labelKey(category[1])) : undefined;
    return parent && parent.kind !== 'subgroup' ? { canonical: parent.canonical, kind: 'subgroup', coding: ehr } : undefined;
  };
  return { id: spec.id, name: spec.name, canonical: spec.canonical, defaultReference: spec.defaultReference, match, identifies: spec.identifies };
}

/** The first label's match when every label of the list names its group; undefined otherwise. */
function listMatch(value: string, matchOne: (label: string) => LabelMatch | undefined): LabelMatch | undefined {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) return undefined;
  const matches = parts.map(matchOne);
  const first = matches[0];
  return first && matches.every((m) => m?.canonical === first.canonical) ? first : undefined;
}
