// The column roles of the dataset being checked, computed once per analysis and shared by
// the phenotype rules (they all read the same header, policy and ancestry columns).
import { labelKey } from '../../ancestry/labelKey';
import { columnRoles, type ColumnRoles } from '../../phenotype/columnRoles';
import { notApplicableColumns, type NotApplicable } from '../../phenotype/structural';
import type { DatasetContext } from '../rule';

export interface DatasetRoles extends ColumnRoles {
  /**
   * Phenotype columns that are empty where they do not apply (relapse_date when relapsed =
   * 0), with why; they are left out of `missingness` unless the policy lists them.
   */
  notApplicable: Map<number, NotApplicable>;
}

/** By table, then by policy: the same table read under another policy has other roles. */
const cache = new WeakMap<object, WeakMap<object, DatasetRoles>>();

export function rolesOf(context: Pick<DatasetContext, 'table' | 'policy' | 'ancestry' | 'profile'>): DatasetRoles {
  let byPolicy = cache.get(context.table);
  if (!byPolicy) cache.set(context.table, (byPolicy = new WeakMap()));
  let roles = byPolicy.get(context.policy);
  if (!roles) {
    const base = columnRoles(context.table.header, context.policy, context.ancestry.map((a) => a.columnIndex));
    const listed = new Set((context.policy.phenotype.columns ?? []).map(labelKey));
    const candidates = listed.size === 0 ? base.missingness : base.missingness.filter((i) => !listed.has(labelKey(context.table.header[i])));
    const notApplicable = notApplicableColumns(context.profile, candidates, base.identifier);
    roles = { ...base, missingness: base.missingness.filter((i) => !notApplicable.has(i)), notApplicable };
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
