// The project's policy (cohortlint.yaml or .cohortlint.json) after validation, with the
// defaults every rule falls back on.
import type { SeverityOrOff } from '../types';

export interface Acknowledgement {
  rule: string;
  column?: string;
  group?: string;
  reason: string;
}

export interface Policy {
  ancestry: {
    /** Column names that hold ancestry; empty means detect by header name. */
    columns: string[];
    /** A built-in reference id, a map group -> share, or undefined to choose by vocabulary. */
    reference?: string | Record<string, number>;
    minRatio: number;
    minCount: number;
  };
  rules: Record<string, SeverityOrOff>;
  acknowledged: Acknowledgement[];
}

export const POLICY_FILE_NAMES = ['cohortlint.yaml', 'cohortlint.yml', '.cohortlint.json'] as const;

export function defaultPolicy(): Policy {
  return { ancestry: { columns: [], minRatio: 0.8, minCount: 50 }, rules: {}, acknowledged: [] };
}

/** Builds a Policy from a validated plain object (the schema has checked the shapes). */
export function policyFromObject(raw: Record<string, any>): Policy {
  const policy = defaultPolicy();
  const ancestry = raw.ancestry ?? {};
  if (typeof ancestry.column === 'string') policy.ancestry.columns = [ancestry.column];
  else if (Array.isArray(ancestry.column)) policy.ancestry.columns = ancestry.column;
  if (ancestry.reference !== undefined) policy.ancestry.reference = ancestry.reference;
  if (typeof ancestry.minRatio === 'number') policy.ancestry.minRatio = ancestry.minRatio;
  if (typeof ancestry.minCount === 'number') policy.ancestry.minCount = ancestry.minCount;
  if (raw.rules) policy.rules = { ...raw.rules };
  if (Array.isArray(raw.acknowledged)) policy.acknowledged = raw.acknowledged;
  return policy;
}
