// Quick fixes of the schema rules, by rule id.
import type { FixProvider } from './fixProvider';

export const SCHEMA_FIXES: Record<string, FixProvider> = {};
