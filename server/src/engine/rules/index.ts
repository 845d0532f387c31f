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
import { CONSENT_DATASET_RULES, CONSENT_SCHEMA_RULES } from './consent';
import { OUTCOME_DATASET_RULES } from './outcome';
import { PHENOPACKET_PARSE_RULE_ID, PHENOPACKET_RULES } from './phenopacket';
import { PHENOTYPE_DATASET_RULES, PHENOTYPE_SCHEMA_RULES } from './phenotype';
import { PRIVACY_DATASET_RULES, PRIVACY_SCHEMA_RULES } from './privacy';
import type { DatasetRule, RuleMeta } from './rule';
import { SCHEMA_DATASET_RULES, SCHEMA_DOCUMENT_RULES, SCHEMA_PARSE_RULE_ID } from './schema';
import { tableEncodingLegacy } from './tableEncodingLegacy';
import { tableHeaderTrailingFields } from './tableHeaderTrailingFields';
import { tableMalformed } from './tableMalformed';
import { tableRowsNotParticipants } from './tableRowsNotParticipants';
import { tableSpreadsheetErrors } from './tableSpreadsheetErrors';

export const DATASET_RULES: DatasetRule[] = [
  tableMalformed,
  tableEncodingLegacy,
  tableHeaderTrailingFields,
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
];

export const STRUCTURED_RULES: StructuredRule[] = [...SCHEMA_DOCUMENT_RULES, ...PHENOTYPE_SCHEMA_RULES, ...CONSENT_SCHEMA_RULES, ...PHENOPACKET_RULES, ...PRIVACY_SCHEMA_RULES];

export const CONFIG_INVALID: RuleMeta = {
  id: 'config-invalid',
  defaultSeverity: 'error',
  description: 'The policy file is not valid YAML/JSON (defaults apply) or a key does not match its schema (that key takes its default; the rest applies).',
  fixable: false,
  appliesTo: 'policy',
};

/** Which rule reports a document that does not parse, by document kind. */
export const PARSE_RULE_BY_KIND: Record<string, string> = {
  tableSchema: SCHEMA_PARSE_RULE_ID,
  dataPackage: SCHEMA_PARSE_RULE_ID,
  phenopacket: PHENOPACKET_PARSE_RULE_ID,
};

const byId = new Map<string, RuleMeta>();
// Dataset rules may report under config-invalid (the outcome key's columns); its metadata stays the policy rule's.
for (const rule of [...DATASET_RULES, ...STRUCTURED_RULES, CONFIG_INVALID, INTERNAL_ERROR]) if (!byId.has(rule.id) && (rule.id !== CONFIG_INVALID.id || rule === CONFIG_INVALID)) byId.set(rule.id, rule);

export const ALL_RULES: RuleMeta[] = [...byId.values()];

export function ruleById(id: string): RuleMeta | undefined {
  return byId.get(id);
}
