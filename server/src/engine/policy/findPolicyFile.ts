import * as path from 'node:path';
import { insideWorkspace, isWithin } from '../workspace';
import { POLICY_FILE_NAMES } from '../../../../common/policyFiles';

export function isPolicyFile(filePath: string): boolean {
  return (POLICY_FILE_NAMES as readonly string[]).includes(path.basename(filePath));
}

/**
 * The nearest policy file from the dataset's folder upward, stopping at the workspace
 * root (or the filesystem root when there is none), so a policy outside the project never
 * applies.
 */
export function findPolicyFile(datasetPath: string, workspaceRoot: string | undefined, exists: (p: string) => boolean): string | undefined {
  const root = workspaceRoot ? path.resolve(workspaceRoot) : undefined;
  let dir = path.dirname(path.resolve(datasetPath));
  if (root && !isWithin(dir, root)) return undefined;
  for (;;) {
    for (const name of POLICY_FILE_NAMES) {
      const candidate = path.join(dir, name);
      // A policy that is a link to a file outside the workspace is not the project's.
      if (exists(candidate) && insideWorkspace(candidate, root)) return candidate;
    }
    const parent = path.dirname(dir);
    if (dir === root || parent === dir) return undefined;
    dir = parent;
  }
}
