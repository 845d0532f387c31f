// Marks a provider's fixes as safe to apply unattended (Fix All, fix on save). Only
// providers whose every fix rewrites values to an equivalent spelling qualify; fixes that
// move rows (quarantine), add columns or edit the policy never do. The flag travels with
// each Fix, so no list of rule ids is kept anywhere else.
import type { Fix } from '../types';

/** Takes a provider or one message's fix (fixes/ruleFixes.ts) and returns the same kind. */
export function markSafeForFixAll<A extends unknown[]>(provider: (...args: A) => Fix[]): (...args: A) => Fix[] {
  return (...args) => provider(...args).map((fix) => ({ ...fix, safeForFixAll: true }));
}
