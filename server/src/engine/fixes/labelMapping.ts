// "Map this label to a group in the policy file": sets ancestry.labels["raw label"] to a
// reference group, creating cohortlint.yaml when there is none. The edit goes through
// structured/edits.ts, so the policy's comments, order and line endings stay.
import * as path from 'node:path';
import type { LoadedPolicy } from '../policy/loadPolicy';
import { setValue } from '../structured/edits';
import { parseStructured } from '../structured/structuredDocument';
import type { Fix } from '../types';
import { NEW_POLICY_FILE_NAME } from '../../../../common/policyFiles';

export function labelMappingFix(label: string, group: string, loaded: LoadedPolicy, read: (p: string) => string | undefined, newPolicyDir: string): Fix | undefined {
  const title = `Count "${label}" as ${group} (ancestry.labels in the policy file)`;
  const existing = loaded.path ? read(loaded.path) : undefined;
  if (loaded.path && existing !== undefined) {
    try {
      const doc = parseStructured(loaded.path, existing);
      if (doc.parseErrors.length > 0) return undefined;
      return { title, changes: [{ path: loaded.path, edits: setValue(doc, ['ancestry', 'labels', label], group) }] };
    } catch {
      // `ancestry` or `labels` is not a mapping: the author fixes the policy first (config-invalid says why).
      return undefined;
    }
  }
  const content = `# Cohort Lint policy.\nancestry:\n  labels:\n    ${JSON.stringify(label)}: ${JSON.stringify(group)}\n`;
  return { title, changes: [{ path: path.join(newPolicyDir, NEW_POLICY_FILE_NAME), create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] }] };
}
