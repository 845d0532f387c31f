// Marks a provider's fixes as safe to apply unattended (Fix All, fix on save). Only
// providers whose every fix rewrites values to an equivalent spelling qualify; fixes that
// move rows (quarantine), add columns or edit the policy never do. The flag travels with
// each Fix, so no list of rule ids is kept anywhere else.
import type { FixProvider } from './fixProvider';

export function markSafeForFixAll(provider: FixProvider): FixProvider {
  return (analysis, finding, context) => provider(analysis, finding, context).map((fix) => ({ ...fix, safeForFixAll: true }));
}
