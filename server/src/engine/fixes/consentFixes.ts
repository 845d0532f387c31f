// Quick fixes of the consent rules, by rule id.
import type { FixProvider } from './fixProvider';

export const CONSENT_FIXES: Record<string, FixProvider> = {};
