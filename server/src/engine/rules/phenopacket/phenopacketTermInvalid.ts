// Term ids of the wrong shape in a phenopacket: a PhenotypicFeature's type must be an HPO
// id (HP: + 7 digits) [S48,S49]; any HP, MONDO or OMIM id elsewhere must have its system's
// shape. Each finding sits on the id's value.
import type { StructuredRule } from '../../documents/structuredRule';
import { attemptedSystem, suggestedTerm, termSystem } from '../../phenotype/terms';
import type { DocPath } from '../../structured/structuredDocument';
import type { RawFindingOf } from '../rule';
import { curiePrefix, field, isObject, keyOf, termUses } from './access';

function isFeatureType(path: DocPath, featuresKey: string | undefined): boolean {
  return featuresKey !== undefined && path.length === 4 && path[0] === featuresKey && typeof path[1] === 'number' && path[2] === 'type' && path[3] === 'id';
}

export type PhenopacketTermInvalidMessages = {
  invalid: { id: string; system: string; path: DocPath; suggestion: string | undefined; excluded: boolean };
};

export const phenopacketTermInvalid: StructuredRule<PhenopacketTermInvalidMessages> = {
  id: 'phenopacket-term-invalid',
  defaultSeverity: 'warning',
  description: 'A phenotypic feature whose type is not an HPO id (HP: + 7 digits), or an HP, MONDO or OMIM id of the wrong shape anywhere in the phenopacket.',
  fixable: false,
  appliesTo: ['phenopacket'],
  messages: {
    invalid: 'An ontology term id that is not well formed.',
  },
  checkDocument({ doc }) {
    if (!isObject(doc.value)) return [];
    const featuresKey = keyOf(doc.value, 'phenotypicFeatures');
    const findings: RawFindingOf<PhenopacketTermInvalidMessages>[] = [];
    const hpo = termSystem('HPO');
    const features = featuresKey ? field(doc.value, 'phenotypicFeatures') : undefined;
    for (const use of termUses(doc.value)) {
      const featureType = isFeatureType(use.path, featuresKey);
      const system = featureType ? hpo : attemptedSystem(use.id);
      if (!system || system.pattern.test(use.id)) continue;
      const feature = featureType && Array.isArray(features) ? features[use.path[1] as number] : undefined;
      const excluded = isObject(feature) && field(feature, 'excluded') === true;
      const suggestion = suggestedTerm(use.id, system);
      const prefix = curiePrefix(use.id);
      const other = featureType && prefix !== undefined && attemptedSystem(use.id) !== hpo;
      const shape = `${system.prefix}: followed by ${system.digits} digits, e.g. ${system.example}`;
      const excludedNote = excluded ? ' The feature is excluded (observed absent), which still needs a valid term.' : '';
      findings.push({
        messageId: 'invalid',
        range: doc.locate(use.path),
        message: other
          ? `"${use.id}" is not an HPO term, but a phenotypic feature's type must be one`
          : `"${use.id}" is not a well-formed ${system.id} id${suggestion ? `; did you mean ${suggestion}?` : ''}`,
        detail: other
          ? `"${use.id}" is a ${prefix} id: a phenotypic feature's type must be an HPO term, not ${prefix} (${shape}).${excludedNote}`
          : `${excluded ? 'The feature is excluded (observed absent), which still needs a valid term. ' : ''}${system.id} ids are ${shape}.`,
        data: { id: use.id, system: system.id, path: use.path, suggestion: other ? undefined : suggestion, excluded },
      });
    }
    return findings;
  },
};
