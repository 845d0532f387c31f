// How an area supplies quick fixes: by rule id, from the finding as the client sends it
// back (code, data, range) and the analysis it came from.
import type { DocumentAnalysis } from '../lintDocument';
import type { LoadedPolicy } from '../policy/loadPolicy';
import type { Finding, Fix } from '../types';

export interface FixContext {
  policy: LoadedPolicy;
  read: (absolutePath: string) => string | undefined;
  /** Where a new policy file goes when none exists (the workspace root, or the file's folder). */
  newPolicyDir: string;
  /** false: one edit per cell, for Fix All to combine several fixes and merge once (default true). */
  mergeEdits?: boolean;
}

export type FixProvider = (analysis: DocumentAnalysis, finding: Pick<Finding, 'code' | 'messageId' | 'data' | 'range'>, context: FixContext) => Fix[];
