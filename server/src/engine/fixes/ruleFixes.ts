// A rule's quick fixes by message id, each typed with that message's data: the rule object
// declares its messages and their data (rules/rule.ts), so a fix reads `finding.data.column`
// as the rule wrote it, with no typeof re-checks. The engine withholds any finding under a
// message id its rule does not declare (isolation.ts), and code actions hand back the
// analysis's own findings (lsp/codeActions.ts), so the data is the rule's.
import type { DocumentAnalysis } from '../lintDocument';
import type { MessageTypes, RuleMeta } from '../rules/rule';
import type { Fix, Range } from '../types';
import type { FixContext, FixProvider } from './fixProvider';

/** One message's finding as a fix receives it. */
export interface FindingOf<M extends MessageTypes, K extends keyof M> {
  code: string;
  messageId: K;
  data: M[K] & { acknowledged?: string };
  range: Range;
}

export type MessageFix<M extends MessageTypes, K extends keyof M> = (analysis: DocumentAnalysis, finding: FindingOf<M, K>, context: FixContext) => Fix[];

/** Fixes for some of a rule's messages; a message without one gets no fix. */
export type MessageFixes<M extends MessageTypes> = { [K in keyof M]?: MessageFix<M, K> };

/** The registry entry for a rule's fixes: `[rule id, provider]`. */
export function ruleFixes<M extends MessageTypes>(rule: RuleMeta<M>, fixes: MessageFixes<M>): [string, FixProvider] {
  const provider: FixProvider = (analysis, finding, context) => {
    if (!Object.hasOwn(fixes, finding.messageId)) return [];
    const fix = fixes[finding.messageId as keyof M] as MessageFix<M, keyof M>;
    return fix(analysis, finding as FindingOf<M, keyof M>, context);
  };
  return [rule.id, provider];
}

/** The same fix for every listed message (their data share the fields it reads). */
export function forMessages<M extends MessageTypes, K extends keyof M>(ids: readonly K[], fix: MessageFix<M, K>): MessageFixes<M> {
  return Object.fromEntries(ids.map((id) => [id, fix])) as unknown as MessageFixes<M>;
}
