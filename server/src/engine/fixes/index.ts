// Quick fixes for a finding as the client sends it back (code, data, range): everything
// a fix needs travels in `data`, so no message is parsed. Each area registers its own.
import * as path from 'node:path';
import type { DocumentAnalysis } from '../lintDocument';
import type { LoadedPolicy } from '../policy/loadPolicy';
import type { Finding, Fix } from '../types';
import { ANCESTRY_FIXES } from './ancestryFixes';
import { CONSENT_FIXES } from './consentFixes';
import type { FixProvider } from './fixProvider';
import { PHENOTYPE_FIXES } from './phenotypeFixes';
import { PRIVACY_FIXES } from './privacyFixes';
import { SCHEMA_FIXES } from './schemaFixes';
import { isSymbolicLink } from '../workspace';

const PROVIDERS: Record<string, FixProvider> = { ...ANCESTRY_FIXES, ...SCHEMA_FIXES, ...PHENOTYPE_FIXES, ...CONSENT_FIXES, ...PRIVACY_FIXES };

/** The rules that have quick fixes (the registry check ties them to `fixable`). */
export const FIX_PROVIDER_IDS: ReadonlySet<string> = new Set(Object.keys(PROVIDERS));

export function fixesFor(
  analysis: DocumentAnalysis,
  finding: Pick<Finding, 'code' | 'messageId' | 'data' | 'range'>,
  policy: LoadedPolicy,
  read: (p: string) => string | undefined,
  newPolicyDir: string = path.dirname(analysis.path),
  options: { mergeEdits?: boolean } = {},
): Fix[] {
  const provider = Object.hasOwn(PROVIDERS, finding.code) ? PROVIDERS[finding.code] : undefined;
  const fixes = provider ? provider(analysis, finding, { policy, read, newPolicyDir, ...options }) : [];
  return fixes.filter((fix) => !writesThroughLink(fix, analysis.path));
}

/**
 * A fix that would write to another file through a symbolic link (a quarantine file, a
 * schema or a policy that is a link) is not offered: the link may lead out of the
 * workspace, and editing it would change a file the user did not open.
 */
function writesThroughLink(fix: Fix, documentPath: string): boolean {
  return fix.changes.some((change) => path.resolve(change.path) !== path.resolve(documentPath) && isSymbolicLink(change.path));
}
