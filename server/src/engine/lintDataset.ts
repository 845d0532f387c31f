// One dataset's text in, findings out: parse, profile, assess ancestry, run every rule.
import { assessAncestryColumn, type AncestryAssessment } from './ancestry/assess';
import { detectAncestryColumns } from './ancestry/detectColumns';
import { ANCESTRY_MISSING_MARKERS, DEFAULT_MISSING_MARKERS, MissingMarkers } from './missing';
import type { LoadedPolicy } from './policy/loadPolicy';
import { ProfileBuilder, type TableProfile } from './profile/profile';
import { DATASET_RULES } from './rules';
import type { DatasetContext } from './rules/rule';
import { finalise } from './severity';
import { cellSpans } from './table/cellOffsets';
import { delimiterFor, parseTable, type Table } from './table/parse';
import { streamTable } from './table/streamTable';
import type { Finding, Range, SeverityOrOff } from './types';

export interface LintOptions {
  ruleSeverity?: Record<string, SeverityOrOff>;
  maxProblems?: number;
}

export interface DatasetAnalysis {
  path: string;
  findings: Finding[];
  table: Table;
  profile: TableProfile;
  ancestry: AncestryAssessment[];
  headerCell(columnIndex: number): Range;
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

export function profileTable(table: Table, ancestryColumns: number[]): TableProfile {
  const builder = newProfileBuilder(table.header, ancestryColumns);
  for (const row of table.rows) builder.addRow(row.values);
  return builder.finish();
}

function newProfileBuilder(header: string[], ancestryColumns: number[]): ProfileBuilder {
  return new ProfileBuilder(header, {
    missing: new MissingMarkers(DEFAULT_MISSING_MARKERS),
    ancestryMissing: new MissingMarkers([...DEFAULT_MISSING_MARKERS, ...ANCESTRY_MISSING_MARKERS]),
    ancestryColumns,
  });
}

/** Assesses a parsed and profiled table and runs every rule on it. */
function analyse(path: string, table: Table, profile: TableProfile, ancestryColumns: number[], loaded: LoadedPolicy, options: LintOptions): DatasetAnalysis {
  const policy = loaded.policy;
  const ancestry = ancestryColumns.map((i) => assessAncestryColumn(profile, i, policy));

  let headerSpans: ReturnType<typeof cellSpans> | undefined;
  const headerCell = (columnIndex: number): Range => {
    const row = table.headerRow;
    if (!row) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    headerSpans ??= cellSpans(table.text, row.start, row.end, table.delimiter);
    const span = headerSpans[columnIndex] ?? { start: row.start, end: row.end };
    return table.lines.range(span.start, span.end);
  };

  const context: DatasetContext = { path, table, profile, policy, ancestry, headerCell };
  let findings = DATASET_RULES.flatMap((rule) => finalise(rule, rule.check(context), policy, loaded.path, options.ruleSeverity));
  if (options.maxProblems && findings.length > options.maxProblems) {
    findings = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, options.maxProblems);
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { path, findings, table, profile, ancestry, headerCell };
}

export function lintDataset(path: string, text: string, languageId: string | undefined, loaded: LoadedPolicy, options: LintOptions = {}): DatasetAnalysis {
  // Editors drop a UTF-8 byte order mark from the text; doing the same keeps positions aligned.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const table = parseTable(body, delimiterFor(languageId, path));
  const ancestryColumns = detectAncestryColumns(table.header, loaded.policy.ancestry.columns);
  const profile = profileTable(table, ancestryColumns);
  return analyse(path, table, profile, ancestryColumns, loaded, options);
}

/**
 * Lints a file by streaming it from disk in bounded memory. Row findings are positioned
 * by line; the analysis keeps no rows, so it serves reports, not quick fixes.
 */
export async function lintDatasetFile(path: string, languageId: string | undefined, loaded: LoadedPolicy, options: LintOptions = {}): Promise<DatasetAnalysis> {
  let ancestryColumns: number[] = [];
  const { table, profile } = await streamTable(path, delimiterFor(languageId, path), (t) => {
    ancestryColumns = detectAncestryColumns(t.header, loaded.policy.ancestry.columns);
    return newProfileBuilder(t.header, ancestryColumns);
  });
  return analyse(path, table, profile, ancestryColumns, loaded, options);
}
