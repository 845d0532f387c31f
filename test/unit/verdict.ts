// A finding's message is a verdict that reads in one Problems-panel row: at most
// VERDICT_LIMIT characters, with the arithmetic behind it in `detail`. Names the rule does
// not choose (columns, groups, files, quoted in the message) count a bounded number of
// characters each, so a long column name never makes a verdict "too long".
import type { Finding } from '../../server/src/engine';
// The measure rules choose their verdicts by (rules/verdictFit.ts): one definition of "fits".
import { VERDICT_LIMIT, verdictLength } from '../../server/src/engine/rules/verdictFit';

/** Why the finding's message is not a one-line verdict, or undefined when it is. */
export function verdictProblem(finding: Pick<Finding, 'message' | 'data'>): string | undefined {
  // An acknowledgement appends the reviewer's own reason to the verdict.
  if (finding.data.acknowledged !== undefined) return undefined;
  if (/[\r\n]/.test(finding.message)) return `the message spans lines: ${finding.message}`;
  const n = verdictLength(finding.message);
  return n > VERDICT_LIMIT ? `the message is ${n} characters (at most ${VERDICT_LIMIT}; the arithmetic goes in detail): ${finding.message}` : undefined;
}

/** Verdict and arithmetic together, for tests that read a figure wherever it is stated. */
export function fullText(finding: Pick<Finding, 'message' | 'detail'>): string {
  return finding.detail ? `${finding.message} ${finding.detail}` : finding.message;
}
