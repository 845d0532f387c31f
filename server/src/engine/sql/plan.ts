// What a SQL profile has to compute for a table, worked out exactly as the JavaScript row
// consumers work it out (lintDataset.ts): the ancestry columns, each column's missing
// markers, the participant column and the distinct-value caps.
import { detectAncestryColumns, MAX_ASSESSED_ANCESTRY_COLUMNS } from '../ancestry/detectColumns';
import { indicatorView } from '../ancestry/indicatorView';
import { labelPartners } from '../ancestry/pairedColumns';
import { columnMarkers } from '../columnMarkers';
import type { Policy } from '../policy/policy';
import { SKETCH_COLUMN_LIMIT } from '../profile/missingnessSketch';
import { participantColumn, type ParticipantColumn } from '../profile/participants';
import { ANCESTRY_DISTINCT_CAP, DEFAULT_DISTINCT_CAP } from '../profile/profile';
import type { TableSchema } from '../schema/model';

export interface ColumnPlan {
  index: number;
  name: string;
  /** Trimmed, lower-case values that mean missing ('' when an empty cell does). */
  keys: string[];
  /** labelKey forms that mean missing (ancestry columns' not-recorded phrases). */
  labelKeys: string[];
  /** Distinct values kept in the profile before counting stops. */
  cap: number;
}

export interface ProfilePlan {
  columns: ColumnPlan[];
  ancestryColumns: number[];
  participant?: ParticipantColumn;
}

/** Why a table cannot be profiled in SQL, or undefined when it can. */
export function sqlUnsupported(header: string[], policy: Policy, schema?: TableSchema): string | undefined {
  if (header.length === 0) return 'the table has no columns';
  if (header.length > SKETCH_COLUMN_LIMIT) return `the table has ${header.length} columns; the SQL profile reads at most ${SKETCH_COLUMN_LIMIT} (select the columns to lint)`;
  const detected = detectAncestryColumns(header, policy.ancestry.columns);
  if (detected.length === 0 && indicatorView(header, schema)) {
    return 'ancestry is recorded as yes/no columns per group, which only the JavaScript engine combines';
  }
  if (labelPartners(header, detected).length > 0) {
    return 'ancestry is recorded as a code and its label in two columns, which only the JavaScript engine reads as one';
  }
  return undefined;
}

export function profilePlan(header: string[], policy: Policy, schema?: TableSchema): ProfilePlan {
  const problem = sqlUnsupported(header, policy, schema);
  if (problem) throw new Error(`cannot profile this table in SQL: ${problem}`);
  const detected = detectAncestryColumns(header, policy.ancestry.columns);
  const ancestryColumns = detected.slice(0, MAX_ASSESSED_ANCESTRY_COLUMNS);
  const markers = columnMarkers(header, policy, detected, schema);
  const ancestry = new Set(ancestryColumns);
  return {
    columns: header.map((name, index) => ({
      index, name, keys: markers[index].matchKeys(), labelKeys: markers[index].labelKeys(),
      cap: ancestry.has(index) ? ANCESTRY_DISTINCT_CAP : DEFAULT_DISTINCT_CAP,
    })),
    ancestryColumns,
    participant: participantColumn(header, schema?.primaryKey),
  };
}
