// Turns raw findings into final ones: severity from the rule's default, then the policy
// file's `rules`, then the editor's settings; acknowledged findings become hints that
// quote the reason.
import * as path from 'node:path';
import { labelKey } from './ancestry/labelKey';
import type { Acknowledgement, Policy } from './policy/policy';
import type { RawFinding, RuleMeta } from './rules/rule';
import type { Finding, SeverityOrOff } from './types';

const ACKNOWLEDGEABLE = new Set(['ancestry-underrepresented', 'ancestry-group-absent']);

function matchesAcknowledgement(rule: string, data: Record<string, unknown>, ack: Acknowledgement): boolean {
  if (ack.rule !== rule || !ACKNOWLEDGEABLE.has(rule)) return false;
  if (ack.column !== undefined && labelKey(ack.column) !== labelKey(String(data.column ?? ''))) return false;
  if (ack.group !== undefined && labelKey(ack.group) !== labelKey(String(data.group ?? ''))) return false;
  return true;
}

export function finalise(
  rule: RuleMeta,
  raw: RawFinding[],
  policy: Policy,
  policyPath: string | undefined,
  settings: Record<string, SeverityOrOff> | undefined,
): Finding[] {
  const configured = settings?.[rule.id] ?? policy.rules[rule.id];
  if (configured === 'off') return [];
  return raw.map((finding) => {
    const data = finding.data as Record<string, unknown>;
    const ack = policy.acknowledged.find((a) => matchesAcknowledgement(rule.id, data, a));
    const severity = configured ?? finding.defaultSeverity ?? rule.defaultSeverity;
    const { messageId } = finding;
    const detail = finding.detail !== undefined ? { detail: finding.detail } : {};
    if (!ack) return { code: rule.id, messageId, severity, range: finding.range, message: finding.message, ...detail, data };
    const where = policyPath ? path.basename(policyPath) : 'the policy file';
    return {
      code: rule.id,
      messageId,
      severity: 'hint',
      range: finding.range,
      message: `${finding.message} Acknowledged in ${where}: "${ack.reason}"`,
      ...detail,
      data: { ...data, acknowledged: ack.reason },
    };
  });
}
