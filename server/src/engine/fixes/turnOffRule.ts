// "Turn off <rule> in cohortlint.yaml": sets `rules.<rule>: off` in the policy that governs
// the document, through the format-preserving structured edits (comments and layout stay),
// or creates a commented cohortlint.yaml saying just that when there is no policy file.
import * as path from 'node:path';
import type { LoadedPolicy } from '../policy/loadPolicy';
import { setValue } from '../structured/edits';
import { parseStructured } from '../structured/structuredDocument';
import type { Fix } from '../types';
import { NEW_POLICY_FILE_NAME } from '../../../../common/policyFiles';

const start = { line: 0, character: 0 };

export function turnOffRuleFix(ruleId: string, loaded: LoadedPolicy, read: (p: string) => string | undefined, newPolicyDir: string): Fix | undefined {
  const existing = loaded.path ? read(loaded.path) : undefined;
  if (loaded.path && existing !== undefined) {
    const title = `Turn off ${ruleId} in ${path.basename(loaded.path)}`;
    const doc = parseStructured(loaded.path, existing);
    // A file that does not parse cannot be edited without risking the author's text.
    if (doc.parseErrors.length > 0) return undefined;
    const rules = (doc.value as { rules?: unknown } | null)?.rules;
    if (rules && typeof rules === 'object' && (rules as Record<string, unknown>)[ruleId] === 'off') return undefined;
    try {
      return { title, changes: [{ path: loaded.path, edits: setValue(doc, ['rules', ruleId], 'off') }] };
    } catch {
      // `rules` holds something that is not a mapping: config-invalid already says so.
      return undefined;
    }
  }
  const target = path.join(newPolicyDir, NEW_POLICY_FILE_NAME);
  const content = [
    '# Cohort Lint policy: applies to every dataset in this folder and below.',
    '# Keys and their defaults: schemas/cohortlint.schema.json in the extension, or hover them here.',
    'rules:',
    `  ${ruleId}: "off"`,
    '',
  ].join('\n');
  return { title: `Turn off ${ruleId} in cohortlint.yaml`, changes: [{ path: target, create: true, edits: [{ range: { start, end: start }, newText: content }] }] };
}
