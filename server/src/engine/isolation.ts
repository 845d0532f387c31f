// Per-part isolation: a rule, a schema lookup or a policy that makes the engine throw
// costs one positioned internal-error finding naming what was not checked, and every
// other part of the file is still checked. The error's message is not shown (a parser's
// message can quote a cell); its class is.
import type { Policy } from './policy/policy';
import type { RuleMeta } from './rules/rule';
import { finalise } from './severity';
import type { Finding, Range, SeverityOrOff } from './types';

export const INTERNAL_ERROR: RuleMeta = {
  id: 'internal-error',
  defaultSeverity: 'error',
  description: 'Cohort Lint failed on part of a file (a bug in Cohort Lint): the finding names what was not checked; everything else was.',
  fixable: false,
  appliesTo: 'any',
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
    severity: 'error',
    range,
    message: `Cohort Lint could not ${part} (${errorClass(error)}): ${skipped}; everything else in this file was checked. This is a bug in Cohort Lint; please report it.`,
    data: { part, error: errorClass(error) },
  };
}

/** The same finding with the policy's and the settings' severity for internal-error applied. */
export function internalError(
  part: string, error: unknown, skipped: string,
  context: { policy: Policy; policyPath?: string; ruleSeverity?: Record<string, SeverityOrOff> },
  range: Range = FILE_START,
): Finding[] {
  const raw = internalErrorFinding(part, error, skipped, range);
  return finalise(INTERNAL_ERROR, [raw], context.policy, context.policyPath, context.ruleSeverity);
}

/** Runs one rule's check; its failure becomes an internal-error finding instead. */
export function checkRule(
  rule: RuleMeta, check: () => Finding[],
  context: { policy: Policy; policyPath?: string; ruleSeverity?: Record<string, SeverityOrOff> },
): Finding[] {
  try {
    return check();
  } catch (error) {
    return internalError(`run rule "${rule.id}"`, error, 'its findings are missing', context);
  }
}
