// Quick fixes of the phenotype rules, by rule id.
import type { FixProvider } from './fixProvider';

export const PHENOTYPE_FIXES: Record<string, FixProvider> = {};
