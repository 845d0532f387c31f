// The column roles of the dataset being checked, computed once per analysis and shared by
// the phenotype rules (they all read the same header, policy and ancestry columns).
import { labelKey } from '../../ancestry/labelKey';
import { omopOptionalColumns, type OmopOptionalColumns } from '../../cohort/omopFields';
import { columnRoles, type ColumnRoles, type RequirementMatch } from '../../phenotype/columnRoles';
import { adultOnlyScan } from '../../phenotype/adultOnly';
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

export function rolesOf(context: Pick<DatasetContext, 'table' | 'policy' | 'ancestry' | 'profile'> & { path?: string; scans?: DatasetContext['scans'] }): DatasetRoles {
  let byPolicy = cache.get(context.table);
  if (!byPolicy) cache.set(context.table, (byPolicy = new WeakMap()));
  let roles = byPolicy.get(context.policy);
  if (!roles) {
    const base = columnRoles(context.table.header, context.policy, context.ancestry.map((a) => a.columnIndex));
    const listed = new Set((context.policy.phenotype.columns ?? []).map(labelKey));
    // Columns whose name says an empty cell is an absent event (a death time) are candidates
    // too: when a yes/no column explains their empty cells (DEATHTIME empty wherever
    // HOSPITAL_EXPIRE_FLAG is 0), phenotype-not-applicable says so. They are out of the
    // missingness rules either way, so only a whole condition pattern is kept for them: a
    // partial one would bring their other empty cells back as missing, and a pair of
    // complementary dates is reported on its partner, the column whose empty cells count.
    // A set, not the array: a header of half a million columns must not cost their square.
    const counted = new Set(base.missingness);
    const absentByName = new Set(base.phenotype.filter((i) => !counted.has(i)));
    const omop = omopOptionalColumns(context.path, context.table.header);
    const optional = new Set(omop?.columns.filter((i) => counted.has(i) && !listed.has(labelKey(context.table.header[i]))));
    // An optional CDM field is already left out: it needs no second reason.
    const candidates = [...base.missingness, ...absentByName].filter((i) => !listed.has(labelKey(context.table.header[i])) && !optional.has(i)).sort((a, b) => a - b);
    const notApplicable = notApplicableColumns(context.profile, candidates, base.identifier, context.scans?.get(adultOnlyScan));
    for (const [i, n] of notApplicable) if (absentByName.has(i) && (n.kind !== 'condition' || n.partly)) notApplicable.delete(i);
    const omopOptional = omop && optional.size > 0 ? { table: omop.table, columns: [...optional].sort((a, b) => a - b) } : undefined;
    roles = { ...base, required: answeredByValues(context, base), missingness: base.missingness.filter((i) => !notApplicable.has(i) && !optional.has(i)), notApplicable, omopOptional };
    byPolicy.set(context.policy, roles);
  }
  return roles;
}

/**
 * A requirement no header answers may be answered by a column's name and values together
 * (a `Diabetes` column of Yes/No answers the diagnosis), read from the profile; else the
 * columns that may hold it are kept as candidates for the message. Only the requirement's
 * answer changes: which columns are phenotype columns is still decided by the header, as
 * the row scans decide it before any value is read.
 */
function answeredByValues(context: Pick<DatasetContext, 'table' | 'profile'>, base: ColumnRoles): RequirementMatch[] {
  const { header } = context.table;
  const open = (i: number) => !base.ancestry.has(i) && !base.consent.has(i) && !base.identifier.has(i) && context.profile.columns[i] !== undefined;
  return base.required.map((match) => {
    const { requirement } = match;
    if (match.columns.length > 0 || (!requirement.matchesValues && !requirement.candidate)) return match;
    const indices = header.map((_, i) => i).filter(open);
    const columns = indices.filter((i) => requirement.matchesValues?.(header[i], context.profile.columns[i]) === true);
    if (columns.length > 0) return { ...match, columns };
    return { ...match, candidates: indices.filter((i) => requirement.candidate?.(header[i], context.profile.columns[i]) === true) };
  });
}

/** `"?" 98,569, (empty) 12` — markers as written, most frequent first. */
export function markerList(byMarker: Map<string, number> | Record<string, number>, format: (n: number) => string): string {
  const entries = byMarker instanceof Map ? [...byMarker] : Object.entries(byMarker);
  return entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([marker, n]) => `${marker === '(empty)' ? '(empty)' : JSON.stringify(marker)} ${format(n)}`)
    .join(', ');
}
