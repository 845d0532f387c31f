// Fields the Phenopacket v2 schema marks REQUIRED [S48]: the packet's id and metaData;
// metaData's created, createdBy, resources (at least one) and phenopacketSchemaVersion;
// an Individual's id; each PhenotypicFeature's type; each Disease's term. Each finding sits
// on the object that lacks the field.
import type { StructuredRule } from '../../documents/structuredRule';
import type { DocPath } from '../../structured/structuredDocument';
import type { RawFindingOf } from '../rule';
import { field, firstLine, given, isObject, keyOf, type Json } from './access';

interface Missing {
  /** Where the field belongs, as written (`metaData.created`). */
  field: string;
  /** The object that should hold it. */
  at: DocPath;
  why: string;
}

function requireFields(object: Json, at: DocPath, names: string[], prefix: string, why: string, out: Missing[]): void {
  for (const name of names) if (!given(field(object, name))) out.push({ field: `${prefix}${name}`, at, why });
}

function describe(path: DocPath): string {
  return path.length === 0 ? 'the phenopacket' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

export function missingRequired(value: unknown): Missing[] {
  const out: Missing[] = [];
  if (!isObject(value)) return [{ field: 'id', at: [], why: 'the document is not an object' }];
  requireFields(value, [], ['id'], '', 'every phenopacket has an id', out);
  const metaKey = keyOf(value, 'metaData');
  const meta = metaKey ? value[metaKey] : undefined;
  if (!isObject(meta)) {
    out.push({ field: 'metaData', at: [], why: 'it records who created the packet, when, with which schema version and ontologies' });
  } else {
    requireFields(meta, [metaKey!], ['created', 'createdBy', 'phenopacketSchemaVersion'], `${metaKey}.`, 'MetaData requires it', out);
    const resources = field(meta, 'resources');
    if (!Array.isArray(resources) || resources.length === 0) out.push({ field: `${metaKey}.resources`, at: [metaKey!], why: 'at least one Resource (an ontology and its version) is required' });
  }
  const subjectKey = keyOf(value, 'subject');
  const subject = subjectKey ? value[subjectKey] : undefined;
  if (isObject(subject)) requireFields(subject, [subjectKey!], ['id'], `${subjectKey}.`, 'an Individual requires an id', out);
  const featuresKey = keyOf(value, 'phenotypicFeatures');
  const features = featuresKey ? value[featuresKey] : undefined;
  if (Array.isArray(features)) {
    features.forEach((feature, i) => {
      if (!isObject(feature)) return;
      const type = field(feature, 'type');
      // An excluded feature (excluded: true) still names the phenotype that was looked for and not seen.
      if (!isObject(type) || !given(type.id)) out.push({ field: `${featuresKey}[${i}].type${isObject(type) ? '.id' : ''}`, at: [featuresKey!, i], why: 'a PhenotypicFeature requires its HPO term' });
    });
  }
  const diseasesKey = keyOf(value, 'diseases');
  const diseases = diseasesKey ? value[diseasesKey] : undefined;
  if (Array.isArray(diseases)) {
    diseases.forEach((disease, i) => {
      if (!isObject(disease)) return;
      const term = field(disease, 'term');
      if (!isObject(term) || !given(term.id)) out.push({ field: `${diseasesKey}[${i}].term${isObject(term) ? '.id' : ''}`, at: [diseasesKey!, i], why: 'a Disease requires its term (a MONDO or OMIM id)' });
    });
  }
  return out;
}

export type PhenopacketFieldMissingMessages = {
  missing: { field: string; path: DocPath };
};

export const phenopacketFieldMissing: StructuredRule<PhenopacketFieldMissingMessages> = {
  id: 'phenopacket-field-missing',
  defaultSeverity: 'error',
  description: 'A field the Phenopacket v2 schema requires is absent: id, metaData (created, createdBy, resources, phenopacketSchemaVersion), subject.id, phenotypicFeatures[].type, diseases[].term.',
  fixable: false,
  appliesTo: ['phenopacket'],
  messages: {
    missing: 'A field the Phenopacket schema requires is missing.',
  },
  checkDocument({ doc }) {
    return missingRequired(doc.value).map((m): RawFindingOf<PhenopacketFieldMissingMessages> => ({
      messageId: 'missing',
      range: firstLine(doc, m.at),
      message: `Required field ${m.field} is missing from ${describe(m.at)}`,
      detail: `${m.why.charAt(0).toUpperCase()}${m.why.slice(1)} (Phenopacket schema v2).`,
      data: { field: m.field, path: m.at },
    }));
  },
};

