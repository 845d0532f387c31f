// Quick fixes of the schema rules, by rule and message.
import { schemaAncestryUnconstrained } from '../rules/schema/schemaAncestryUnconstrained';
import { schemaDataMismatch } from '../rules/schema/schemaDataMismatch';
import { ruleFixes } from './ruleFixes';
import { ancestryEnumFix } from './schema/ancestryEnumFix';
import { declareColumnFix } from './schema/declareColumnFix';

export const SCHEMA_FIXES = Object.fromEntries([
  ruleFixes(schemaAncestryUnconstrained, { 'no-enum': ancestryEnumFix, 'nonstandard-enum': ancestryEnumFix }),
  ruleFixes(schemaDataMismatch, { undeclared: declareColumnFix }),
]);
