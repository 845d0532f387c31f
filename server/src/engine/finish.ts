// The one finishing step every document kind goes through (datasets, JSON/YAML documents,
// policy files): each rule's severity from the settings, then the policy, then its
// default; acknowledgements; at most `maxProblems` findings, the most severe kept; sorted
// by position. Rules' findings are finished per rule as they are made (isolation.ts
// checkRule -> severity.ts finalise); a policy file's are made before any settings are
// known, so they are finished here.
import type { LintOptions } from './lintDataset';
import type { LoadedPolicy } from './policy/loadPolicy';
import { ruleById } from './rules';
import { finalise } from './severity';
import type { Finding } from './types';

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * A document's findings capped at `maxProblems` (the most severe kept; among equals, the
 * first in the order they were made, which is the rules' order in rules/index.ts) and
 * sorted by position.
 */
export function finishDocument(findings: readonly Finding[], maxProblems?: number): Finding[] {
  let kept = [...findings];
  // Array.prototype.sort is stable: within a severity the rules' order stays.
  if (maxProblems && kept.length > maxProblems) kept = kept.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, maxProblems);
  return kept.sort(byPosition);
}

/**
 * The policy file's own findings (config-invalid, internal-error) finished under the
 * settings and under that policy's `rules`: `cohortLint.rules: {"config-invalid": "off"}`
 * turns them off as it does any rule.
 */
export function policyFileFindings(loaded: LoadedPolicy, options: LintOptions = {}): Finding[] {
  const finished = loaded.findings.flatMap((finding) => {
    const rule = ruleById(finding.code);
    if (!rule) return [finding];
    // The severity it was made with is its default (a remote schema path is a warning).
    const raw = { messageId: finding.messageId, range: finding.range, message: finding.message, detail: finding.detail, data: finding.data, defaultSeverity: finding.severity };
    return finalise(rule, [raw], loaded.policy, loaded.path, options.ruleSeverity);
  });
  return finishDocument(finished, options.maxProblems);
}
