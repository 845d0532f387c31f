// The column roles of the dataset being checked, computed once per analysis and shared by
// the phenotype rules (they all read the same header, policy and ancestry columns).
import { columnRoles, type ColumnRoles } from '../../phenotype/columnRoles';
import type { DatasetContext } from '../rule';

const cache = new WeakMap<object, ColumnRoles>();

export function rolesOf(context: Pick<DatasetContext, 'table' | 'policy' | 'ancestry'>): ColumnRoles {
  let roles = cache.get(context.table);
  if (!roles) {
    roles = columnRoles(context.table.header, context.policy, context.ancestry.map((a) => a.columnIndex));
    cache.set(context.table, roles);
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
