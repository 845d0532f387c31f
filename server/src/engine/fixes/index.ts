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
import { SCHEMA_FIXES } from './schemaFixes';

const PROVIDERS: Record<string, FixProvider> = { ...ANCESTRY_FIXES, ...SCHEMA_FIXES, ...PHENOTYPE_FIXES, ...CONSENT_FIXES };

export function fixesFor(
  analysis: DocumentAnalysis,
  finding: Pick<Finding, 'code' | 'data' | 'range'>,
  policy: LoadedPolicy,
  read: (p: string) => string | undefined,
  newPolicyDir: string = path.dirname(analysis.path),
  options: { mergeEdits?: boolean } = {},
): Fix[] {
  const provider = PROVIDERS[finding.code];
  return provider ? provider(analysis, finding, { policy, read, newPolicyDir, ...options }) : [];
}
