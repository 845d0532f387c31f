// Phenotype rules on datasets, and on Table Schemas (required fields).
import type { StructuredRule } from '../../documents/structuredRule';
import type { DatasetRule } from '../rule';

export const PHENOTYPE_DATASET_RULES: DatasetRule[] = [];
export const PHENOTYPE_SCHEMA_RULES: StructuredRule[] = [];
