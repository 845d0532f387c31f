// Per-part isolation: a rule, a schema lookup or a policy that makes the engine throw
// costs one positioned internal-error finding naming what was not checked, and every
// other part of the file is still checked. The error's message is not shown (a parser's
// message can quote a cell); its class is.
import type { Policy } from './policy/policy';
import type { RawFinding, RuleMeta } from './rules/rule';
import { finalise } from './severity';
import type { Finding, Range, SeverityOrOff } from './types';

export const INTERNAL_ERROR: RuleMeta = {
  id: 'internal-error',
  defaultSeverity: 'error',
  description: 'Cohort Lint failed on part of a file (a bug in Cohort Lint): the finding names what was not checked; everything else was.',
  fixable: false,
  appliesTo: ['any'],
  messages: {
    failed: 'A part of the file (a rule, a schema lookup, the policy) threw: names the part and what was not checked.',
    undeclaredMessage: 'A rule reported a message id it does not declare: those findings are withheld as a bug.',
  },
};

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function errorClass(error: unknown): string {
  if (error instanceof Error) return error.name || 'Error';
  return typeof error;
}

/**
 * The finding for a part that failed. `part` completes "Cohort Lint could not ...", e.g.
 * `run rule "consent-withdrawn"`; `skipped` says what that cost.
 */
export function internalErrorFinding(part: string, error: unknown, skipped: string, range: Range = FILE_START): Finding {
  return {
    code: INTERNAL_ERROR.id,
    messageId: 'failed',
    severity: 'error',
    range,
    message: `Cohort Lint could not ${part} (${errorClass(error)})`,
    detail: `${skipped.charAt(0).toUpperCase()}${skipped.slice(1)}; everything else in this file was checked. This is a bug in Cohort Lint; please report it.`,
    data: { part, error: errorClass(error) },
  };
}

type GuardContext = { policy: Policy; policyPath?: string; ruleSeverity?: Record<string, SeverityOrOff> };

/** The same finding with the policy's and the settings' severity for internal-error applied. */
export function internalError(
  part: string, error: unknown, skipped: string,
  context: { policy: Policy; policyPath?: string; ruleSeverity?: Record<string, SeverityOrOff> },
  range: Range = FILE_START,
): Finding[] {
  const raw = internalErrorFinding(part, error, skipped, range);
  return finalise(INTERNAL_ERROR, [raw], context.policy, context.policyPath, context.ruleSeverity);
}

/**
 * Runs one rule's check and finishes its findings (severity, acknowledgements). A failure
 * becomes an internal-error finding; so do findings under a message id the rule does not
 * declare (one per id), which are withheld: their data is not what fixes expect.
 */
export function checkRule(rule: RuleMeta, check: () => RawFinding[], context: GuardContext): Finding[] {
  let raw: RawFinding[];
  try {
    raw = check();
  } catch (error) {
    return internalError(`run rule "${rule.id}"`, error, 'its findings are missing', context);
  }
  const declared = raw.filter((f) => Object.hasOwn(rule.messages, f.messageId));
  const undeclared = [...new Set(raw.filter((f) => !Object.hasOwn(rule.messages, f.messageId)).map((f) => String(f.messageId)))];
  return [
    ...finalise(rule, declared, context.policy, context.policyPath, context.ruleSeverity),
    ...undeclared.flatMap((id) => finalise(INTERNAL_ERROR, [undeclaredMessageFinding(rule.id, id)], context.policy, context.policyPath, context.ruleSeverity)),
  ];
}

function undeclaredMessageFinding(ruleId: string, messageId: string): RawFinding {
  // Message ids are the rule's own constants, never cell text, so naming one is safe.
  const shown = /^[A-Za-z0-9_-]{1,60}$/.test(messageId) ? `"${messageId}"` : 'an unnamed id';
  return {
    messageId: 'undeclaredMessage',
    range: FILE_START,
    message: `Rule "${ruleId}" reported message ${shown}, which it does not declare: those findings are withheld`,
    detail: 'This is a bug in Cohort Lint; please report it.',
    data: { rule: ruleId, reported: shown === 'an unnamed id' ? '' : messageId },
  };
}
