// Fields the Phenopacket v2 schema RECOMMENDS [S48]: a subject, with its age at the last
// encounter (timeAtLastEncounter), sex and vital status, and the phenotypic features. A
// training set needs age and sex as covariates (domain.md C). An excluded feature
// (`excluded: true`) is an observation that the phenotype is absent, so it is never
// counted as missing here.
import type { StructuredRule } from '../../documents/structuredRule';
import type { RawFindingOf } from '../rule';
import { field, firstLine, given, isObject, keyOf } from './access';

const SUBJECT_FIELDS = ['timeAtLastEncounter', 'sex', 'vitalStatus'];

export type PhenopacketRecommendedMissingMessages = {
  missing: { missing: string[] };
};

export const phenopacketRecommendedMissing: StructuredRule<PhenopacketRecommendedMissingMessages> = {
  id: 'phenopacket-recommended-missing',
  defaultSeverity: 'information',
  description: 'A field the Phenopacket v2 schema recommends is absent: subject, subject.timeAtLastEncounter, subject.sex, subject.vitalStatus, phenotypicFeatures.',
  fixable: false,
  appliesTo: ['phenopacket'],
  messages: {
    missing: 'A recommended Phenopacket element is missing.',
  },
  checkDocument({ doc }) {
    const value = doc.value;
    if (!isObject(value)) return [];
    const findings: RawFindingOf<PhenopacketRecommendedMissingMessages>[] = [];
    const subjectKey = keyOf(value, 'subject');
    const subject = subjectKey ? value[subjectKey] : undefined;
    if (!isObject(subject)) {
      findings.push({
        messageId: 'missing',
        range: firstLine(doc, []),
        message: 'No subject: its id, age, sex and vital status are recommended (Phenopacket schema v2)',
        detail: 'The individual\'s id, age (timeAtLastEncounter), sex and vital status are recommended, and age and sex are covariates of most models.',
        data: { missing: ['subject'] },
      });
    } else {
      const missing = SUBJECT_FIELDS.filter((name) => !given(field(subject, name)));
      if (missing.length > 0) {
        findings.push({
          messageId: 'missing',
          range: firstLine(doc, [subjectKey!]),
          message: `The subject has no ${missing.join(', ')} (recommended by the Phenopacket schema v2)`,
          detail: 'Recommended by the Phenopacket schema v2; age and sex are covariates of most models.',
          data: { missing: missing.map((m) => `${subjectKey}.${m}`) },
        });
      }
    }
    const featuresKey = keyOf(value, 'phenotypicFeatures');
    const features = featuresKey ? value[featuresKey] : undefined;
    if (!Array.isArray(features) || features.length === 0) {
      findings.push({
        messageId: 'missing',
        range: featuresKey ? firstLine(doc, [featuresKey]) : firstLine(doc, []),
        message: 'No phenotypic features (recommended by the Phenopacket schema v2)',
        detail: 'The observed (and explicitly excluded) HPO terms are the phenotype this packet exists to carry.',
        data: { missing: ['phenotypicFeatures'] },
      });
    }
    return findings;
  },
};
