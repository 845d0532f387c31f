// Every rule, in the order findings are reported. Each area keeps its own list.
import type { StructuredRule } from '../documents/structuredRule';
import { INTERNAL_ERROR } from '../isolation';
import { ancestryColumnMissing } from './ancestryColumnMissing';
import { ancestryColumnsMany } from './ancestryColumnsMany';
import { ancestryConceptUnmapped } from './ancestryConceptUnmapped';
import { ancestryGroupAbsent } from './ancestryGroupAbsent';
import { ancestryGroupSmall } from './ancestryGroupSmall';
import { ancestryGroupUnobserved } from './ancestryGroupUnobserved';
import { ancestryLabelNonstandard } from './ancestryLabelNonstandard';
import { ancestryLabelsUnmapped } from './ancestryLabelsUnmapped';
import { ancestryParticipantInconsistent } from './ancestryParticipantInconsistent';
import { ancestryRepresentationUnchecked } from './ancestryRepresentationUnchecked';
import { ancestryUnderrepresented } from './ancestryUnderrepresented';
import { ancestryValuesMissing } from './ancestryValuesMissing';
import { COHORT_RULES } from './cohort';
import { CONSENT_DATASET_RULES, CONSENT_SCHEMA_RULES } from './consent';
import { inclusionEnrollmentShort } from './inclusion/inclusionEnrollmentShort';
import { OUTCOME_DATASET_RULES } from './outcome';
import { outcomeConfigInvalid } from './outcome/outcomeConfigInvalid';
import { PHENOPACKET_PARSE_RULE_ID, PHENOPACKET_RULES } from './phenopacket';
import { PHENOTYPE_DATASET_RULES, PHENOTYPE_SCHEMA_RULES } from './phenotype';
import { PRIVACY_DATASET_RULES, PRIVACY_SCHEMA_RULES } from './privacy';
import type { DatasetRule, RuleMeta } from './rule';
import { SCHEMA_DATASET_RULES, SCHEMA_DOCUMENT_RULES, SCHEMA_PARSE_RULE_ID } from './schema';
import { tableEncodingLegacy } from './tableEncodingLegacy';
import { tableHeaderDuplicate } from './tableHeaderDuplicate';
import { tableHeaderMissing } from './tableHeaderMissing';
import { tableOfTerms } from './tableOfTerms';
import { tableHeaderTrailingFields } from './tableHeaderTrailingFields';
import { tableMalformed } from './tableMalformed';
import { tableRowsNotParticipants } from './tableRowsNotParticipants';
import { tableSpreadsheetErrors } from './tableSpreadsheetErrors';

export const DATASET_RULES: DatasetRule[] = [
  tableMalformed,
  tableEncodingLegacy,
  tableHeaderMissing,
  tableOfTerms,
  tableHeaderTrailingFields,
  tableHeaderDuplicate,
  tableSpreadsheetErrors,
  tableRowsNotParticipants,
  ancestryColumnMissing,
  ancestryColumnsMany,
  ancestryUnderrepresented,
  ancestryGroupAbsent,
  ancestryGroupUnobserved,
  ancestryGroupSmall,
  ancestryLabelNonstandard,
  ancestryLabelsUnmapped,
  ancestryRepresentationUnchecked,
  ancestryConceptUnmapped,
  ancestryValuesMissing,
  ancestryParticipantInconsistent,
  ...SCHEMA_DATASET_RULES,
  ...PHENOTYPE_DATASET_RULES,
  ...CONSENT_DATASET_RULES,
  ...PRIVACY_DATASET_RULES,
  ...OUTCOME_DATASET_RULES,
  inclusionEnrollmentShort,
];

export const STRUCTURED_RULES: StructuredRule[] = [...SCHEMA_DOCUMENT_RULES, ...PHENOTYPE_SCHEMA_RULES, ...CONSENT_SCHEMA_RULES, ...PHENOPACKET_RULES, ...PRIVACY_SCHEMA_RULES];

/** config-invalid is one rule: the policy file's problems and the outcome key's that a dataset reveals. */
export const CONFIG_INVALID: RuleMeta = outcomeConfigInvalid;

/** Which rule reports a document that does not parse, by document kind. */
export const PARSE_RULE_BY_KIND: Record<'tableSchema' | 'dataPackage' | 'phenopacket', string> = {
  tableSchema: SCHEMA_PARSE_RULE_ID,
  dataPackage: SCHEMA_PARSE_RULE_ID,
  phenopacket: PHENOPACKET_PARSE_RULE_ID,
};

/** Every rule once, in report order: a rule that reads several kinds of document is one object in several lists. */
export const ALL_RULES: RuleMeta[] = [...new Set<RuleMeta>([...DATASET_RULES, ...COHORT_RULES, ...STRUCTURED_RULES, CONFIG_INVALID, INTERNAL_ERROR])];

const byId = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): RuleMeta | undefined {
  return byId.get(id);
}
