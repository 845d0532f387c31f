// Lints a JSON/YAML document of a known kind: one positioned parse finding when it does
// not parse (and nothing else), otherwise every rule for that kind.
import type { LintOptions } from '../lintDataset';
import type { LoadedPolicy } from '../policy/loadPolicy';
import type { Policy } from '../policy/policy';
import { PARSE_RULE_BY_KIND, STRUCTURED_RULES, ruleById } from '../rules';
import type { RuleMeta } from '../rules/rule';
import { checkRule } from '../isolation';
import { finalise } from '../severity';
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

function parseRule(kind: string): RuleMeta {
  const id = PARSE_RULE_BY_KIND[kind] ?? 'document-invalid';
  return ruleById(id) ?? { id, defaultSeverity: 'error', description: 'The document does not parse.', fixable: false, appliesTo: 'structured' };
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
    const more = doc.parseErrors.length > 1 ? ` (${doc.parseErrors.length - 1} more after it)` : '';
    const raw = [{ range: first.range, message: `${first.message}${more}. Nothing else in this file was checked.`, data: { kind: 'parse', errors: doc.parseErrors.length } }];
    return { kind, path, doc, policy, findings: finalise(rule, raw, policy, loaded.path, options.ruleSeverity) };
  }
  const context: StructuredContext = { path, kind, doc, policy, read: environment.read, workspaceRoot: environment.workspaceRoot };
  const findings = STRUCTURED_RULES
    .filter((rule) => rule.kinds.includes(kind))
    .flatMap((rule) => checkRule(rule, () => finalise(rule, rule.check(context), policy, loaded.path, options.ruleSeverity), { policy, policyPath: loaded.path, ruleSeverity: options.ruleSeverity }));
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { kind, path, doc, policy, findings: options.maxProblems ? findings.slice(0, options.maxProblems) : findings };
}
