// The project's policy (cohortlint.yaml or .cohortlint.json) after validation, with the
// defaults every rule falls back on.
import { cohortPolicyFrom, type CohortPolicy } from '../cohort/policy';
import type { PlannedEnrollment } from '../inclusion/table';
import type { SeverityOrOff } from '../types';

export interface Acknowledgement {
  rule: string;
  column?: string;
  group?: string;
  reason: string;
}

/** A declared purpose (`intendedUse`): a named purpose or a disease as a MONDO id. */
export type Purpose = string | { disease: string };

export interface PhenotypePolicy {
  /** Required concepts or column names; undefined means the default set. */
  required?: string[];
  /** Phenotype columns; undefined means every column that is not identifier, ancestry or consent. */
  columns?: string[];
  maxMissing: number;
  maxDisparityRatio: number;
  /** Smallest difference of group missing shares (a proportion) phenotype-missingness-disparity reports. */
  maxDisparityDifference: number;
  /** false, true (-9, -1, -3) or an explicit list of numeric codes that mean missing. */
  numericSentinels: boolean | string[];
  missingValue: string;
  /** Expected unit per quantity or column (`height: cm`): every other unit is a finding. */
  units?: Record<string, string>;
  /** Expected code system per column (`diag_1: ICD-9-CM`): every other system is a finding. */
  codeSystem?: Record<string, string>;
  /** The column naming each row's site or centre; undefined means detect by header name. */
  siteColumn?: string;
  /** The date format phenotype-format-mixed's fix writes; undefined means the column's dominant one. */
  dateFormat?: string;
  /** How d/m/y dates whose day and month are both 12 or less are read. */
  dateOrder?: 'DMY' | 'MDY';
}

export interface ConsentPolicy {
  column?: string;
  statusColumn?: string;
  withdrawalColumn?: string;
  allowed: string[];
  withdrawnValues: string[];
}

export interface PrivacyPolicy {
  /** The study pseudonym column (a row id that identifies no one outside the study). */
  pseudonym?: string;
  /** Quasi-identifier columns by header name; undefined means detect them. */
  quasiIdentifiers?: string[];
  /** Smallest equivalence class (k-anonymity) and smallest cell allowed; 11 after CMS. */
  k: number;
  legalBasis?: string;
  deidentification?: 'safe-harbor' | 'expert-determination';
}

/** `outcome`: a label and a model's outputs, compared across groups (docs/rules/outcome-*.md). */
export interface OutcomePolicy {
  /** Ground-truth column. */
  label: string;
  /** Values meaning positive, compared without case or surrounding spaces. */
  positive: string[];
  /** A binary prediction column (read with `positive`). */
  prediction?: string;
  /** A numeric score column; score >= threshold means predicted positive. */
  score?: string;
  threshold: number;
  /** Group columns; undefined means the detected ancestry column(s). */
  groups?: string[];
  minGroupSize: number;
  maxRatioGap: number;
  maxDifference: number;
  /** A second table holding the prediction/score, relative to the policy file's folder. */
  predictions?: string;
  /** The column both tables share (participant id) for `predictions`. */
  join?: string;
}

export const DEFAULT_POSITIVE = ['1', 'yes', 'true'];

export interface Policy {
  /** Undefined when the policy has no `outcome` key: no outcome rule runs. */
  outcome?: OutcomePolicy;
  ancestry: {
    /** Column names that hold ancestry; empty means detect by header name. */
    columns: string[];
    /** A built-in reference id, a map group -> share, or undefined to choose by vocabulary. */
    reference?: string | Record<string, number>;
    minRatio: number;
    minCount: number;
    /** Largest share of rows without an ancestry value before ancestry-values-missing reports it. */
    maxMissing: number;
    /** Raw label -> the reference group it counts in, for labels no vocabulary knows. */
    labels?: Record<string, string>;
  };
  rules: Record<string, SeverityOrOff>;
  acknowledged: Acknowledgement[];
  /** Missing markers replacing the defaults; undefined means the defaults. */
  missingValues?: string[];
  phenotype: PhenotypePolicy;
  consent: ConsentPolicy;
  intendedUse: Purpose[];
  /** Dataset path -> schema path, both relative to the policy file's folder. */
  schemas: Record<string, string>;
  privacy: PrivacyPolicy;
  /** `cohort`: tables joined on a participant key (engine/cohort/policy.ts). */
  cohort?: CohortPolicy;
  /** NIH inclusion enrollment (`inclusion.planned`: race -> ethnicity -> sex -> participants). */
  inclusion?: { planned?: PlannedEnrollment };
}

export function defaultPolicy(): Policy {
  return {
    ancestry: { columns: [], minRatio: 0.8, minCount: 50, maxMissing: 0.2 },
    rules: {},
    acknowledged: [],
    phenotype: { maxMissing: 0.2, maxDisparityRatio: 1.25, maxDisparityDifference: 0.05, numericSentinels: false, missingValue: '' },
    consent: { allowed: [], withdrawnValues: [] },
    intendedUse: [],
    schemas: {},
    privacy: { k: 11 },
  };
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
  if (typeof ancestry.maxMissing === 'number') policy.ancestry.maxMissing = ancestry.maxMissing;
  if (ancestry.labels && typeof ancestry.labels === 'object') policy.ancestry.labels = { ...ancestry.labels };
  if (raw.rules) policy.rules = { ...raw.rules };
  if (Array.isArray(raw.acknowledged)) policy.acknowledged = raw.acknowledged;
  if (Array.isArray(raw.missingValues)) policy.missingValues = raw.missingValues.map(String);
  if (raw.phenotype) policy.phenotype = { ...policy.phenotype, ...raw.phenotype };
  if (raw.consent) policy.consent = { ...policy.consent, ...raw.consent };
  if (raw.intendedUse !== undefined) policy.intendedUse = Array.isArray(raw.intendedUse) ? raw.intendedUse : [raw.intendedUse];
  if (raw.schema) policy.schemas = { ...raw.schema };
  if (raw.privacy && typeof raw.privacy === 'object') policy.privacy = { ...policy.privacy, ...raw.privacy };
  if (raw.cohort) policy.cohort = cohortPolicyFrom(raw.cohort);
  if (raw.inclusion && typeof raw.inclusion === 'object') policy.inclusion = { planned: raw.inclusion.planned };
  if (raw.outcome) {
    policy.outcome = { positive: DEFAULT_POSITIVE, threshold: 0.5, minGroupSize: 30, maxRatioGap: 0.8, maxDifference: 0.1, ...raw.outcome };
    if (typeof raw.outcome.groups === 'string') policy.outcome!.groups = [raw.outcome.groups];
    policy.outcome!.positive = policy.outcome!.positive.map(String);
  }
  return policy;
}
