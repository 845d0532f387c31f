// Which vocabulary an ancestry field's allowed values should come from, and which of its
// canonical labels fit the field: an enum already in a vocabulary keeps it; otherwise the
// field's name decides (super-population and genetic-ancestry names: 1000 Genomes; gnomAD
// names: gnomAD; anything else, race and ethnicity: US OMB). Judgement, see
// docs/rules/schema-ancestry-unconstrained.md.
import { safeText } from '../structured/safeText';
import { labelKey } from './labelKey';
import { CONTINENTAL, detectVocabulary, GNOMAD_VOCABULARY, OMB, OMB_VOCABULARY, type Vocabulary } from './vocabularies';

export function vocabularyForField(name: string, enumValues: unknown[] | undefined): Vocabulary {
  if (enumValues && enumValues.length > 0) {
    const found = detectVocabulary(new Map(enumValues.map((v) => [safeText(v), 1])));
    if (found) return found;
  }
  const key = labelKey(name);
  if (key.includes('gnomad')) return GNOMAD_VOCABULARY;
  if (/superpop|^pop|population|geneticancestry|ancestry|continental/.test(key)) return CONTINENTAL;
  return OMB_VOCABULARY;
}

/**
 * The canonical labels an enum for this field should list. OMB asks race and Hispanic
 * origin as two questions (1997) or one combined question (2024): a race field gets the
 * race categories, an ethnicity field Hispanic or Latino / Not Hispanic or Latino, a
 * combined field both (without "Not Hispanic").
 */
export function canonicalLabelsFor(name: string, vocabulary: Vocabulary): string[] {
  if (vocabulary.id !== 'omb') return [...vocabulary.canonical];
  const key = labelKey(name);
  const race = key.includes('race');
  const ethnicity = key.includes('ethnic') || key.includes('hispanic');
  if (ethnicity && !race) return [OMB.hispanic, OMB.notHispanic];
  if (race && !ethnicity) return vocabulary.canonical.filter((l) => l !== OMB.hispanic && l !== OMB.notHispanic);
  return vocabulary.canonical.filter((l) => l !== OMB.notHispanic);
}

export interface EnumRewrite {
  /** The enum with every synonym replaced by its canonical label (order kept, duplicates dropped). */
  values: unknown[];
  replacements: { value: string; canonical: string }[];
  /** Values the vocabulary does not know (kept as they are). */
  unknown: string[];
}

export function rewriteEnum(values: unknown[], vocabulary: Vocabulary): EnumRewrite {
  const out: unknown[] = [];
  const seen = new Set<string>();
  const replacements: EnumRewrite['replacements'] = [];
  const unknown: string[] = [];
  for (const value of values) {
    const match = typeof value === 'string' ? vocabulary.match(value) : undefined;
    let next: unknown = value;
    if (match?.kind === 'synonym') { replacements.push({ value: value as string, canonical: match.canonical }); next = match.canonical; }
    else if (!match && typeof value === 'string') unknown.push(value);
    const key = JSON.stringify(next);
    if (!seen.has(key)) { seen.add(key); out.push(next); }
  }
  return { values: out, replacements, unknown };
}
