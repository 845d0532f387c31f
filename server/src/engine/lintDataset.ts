// One dataset in, findings out: parse (or stream), profile while running the rules' row
// scans, assess ancestry, then run every rule on the result.
import { assessAncestry, type AncestryAssessment } from './ancestry/assess';
import { detectAncestryColumns, MAX_ASSESSED_ANCESTRY_COLUMNS } from './ancestry/detectColumns';
import { indicatorView, type IndicatorView } from './ancestry/indicatorView';
import { labelPartners, withPartners } from './ancestry/pairedColumns';
import { columnMarkers } from './columnMarkers';
import { finishDocument } from './finish';
import { checkRule, internalError } from './isolation';
import { headerLooksLikeData, type HeaderAsData } from './table/headerLooksLikeData';
import { termTableOf } from './table/termTable';
import type { LoadedPolicy } from './policy/loadPolicy';
import type { Policy } from './policy/policy';
import { MissingMarkers } from './missing';
import { ParticipantIds } from './profile/participantIds';
import { participantColumn } from './profile/participants';
import type { OutcomeInputs } from './outcome/predictions';
import { ProfileBuilder, type TableProfile } from './profile/profile';
import { profileInBlocks, type ProfileBlocks, type ProfileSetup } from './profile/blocks';
import { assessDisparities, type DisparityAssessment } from './phenotype/disparity';
import { DATASET_RULES } from './rules';
import { rolesOf } from './rules/phenotype/roles';
import type { DatasetContext, DatasetRule, ScanSetup, ScanStates } from './rules/rule';
import { bothScans, RowScans } from './rules/scanStates';
import type { TableSchema } from './schema/model';
import { cellSpans } from './table/cellOffsets';
import { delimiterFor, parseTableSteps, type Table } from './table/parse';
import { cellLocator } from './table/cellRange';
import { reparseTable, type UnchangedEnds } from './table/reparse';
import { drain } from './steps';
import { undecodableProblems, type DecodeReport } from './table/decode';
import { streamTable } from './table/streamTable';
import type { Finding, Range, SeverityOrOff } from './types';
import { withoutBom } from './table/bom';

export interface LintOptions {
  ruleSeverity?: Record<string, SeverityOrOff>;
  maxProblems?: number;
  /** "Today" for consent withdrawal dates; the moment of linting when not given (tests fix it). */
  today?: Date;
}

/** What is known about a dataset beyond its text: the Table Schema that describes it. */
export interface DatasetEnvironment {
  schema?: TableSchema;
  /** Findings made while preparing the dataset (a schema lookup that failed), reported with its own. */
  findings?: Finding[];
  /** What decoding the file's bytes found (invalid UTF-8 lines); absent when only text was given. */
  decoding?: DecodeReport;
  outcome?: OutcomeInputs;
  /** The table parsed from an earlier version of this text: an edit is spliced into it when that is exact (table/reparse.ts). */
  previousTable?: Table;
  /** The profile blocks of that earlier version's analysis: those of unchanged rows are reused (profile/blocks.ts). */
  previousProfile?: ProfileBlocks;
  /** What the edits since previousTable's text left alone at its ends, when the editor knows it (table/reparse.ts). */
  unchangedEnds?: UnchangedEnds;
  /**
   * No later version will be linted against this analysis (a file linted once: the CLI, a
   * workspace lint): the rows are profiled and scanned in one pass, as a streamed file's
   * are, and no blocks are kept. The findings and the profile are the same either way.
   */
  oneOff?: boolean;
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
  scans: ScanStates;
  headerCell(columnIndex: number): Range;
  /** The other tables of the cohort this dataset belongs to (engine/cohort), when it belongs to one. */
  cohortTables?: string[];
  /** See DatasetContext: exact cell ranges for the rows the analysis kept. */
  cellRange(line: number, columnIndex: number): Range | undefined;
  /** See DatasetContext: the phenotype missingness tests, computed once. */
  disparities(): DisparityAssessment;
  /** The clock the consent verdicts were made under. */
  today: Date;
  /** Set when the header row reads as a row of data (table/headerLooksLikeData.ts). */
  headerAsData?: HeaderAsData;
  /** The profile by blocks of rows, for the next version's analysis to reuse (absent for a streamed file and a one-off lint). */
  profileBlocks?: ProfileBlocks;
}

/** What analyse reads from a pass over the rows (or from a profile computed elsewhere). */
export interface ProfiledRows {
  readonly ancestryColumns: number[];
  readonly builder: { finish(): TableProfile };
  readonly scans: ScanStates & { failure(rule: DatasetRule): { error: unknown } | undefined };
  readonly today: Date;
}

/** The profile builder and row scans for a header: everything that sees each row once. */
export class RowConsumers {
  /** Ancestry columns for the profile and the assessments (a derived column sits at header.length). */
  readonly ancestryColumns: number[];
  /** The profile's builder as it is set up: fed row by row when streaming, in blocks in an editor (profile/blocks.ts). */
  readonly profileSetup: ProfileSetup;
  /** What each row scan is begun with. */
  private readonly scanSetup: ScanSetup;
  /** Per-group yes/no columns (race_white, race_black, ...) read as one derived ancestry column. */
  private readonly indicators?: IndicatorView;

  constructor(header: string[], loaded: LoadedPolicy, { schema, outcome, previousProfile }: DatasetEnvironment, readonly today: Date) {
    const policy = loaded.policy;
    const found = detectAncestryColumns(header, policy.ancestry.columns);
    // A code column and its label column are one attribute, assessed on the code (pairedColumns.ts).
    const partners = labelPartners(header, found);
    const detected = withPartners(found, partners);
    this.indicators = detected.length === 0 ? indicatorView(header, schema) : undefined;
    this.ancestryColumns = this.indicators ? [header.length] : detected.slice(0, MAX_ASSESSED_ANCESTRY_COLUMNS);
    // A label column's "Unknown" is missing ancestry too: its markers are an ancestry column's.
    const markers = columnMarkers(header, policy, [...detected, ...partners.map((p) => p.label)], schema);
    if (this.indicators) markers.push(new MissingMarkers(this.indicators.markers));
    const profiled = this.indicators ? [...header, this.indicators.name] : header;
    // An open document's versions number participant ids alike, so its blocks merge by number.
    const participantIds = previousProfile?.participantIds ?? new ParticipantIds();
    const options = { markers, ancestryColumns: this.ancestryColumns, participantColumn: participantColumn(header, schema?.primaryKey), participantIds, partners };
    // Scans see the real columns only. A pair's label column is not an ancestry column of its
    // own there (columnRoles counts it as ancestry, so it is no phenotype column either): a
    // cross-tabulation by it would repeat its code's.
    this.scanSetup = { header, policy, ancestryColumns: detected, schema, outcome, today, participantIds };
    let key: string | undefined;
    this.profileSetup = {
      // Everything the builder and the merging scans are set up with (the markers, the
      // ancestry, derived and participant columns, the scans' plans) is worked out from the
      // header, the policy and the schema alone: the merging scans read neither `outcome`
      // nor `today`. Built when blocks are compared, which a streamed file never does.
      get key() {
        return (key ??= JSON.stringify([header, policy, schema ?? null]));
      },
      participantIds,
      builder: () => new ProfileBuilder(profiled, options),
      profiled: (values) => this.profiled(values),
      scans: (block, firstBlock, first) => new RowScans(DATASET_RULES, { ...this.scanSetup, block, firstBlock }, (scan) => scan.absorb !== undefined, first),
    };
  }

  private streamed?: ProfileBuilder;
  private allScans?: RowScans;

  /** The builder `row` feeds (made on first use: the editor's path profiles in blocks instead). */
  get builder(): ProfileBuilder {
    return (this.streamed ??= this.profileSetup.builder());
  }

  /** Every scan, fed by `row`. */
  get scans(): RowScans {
    return (this.allScans ??= new RowScans(DATASET_RULES, this.scanSetup));
  }

  /** The scans that do not merge by blocks: an editor runs them over every row. */
  unmergedScans(): RowScans {
    return new RowScans(DATASET_RULES, this.scanSetup, (scan) => scan.absorb === undefined);
  }

  private profiled(values: readonly string[]): readonly string[] {
    return this.indicators ? [...values, this.indicators.derive(values)] : values;
  }

  row(values: readonly string[], line: number): void {
    this.builder.addRow(this.profiled(values));
    this.scans.row(values, line);
  }
}

/** The rules that are about the file, not the people in it: all that run on a table of terms. */
const ABOUT_TABLES = /^(table-|schema-|config-invalid$|internal-error$)/;

/**
 * Table rules that read the header row as column names, withheld when it is data: its
 * empty trailing cells are then empty values of a data row, not unnamed columns.
 */
const READ_HEADER_AS_NAMES = new Set(['table-rows-not-participants', 'table-header-duplicate', 'table-header-trailing-fields']);

/** Assesses a parsed and profiled table and runs every rule on it. */
export function analyse(path: string, table: Table, consumers: ProfiledRows, loaded: LoadedPolicy, options: LintOptions, environment: DatasetEnvironment, rules: DatasetRule[] = DATASET_RULES): DatasetAnalysis {
  const { schema } = environment;
  const policy = loaded.policy;
  const profile = consumers.builder.finish();
  const ancestry = assessAncestry(profile, consumers.ancestryColumns, policy);

  let headerSpans: ReturnType<typeof cellSpans> | undefined;
  const headerCell = (columnIndex: number): Range => {
    const row = table.headerRow;
    if (!row) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    headerSpans ??= cellSpans(table.text, row.start, row.end, table.delimiter);
    const span = headerSpans[columnIndex] ?? { start: row.start, end: row.end };
    return table.lines.range(span.start, span.end);
  };

  const { scans, today } = consumers;
  const cellRange = cellLocator(table);
  let disparities: DisparityAssessment | undefined;
  const headerAsData = headerLooksLikeData(table.header, profile);
  const termTable = headerAsData ? undefined : termTableOf(table.header, profile);
  const facts = { path, table, profile, policy, ancestry, schema, scans, headerCell, cellRange, today, headerAsData, termTable };
  const context: DatasetContext = {
    ...facts,
    disparities: () => (disparities ??= assessDisparities(profile, ancestry, rolesOf(facts).missingness, policy.phenotype)),
  };
  const guard = { policy, policyPath: loaded.path, ruleSeverity: options.ruleSeverity };
  // A first row of data read as the header names every column by a value: only the
  // table's own rules can say anything true (rules/tableHeaderMissing.ts says why), and not
  // those that read that row as names: repeated headers (rows equal to it) and repeated
  // names (two cells of it holding 0), nor that which reads its empty cells as unnamed columns.
  // A table of ontology terms: the rules about people have nothing to say (rules/tableOfTerms.ts);
  // on an OMOP table about the health system the privacy rules still run (a provider's birth year).
  const checked = headerAsData ? rules.filter((rule) => rule.id.startsWith('table-') && !READ_HEADER_AS_NAMES.has(rule.id))
    : termTable ? rules.filter((rule) => ABOUT_TABLES.test(rule.id) || (termTable.kind === 'omop-system' && rule.id.startsWith('privacy-')))
    : rules;
  const findings = [...environment.findings ?? [], ...checked.flatMap((rule) => (scans.failure(rule)
    ? internalError(`scan the rows for rule "${rule.id}"`, scans.failure(rule)!.error, 'its findings are missing', guard)
    : checkRule(rule, () => rule.check(context), guard)))];
  return { kind: 'dataset', findings: finishDocument(findings, options.maxProblems), ...context };
}

export function lintDataset(
  path: string, text: string, languageId: string | undefined, loaded: LoadedPolicy,
  options: LintOptions = {}, environment: DatasetEnvironment = {},
): DatasetAnalysis {
  return drain(lintDatasetSteps(path, text, languageId, loaded, options, environment));
}

/** Rows profiled and scanned between two yields of lintDatasetSteps. */
const ROW_SLICE = 4096;

/** lintDataset in steps (see steps.ts): it yields while parsing and every ROW_SLICE rows. */
export function* lintDatasetSteps(
  path: string, text: string, languageId: string | undefined, loaded: LoadedPolicy,
  options: LintOptions = {}, environment: DatasetEnvironment = {},
): Generator<void, DatasetAnalysis> {
  // Editors drop a UTF-8 byte order mark from the text; doing the same keeps positions aligned.
  const body = withoutBom(text);
  const delimiter = delimiterFor(languageId, path);
  const previous = environment.previousTable;
  // The ends are the editor's, counted in the text with its byte order mark.
  const bom = text.length - body.length;
  const ends = environment.unchangedEnds && { prefix: environment.unchangedEnds.prefix - bom, suffix: environment.unchangedEnds.suffix };
  const table = (previous && reparseTable(previous, body, delimiter, ends)) ?? (yield* parseTableSteps(body, delimiter));
  if (environment.decoding) table.decoding = { report: environment.decoding };
  if (environment.decoding?.invalidLines.length) {
    table.problems.push(...undecodableProblems(environment.decoding, table.lines));
    table.problems.sort((a, b) => a.start - b.start);
  }
  const consumers = new RowConsumers(table.header, loaded, environment, options.today ?? new Date());
  if (environment.oneOff) {
    yield* eachParticipantRow(table, (values, line) => consumers.row(values, line));
    return analyse(path, table, consumers, loaded, options, environment);
  }
  const unmerged = consumers.unmergedScans();
  const participantRows: (readonly string[])[] = [];
  const participantLines: number[] = [];
  yield* eachParticipantRow(table, (values, line) => {
    unmerged.row(values, line);
    participantRows.push(values);
    participantLines.push(line);
  });
  const { profile, scans, blocks } = yield* profileInBlocks(participantRows, participantLines, consumers.profileSetup, environment.previousProfile, table.header.length + 1);
  const profiled = { ancestryColumns: consumers.ancestryColumns, scans: bothScans(unmerged, scans!), today: consumers.today, builder: { finish: () => profile } };
  const analysis = analyse(path, table, profiled, loaded, options, environment);
  analysis.profileBlocks = blocks;
  return analysis;
}

/**
 * The profile blocks of a dataset linted in one pass (DatasetEnvironment.oneOff), built from
 * its table, policy and schema for the next version's lint to reuse, exactly as a lint with
 * blocks kept would have built them; nothing else is analysed again. Yields as lintDatasetSteps.
 */
export function* profileBlocksSteps(analysis: DatasetAnalysis, loaded: LoadedPolicy): Generator<void, ProfileBlocks> {
  const consumers = new RowConsumers(analysis.table.header, loaded, { schema: analysis.schema }, analysis.today);
  const rows: (readonly string[])[] = [];
  const lines: number[] = [];
  yield* eachParticipantRow(analysis.table, (values, line) => {
    rows.push(values);
    lines.push(line);
  });
  const { blocks } = yield* profileInBlocks(rows, lines, consumers.profileSetup, undefined, analysis.table.header.length + 1);
  return blocks;
}

/** Calls `visit` with each participant row and its 0-based line, yielding every ROW_SLICE rows. */
function* eachParticipantRow(table: Table, visit: (values: readonly string[], line: number) => void): Generator<void> {
  const { rows, lines, excludedRows } = table;
  let line = 0;
  for (let i = 0; i < rows.length; i++) {
    line = lines.lineOf(rows[i].start, line);
    // Rows that are not participants (metadata, id-only; table/nonParticipantRows.ts) are counted nowhere.
    if (!excludedRows?.has(rows[i])) visit(rows[i].values, line);
    if (i % ROW_SLICE === ROW_SLICE - 1) yield;
  }
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
  const today = options.today ?? new Date();
  const { table } = await streamTable(path, delimiterFor(languageId, path), (t) => {
    consumers = new RowConsumers(t.header, loaded, environment, today);
    return (values, line) => consumers!.row(values, line);
  });
  consumers ??= new RowConsumers(table.header, loaded, environment, today);
  return analyse(path, table, consumers, loaded, options, environment);
}
