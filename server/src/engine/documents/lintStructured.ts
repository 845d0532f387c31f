// Lints a JSON/YAML document of a known kind: one positioned parse finding when it does
// not parse (and nothing else), otherwise every rule for that kind.
import type { LintOptions } from '../lintDataset';
import type { LoadedPolicy } from '../policy/loadPolicy';
import type { Policy } from '../policy/policy';
import { PARSE_RULE_BY_KIND, STRUCTURED_RULES, ruleById } from '../rules';
import type { RuleMeta } from '../rules/rule';
import { finishDocument } from '../finish';
import { checkRule } from '../isolation';
import { parseStructured, type StructuredDocument } from '../structured/structuredDocument';
import type { Finding } from '../types';
import type { DocumentKind } from './classify';
import type { StructuredContext } from './structuredRule';

export interface StructuredAnalysis {
  kind: Exclude<DocumentKind, 'dataset' | 'policy'>;
  path: string;
  doc: StructuredDocument;
  findings: Finding[];
  /** The policy the document was linted under: hovers read its ancestry columns and thresholds. */
  policy: Policy;
}

export interface StructuredEnvironment {
  read: (absolutePath: string) => string | undefined;
  workspaceRoot?: string;
}

function parseRule(kind: StructuredAnalysis['kind']): RuleMeta {
  const id = PARSE_RULE_BY_KIND[kind];
  // The registry check (rules/registryCheck.ts) proves every kind's parse rule exists and declares `parse`.
  return ruleById(id)!;
}

export function lintStructured(
  path: string, text: string, kind: StructuredAnalysis['kind'], loaded: LoadedPolicy,
  environment: StructuredEnvironment, options: LintOptions = {},
): StructuredAnalysis {
  const doc = parseStructured(path, text);
  const policy = loaded.policy;
  if (doc.parseErrors.length > 0) {
    const rule = parseRule(kind);
    const first = doc.parseErrors[0];
    const errors = doc.parseErrors.length;
    const raw = [{
      messageId: 'parse', range: first.range, message: first.message,
      detail: `${errors === 1 ? 'The only syntax error' : `The first of ${errors} syntax errors; ${errors - 1} more follow it`}. Nothing else in this file was checked.`,
      data: { kind: 'parse', errors },
    }];
    return { kind, path, doc, policy, findings: checkRule(rule, () => raw, { policy, policyPath: loaded.path, ruleSeverity: options.ruleSeverity }) };
  }
  const context: StructuredContext = { path, kind, doc, policy, read: environment.read, workspaceRoot: environment.workspaceRoot };
  const findings = STRUCTURED_RULES
    .filter((rule) => rule.appliesTo.includes(kind))
    .flatMap((rule) => checkRule(rule, () => rule.checkDocument(context), { policy, policyPath: loaded.path, ruleSeverity: options.ruleSeverity }));
  return { kind, path, doc, policy, findings: finishDocument(findings, options.maxProblems) };
}
