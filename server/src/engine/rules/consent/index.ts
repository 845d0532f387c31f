// Consent rules on datasets, and on Table Schemas (the consent field).
import type { StructuredRule } from '../../documents/structuredRule';
import type { DatasetRule } from '../rule';

export const CONSENT_DATASET_RULES: DatasetRule[] = [];
export const CONSENT_SCHEMA_RULES: StructuredRule[] = [];
