// Table Schema and Data Package rules (documents), and dataset-against-schema rules.
import type { StructuredRule } from '../../documents/structuredRule';
import type { DatasetRule } from '../rule';
import { schemaAncestryFieldMissing } from './schemaAncestryFieldMissing';
import { schemaAncestryUnconstrained } from './schemaAncestryUnconstrained';
import { schemaDataMismatch } from './schemaDataMismatch';
import { schemaInvalid } from './schemaInvalid';

export const SCHEMA_DOCUMENT_RULES: StructuredRule[] = [schemaInvalid, schemaAncestryFieldMissing, schemaAncestryUnconstrained];
export const SCHEMA_DATASET_RULES: DatasetRule[] = [schemaDataMismatch];
/** The rule that reports a schema or data package that does not parse. */
export const SCHEMA_PARSE_RULE_ID = 'schema-invalid';
