// The policy's `cohort` key: the tables of a cohort named in cohortlint.yaml, for tables
// that no Data Package links (or to say which tables every participant must appear in).
// Paths are relative to the policy file's folder; the JSON Schema has checked the shapes.
import * as path from 'node:path';
import { insideWorkspace } from '../workspace';
import type { Cohort, CohortTable } from './model';

export interface CohortJoin {
  table: string;
  /** This table's key column when it is named differently from `cohort.key`. */
  key?: string;
  everyParticipant?: boolean;
}

export interface CohortPolicy {
  participants: string;
  key: string;
  join: CohortJoin[];
}

/** Reads the validated `cohort` object; entries of `join` may be a path or an object. */
export function cohortPolicyFrom(raw: unknown): CohortPolicy | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as { participants?: unknown; key?: unknown; join?: unknown };
  if (typeof r.participants !== 'string' || typeof r.key !== 'string') return undefined;
  const join = (Array.isArray(r.join) ? r.join : []).flatMap((j): CohortJoin[] => {
    if (typeof j === 'string') return [{ table: j }];
    if (j && typeof j === 'object' && typeof (j as CohortJoin).table === 'string') return [{ ...(j as CohortJoin) }];
    return [];
  });
  return { participants: r.participants, key: r.key, join };
}

/** The cohort the policy declares, with paths resolved; tables outside the boundary are left out. */
export function policyCohort(cohort: CohortPolicy, policyPath: string, workspaceRoot: string | undefined): Cohort | undefined {
  const folder = path.dirname(policyPath);
  const bound = workspaceRoot ?? folder;
  const resolveTable = (name: string): string | undefined => {
    const file = path.resolve(folder, name);
    return insideWorkspace(file, bound) ? file : undefined;
  };
  const participants = resolveTable(cohort.participants);
  if (!participants) return undefined;
  const tables: CohortTable[] = [{ name: cohort.participants, path: participants, key: [cohort.key], role: 'participants' }];
  for (const join of cohort.join) {
    const file = resolveTable(join.table);
    if (!file || tables.some((t) => t.path === file)) continue;
    tables.push({
      name: join.table, path: file, key: [join.key ?? cohort.key], role: 'related', everyParticipant: join.everyParticipant,
      everyParticipantReason: join.everyParticipant ? 'cohort.join sets everyParticipant' : undefined,
    });
  }
  return tables.length > 1 ? { origin: 'policy', definedBy: policyPath, tables } : undefined;
}
