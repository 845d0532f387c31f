// The column roles of the dataset being checked, computed once per analysis and shared by
// the phenotype rules (they all read the same header, policy and ancestry columns).
import { labelKey } from '../../ancestry/labelKey';
import { omopOptionalColumns, type OmopOptionalColumns } from '../../cohort/omopFields';
import { columnRoles, type ColumnRoles } from '../../phenotype/columnRoles';
import { notApplicableColumns, type NotApplicable } from '../../phenotype/structural';
import type { DatasetContext } from '../rule';

export interface DatasetRoles extends ColumnRoles {
  /**
   * Phenotype columns that are empty where they do not apply (relapse_date when relapsed =
   * 0), with why; they are left out of `missingness` unless the policy lists them.
   */
  notApplicable: Map<number, NotApplicable>;
  /**
   * In a file recognised as an OMOP CDM table, the phenotype columns the CDM marks optional
   * (cohort/omopFields.ts): left out of `missingness` unless the policy lists them, since an
   * ETL fills them only when its source has them and most real CDMs leave them empty or 0.
   */
  omopOptional?: OmopOptionalColumns;
}

/** By table, then by policy: the same table read under another policy has other roles. */
const cache = new WeakMap<object, WeakMap<object, DatasetRoles>>();

export function rolesOf(context: Pick<DatasetContext, 'table' | 'policy' | 'ancestry' | 'profile'> & { path?: string }): DatasetRoles {
  let byPolicy = cache.get(context.table);
  if (!byPolicy) cache.set(context.table, (byPolicy = new WeakMap()));
  let roles = byPolicy.get(context.policy);
  if (!roles) {
    const base = columnRoles(context.table.header, context.policy, context.ancestry.map((a) => a.columnIndex));
    const listed = new Set((context.policy.phenotype.columns ?? []).map(labelKey));
    const candidates = listed.size === 0 ? base.missingness : base.missingness.filter((i) => !listed.has(labelKey(context.table.header[i])));
    const omop = omopOptionalColumns(context.path, context.table.header);
    const optional = new Set(omop?.columns.filter((i) => base.missingness.includes(i) && !listed.has(labelKey(context.table.header[i]))));
    // An optional CDM field is already left out: it needs no second reason.
    const notApplicable = notApplicableColumns(context.profile, candidates.filter((i) => !optional.has(i)), base.identifier);
    const omopOptional = omop && optional.size > 0 ? { table: omop.table, columns: [...optional].sort((a, b) => a - b) } : undefined;
    roles = { ...base, missingness: base.missingness.filter((i) => !notApplicable.has(i) && !optional.has(i)), notApplicable, omopOptional };
    byPolicy.set(context.policy, roles);
  }
  return roles;
}

/** `"?" 98,569, (empty) 12` — markers as written, most frequent first. */
export function markerList(byMarker: Map<string, number> | Record<string, number>, format: (n: number) => string): string {
  const entries = byMarker instanceof Map ? [...byMarker] : Object.entries(byMarker);
  return entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([marker, n]) => `${marker === '(empty)' ? '(empty)' : JSON.stringify(marker)} ${format(n)}`)
    .join(', ');
}
