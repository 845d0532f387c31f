// Quick fixes of the schema rules, by rule id.
import type { FixProvider } from './fixProvider';
import { ancestryEnumFix } from './schema/ancestryEnumFix';
import { declareColumnFix } from './schema/declareColumnFix';

export const SCHEMA_FIXES: Record<string, FixProvider> = {
  'schema-ancestry-unconstrained': ancestryEnumFix,
  'schema-data-mismatch': declareColumnFix,
};
