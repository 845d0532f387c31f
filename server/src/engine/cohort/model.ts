// A cohort spread over several tables: one table lists the participants, the others refer
// to them by a participant key. Found from a Data Package's foreignKeys, the policy's
// `cohort` key, an OMOP CDM folder or a MIMIC folder (cohort/discover.ts).

/** `participants` lists every participant once; every `related` table refers to them by the key. */
export type TableRole = 'participants' | 'related';

export interface CohortTable {
  /** How messages name it: the data file's name, or the path the policy gives. */
  name: string;
  /** The Data Package resource it is, by position in `resources`. */
  resourceIndex?: number;
  /** Absolute path of the data file. */
  path: string;
  /** The key column(s) in this table, in order; compared with the participants table's. */
  key: string[];
  role: TableRole;
  /**
   * Whether every participant must have a row here (a consent table, OMOP's
   * OBSERVATION_PERIOD), or the table holds events, where a participant without any row
   * is normal (no condition recorded) and only orphan rows count. Undefined: decided by
   * the table's header, true when it records consent (cohort/facts.ts).
   */
  everyParticipant?: boolean;
  /** Why everyParticipant is set, for messages. */
  everyParticipantReason?: string;
}

export type CohortOrigin = 'dataPackage' | 'policy' | 'omop' | 'mimic';

export interface Cohort {
  origin: CohortOrigin;
  /** The descriptor, the policy file or the OMOP or MIMIC folder that defines the cohort. */
  definedBy: string;
  /** The participants table first, then the others in the order their source lists them. */
  tables: CohortTable[];
}

export function participantsTable(cohort: Cohort): CohortTable {
  return cohort.tables[0];
}

/**
 * A row's key as compared across tables: cells trimmed, joined for a composite key;
 * undefined when a cell is empty. "12.0" reads as "12" (a float export of an integer id);
 * leading zeros are kept, since "007" and "7" can be different identifiers.
 */
export function keyOf(values: readonly string[], at: readonly number[]): string | undefined {
  if (at.length === 1) return oneCell(values[at[0]]);
  const parts: string[] = [];
  for (const i of at) {
    const part = oneCell(values[i]);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return parts.join('\u0000');
}

/** Strings this long may be slices of the 1 MiB chunk they were read from (V8 sliced strings). */
const SLICE_MIN = 13;

function oneCell(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32 ? value.trim() : value;
  if (!v) return undefined;
  const key = v.charCodeAt(v.length - 1) === 48 && /^[+-]?\d+\.0+$/.test(v) ? v.replace(/\.0+$/, '') : v;
  // A key kept in a set must not keep its whole chunk of the file alive: copy it out.
  return key.length >= SLICE_MIN ? (` ${key}`).slice(1) : key;
}

/** The header positions of `key`: exact names first, else ignoring case; undefined when any is absent. */
export function keyColumns(header: readonly string[], key: readonly string[]): number[] | undefined {
  const at: number[] = [];
  for (const name of key) {
    let i = header.indexOf(name);
    if (i < 0) i = header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
    if (i < 0) return undefined;
    at.push(i);
  }
  return at;
}
