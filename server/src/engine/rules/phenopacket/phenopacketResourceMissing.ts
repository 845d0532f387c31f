// Every ontology a phenopacket uses needs a Resource in metaData.resources (its name,
// version and IRI prefix), or its terms cannot be resolved against the right release
// [S48]. Reported once per undeclared prefix, at its first use.
import type { StructuredRule } from '../../documents/structuredRule';
import { count } from '../../format';
import type { RawFindingOf } from '../rule';
import { curiePrefix, field, isObject, termUses, type TermUse } from './access';

export function declaredPrefixes(value: unknown): Set<string> | undefined {
  if (!isObject(value)) return undefined;
  const meta = field(value, 'metaData');
  if (!isObject(meta)) return undefined;
  const resources = field(meta, 'resources');
  if (!Array.isArray(resources)) return undefined;
  const prefixes = new Set<string>();
  for (const r of resources) {
    if (!isObject(r)) continue;
    const prefix = field(r, 'namespacePrefix');
    if (typeof prefix === 'string' && prefix.length > 0) prefixes.add(prefix.toUpperCase());
  }
  return prefixes;
}

export type PhenopacketResourceMissingMessages = {
  missing: { prefix: string; uses: number; first: string; declared: string[] };
};

export const phenopacketResourceMissing: StructuredRule<PhenopacketResourceMissingMessages> = {
  id: 'phenopacket-resource-missing',
  defaultSeverity: 'warning',
  description: 'An ontology prefix used in the phenopacket (HP, OMIM, MONDO, NCBITaxon, ...) has no Resource in metaData.resources.',
  fixable: false,
  appliesTo: ['phenopacket'],
  messages: {
    missing: 'A term prefix used with no resource declared in metaData.',
  },
  checkDocument({ doc }) {
    // Without a resources list phenopacket-field-missing already reports metaData.resources.
    const declared = declaredPrefixes(doc.value);
    if (!declared || declared.size === 0) return [];
    const byPrefix = new Map<string, TermUse[]>();
    for (const use of termUses(doc.value)) {
      const prefix = curiePrefix(use.id);
      if (!prefix || declared.has(prefix.toUpperCase())) continue;
      if (!byPrefix.has(prefix)) byPrefix.set(prefix, []);
      byPrefix.get(prefix)!.push(use);
    }
    return [...byPrefix].map(([prefix, uses]): RawFindingOf<PhenopacketResourceMissingMessages> => ({
      messageId: 'missing',
      range: doc.locate(uses[0].path),
      message: `Prefix "${prefix}" is used by ${count(uses.length)} ${uses.length === 1 ? 'term' : 'terms'} but has no Resource in metaData.resources`,
      detail:
        `Prefix "${prefix}" is used by ${count(uses.length)} ${uses.length === 1 ? 'term' : 'terms'} (first: ${uses[0].id}) but metaData.resources has no Resource with namespacePrefix "${prefix}" ` +
        `(declared: ${[...declared].sort().join(', ')}). Add one with its name, url, version and iriPrefix.`,
      data: { prefix, uses: uses.length, first: uses[0].id, declared: [...declared].sort() },
    }));
  },
};
