// Which columns of a dataset are phenotype (clinical) columns, and which column answers
// each required concept. Phenotype columns are the required concepts' columns plus those
// the policy lists (`phenotype.columns`); when it lists none, every column that is not an
// identifier, ancestry or consent column.
import { consentRoleOf } from '../consent/detectColumns';
import { labelKey } from '../ancestry/labelKey';
import { labelPartners } from '../ancestry/pairedColumns';
import type { Policy } from '../policy/policy';
import { requirements, type Requirement } from './concepts';
import { emptyMeansAbsent } from './emptyMeansAbsent';
import { isIdentifierColumn } from './identifiers';

export interface RequirementMatch {
  requirement: Requirement;
  /** Header indices that answer it; empty when the dataset lacks it. */
  columns: number[];
  /** Columns that may answer it but may hold something else (`Outcome` of 0/1), read from the values; only when none answers it. */
  candidates?: number[];
}

export interface ColumnRoles {
  required: RequirementMatch[];
  /** Phenotype column indices, ascending. */
  phenotype: number[];
  /**
   * The phenotype columns whose missing share means something: all of them but those where
   * an empty cell records an absent event (a death date), unless the policy lists them.
   */
  missingness: number[];
  identifier: Set<number>;
  consent: Set<number>;
  ancestry: Set<number>;
  /** True when `phenotype.columns` chose the phenotype columns. */
  fromPolicy: boolean;
}

/** Consent and data-use columns belong to the consent rules; they decide which those are. */
export function isConsentColumn(header: string): boolean {
  return consentRoleOf(header) !== undefined;
}

export function columnRoles(header: readonly string[], policy: Policy, ancestryColumns: readonly number[]): ColumnRoles {
  // A code's label column (Superpopulation name beside Superpopulation code) is part of the
  // same ancestry attribute: its empty cells are not missing phenotype values.
  const ancestry = new Set([...ancestryColumns, ...labelPartners(header, ancestryColumns).map((p) => p.label)]);
  const named = (i: number): boolean => header[i].trim().length > 0;
  const indices = header.map((_, i) => i).filter(named);
  const identifier = new Set(indices.filter((i) => !ancestry.has(i) && isIdentifierColumn(header[i])));
  const consent = new Set(indices.filter((i) => !ancestry.has(i) && !identifier.has(i) && isConsentColumn(header[i])));

  // A required concept is answered by columns that are not ancestry columns; an id-looking
  // name (`gender_id`) still answers `sex`, so identifiers are not excluded here.
  const required = requirements(policy.phenotype.required).map((requirement) => ({
    requirement,
    columns: indices.filter((i) => !ancestry.has(i) && !consent.has(i) && requirement.matches(header[i])),
  }));

  const phenotype = new Set(required.flatMap((r) => r.columns));
  const listed = policy.phenotype.columns;
  const fromPolicy = listed !== undefined && listed.length > 0;
  const wanted = new Set((listed ?? []).map(labelKey));
  if (fromPolicy) {
    for (const i of indices) if (wanted.has(labelKey(header[i]))) phenotype.add(i);
  } else {
    for (const i of indices) if (!ancestry.has(i) && !identifier.has(i) && !consent.has(i)) phenotype.add(i);
  }
  const sorted = [...phenotype].sort((a, b) => a - b);
  const missingness = sorted.filter((i) => !emptyMeansAbsent(header[i]) || wanted.has(labelKey(header[i])));
  return { required, phenotype: sorted, missingness, identifier, consent, ancestry, fromPolicy };
}
