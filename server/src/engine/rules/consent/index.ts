// Consent rules on datasets, and on Table Schemas (the consent field).
import type { StructuredRule } from '../../documents/structuredRule';
import type { DatasetRule } from '../rule';
import { consentFieldMissing } from './consentFieldMissing';
import { consentScopeMismatch } from './consentScopeMismatch';
import { consentValueInvalid } from './consentValueInvalid';
import { consentValueMissing } from './consentValueMissing';
import { consentWithdrawn } from './consentWithdrawn';
import { schemaConsentNotRequired } from './schemaConsentNotRequired';
import { schemaConsentUnconstrained } from './schemaConsentUnconstrained';

/** consent-field-missing comes first: its row scan builds the state the others read. */
export const CONSENT_DATASET_RULES: DatasetRule[] = [consentFieldMissing, consentValueMissing, consentValueInvalid, consentWithdrawn, consentScopeMismatch];
export const CONSENT_SCHEMA_RULES: StructuredRule[] = [consentFieldMissing, schemaConsentNotRequired, schemaConsentUnconstrained];
