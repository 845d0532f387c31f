// One dataset in, findings out: parse (or stream), profile while running the rules' row
// scans, assess ancestry, then run every rule on the result.
import { assessAncestryColumn, type AncestryAssessment } from './ancestry/assess';
import { detectAncestryColumns, MAX_ASSESSED_ANCESTRY_COLUMNS } from './ancestry/detectColumns';
import { indicatorView, type IndicatorView } from './ancestry/indicatorView';
import { columnMarkers } from './columnMarkers';
import { finishDocument } from './finish';
import { checkRule, internalError } from './isolation';
import type { LoadedPolicy } from './policy/loadPolicy';
import type { Policy } from './policy/policy';
import { MissingMarkers } from './missing';
import { participantColumn } from './profile/participants';
import type { OutcomeInputs } from './outcome/predictions';
import { ProfileBuilder, type TableProfile } from './profile/profile';
import { DATASET_RULES } from './rules';
import type { DatasetContext } from './rules/rule';
import type { TableSchema } from './schema/model';
import { cellSpans } from './table/cellOffsets';
import { delimiterFor, parseTable, type Table } from './table/parse';
import { undecodableProblems, type DecodeReport } from './table/decode';
import { streamTable } from './table/streamTable';
import type { Finding, Range, SeverityOrOff } from './types';
import { withoutBom } from './table/bom';

export interface LintOptions {
  ruleSeverity?: Record<string, SeverityOrOff>;
  maxProblems?: number;
}

/** What is known about a dataset beyond its text: the Table Schema that describes it. */
export interface DatasetEnvironment {
  schema?: TableSchema;
  /** Findings made while preparing the dataset (a schema lookup that failed), reported with its own. */
  findings?: Finding[];
  /** What decoding the file's bytes found (invalid UTF-8 lines); absent when only text was given. */
  decoding?: DecodeReport;
  outcome?: OutcomeInputs;
}

export interface DatasetAnalysis {
  kind: 'dataset';
  path: string;
  findings: Finding[];
  table: Table;
  profile: TableProfile;
  ancestry: AncestryAssessment[];
  schema?: TableSchema;
  /** The policy the dataset was linted under: hovers explain verdicts with its thresholds. */
  policy: Policy;
  scans: Map<string, unknown>;
  headerCell(columnIndex: number): Range;
}

/** The profile builder and row scans for a header: everything that sees each row once. */
class RowConsumers {
  /** Ancestry columns for the profile and the assessments (a derived column sits at header.length). */
  readonly ancestryColumns: number[];
  readonly builder: ProfileBuilder;
  readonly scans = new Map<string, unknown>();
  /** Rules whose row scan threw, with the error: they are reported, not run. */
  readonly failedScans = new Map<string, unknown>();
  /** Per-group yes/no columns (race_white, race_black, ...) read as one derived ancestry column. */
  private readonly indicators?: IndicatorView;

  constructor(header: string[], loaded: LoadedPolicy, { schema, outcome }: DatasetEnvironment) {
    const policy = loaded.policy;
    const detected = detectAncestryColumns(header, policy.ancestry.columns);
    this.indicators = detected.length === 0 ? indicatorView(header, schema) : undefined;
    this.ancestryColumns = this.indicators ? [header.length] : detected.slice(0, MAX_ASSESSED_ANCESTRY_COLUMNS);
    const markers = columnMarkers(header, policy, detected, schema);
    if (this.indicators) markers.push(new MissingMarkers(this.indicators.markers));
    const profiled = this.indicators ? [...header, this.indicators.name] : header;
    this.builder = new ProfileBuilder(profiled, { markers, ancestryColumns: this.ancestryColumns, participantColumn: participantColumn(header, schema?.primaryKey) });
    // Scans see the real columns only.
    for (const rule of DATASET_RULES) {
      if (!rule.scan) continue;
      try {
        this.scans.set(rule.id, rule.scan.begin({ header, policy, ancestryColumns: detected, schema, outcome }));
      } catch (error) {
        this.failedScans.set(rule.id, error);
      }
    }
  }

  row(values: readonly string[], line: number): void {
    this.builder.addRow(this.indicators ? [...values, this.indicators.derive(values)] : values);
    for (const rule of DATASET_RULES) {
      if (!rule.scan || this.failedScans.has(rule.id)) continue;
      try {
        rule.scan.row(this.scans.get(rule.id), values, line);
      } catch (error) {
        this.failedScans.set(rule.id, error);
      }
    }
  }
}

/** Assesses a parsed and profiled table and runs every rule on it. */
function analyse(path: string, table: Table, consumers: RowConsumers, loaded: LoadedPolicy, options: LintOptions, environment: DatasetEnvironment): DatasetAnalysis {
  const { schema } = environment;
  const policy = loaded.policy;
  const profile = consumers.builder.finish();
  const ancestry = consumers.ancestryColumns.map((i) => assessAncestryColumn(profile, i, policy));

  let headerSpans: ReturnType<typeof cellSpans> | undefined;
  const headerCell = (columnIndex: number): Range => {
    const row = table.headerRow;
    if (!row) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    headerSpans ??= cellSpans(table.text, row.start, row.end, table.delimiter);
    const span = headerSpans[columnIndex] ?? { start: row.start, end: row.end };
    return table.lines.range(span.start, span.end);
  };

  const { scans } = consumers;
  const context: DatasetContext = { path, table, profile, policy, ancestry, schema, scans, headerCell };
  const guard = { policy, policyPath: loaded.path, ruleSeverity: options.ruleSeverity };
  const findings = [...environment.findings ?? [], ...DATASET_RULES.flatMap((rule) => (consumers.failedScans.has(rule.id)
    ? internalError(`scan the rows for rule "${rule.id}"`, consumers.failedScans.get(rule.id), 'its findings are missing', guard)
    : checkRule(rule, () => rule.check(context), guard)))];
  return { kind: 'dataset', path, findings: finishDocument(findings, options.maxProblems), table, profile, ancestry, schema, policy, scans, headerCell };
}

export function lintDataset(
  path: string, text: string, languageId: string | undefined, loaded: LoadedPolicy,
  options: LintOptions = {}, environment: DatasetEnvironment = {},
): DatasetAnalysis {
  // Editors drop a UTF-8 byte order mark from the text; doing the same keeps positions aligned.
  const body = withoutBom(text);
  const table = parseTable(body, delimiterFor(languageId, path));
  if (environment.decoding?.invalidLines.length) {
    table.problems.push(...undecodableProblems(environment.decoding, table.lines));
    table.problems.sort((a, b) => a.start - b.start);
  }
  const consumers = new RowConsumers(table.header, loaded, environment);
  for (const row of table.rows) consumers.row(row.values, table.lines.positionAt(row.start).line);
  return analyse(path, table, consumers, loaded, options, environment);
}

/**
 * Lints a file by streaming it from disk in bounded memory. Row findings are positioned
 * by line; the analysis keeps no rows, so it serves reports, not quick fixes.
 */
export async function lintDatasetFile(
  path: string, languageId: string | undefined, loaded: LoadedPolicy,
  options: LintOptions = {}, environment: DatasetEnvironment = {},
): Promise<DatasetAnalysis> {
  let consumers: RowConsumers | undefined;
  const { table } = await streamTable(path, delimiterFor(languageId, path), (t) => {
    consumers = new RowConsumers(t.header, loaded, environment);
    return (values, line) => consumers!.row(values, line);
  });
  consumers ??= new RowConsumers(table.header, loaded, environment);
  return analyse(path, table, consumers, loaded, options, environment);
}
