// The contract every rule file implements: metadata for docs, SARIF and settings, and a
// check that reads the analysed table (never the raw text) and returns findings.
import type { AncestryAssessment } from '../ancestry/assess';
import type { Policy } from '../policy/policy';
import type { TableProfile } from '../profile/profile';
import type { Table } from '../table/parse';
import type { Range, Severity } from '../types';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line for SARIF's shortDescription and the docs index. */
  description: string;
  fixable: boolean;
  appliesTo: 'dataset' | 'policy';
}

export interface DatasetContext {
  path: string;
  table: Table;
  profile: TableProfile;
  policy: Policy;
  ancestry: AncestryAssessment[];
  /** Range of a column's header cell (where column findings sit). */
  headerCell(columnIndex: number): Range;
}

/** A finding before severity overrides and acknowledgements are applied. */
export interface RawFinding {
  range: Range;
  message: string;
  data: Record<string, unknown>;
}

export interface DatasetRule extends RuleMeta {
  appliesTo: 'dataset';
  check(context: DatasetContext): RawFinding[];
}
