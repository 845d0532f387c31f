// The contract every rule file implements: metadata for docs, SARIF and settings, and a
// check that reads the analysed table (never the raw text) and returns findings.
import type { AncestryAssessment } from '../ancestry/assess';
import type { DisparityAssessment } from '../phenotype/disparity';
import type { OutcomeInputs } from '../outcome/predictions';
import type { Policy } from '../policy/policy';
import type { ParticipantIds } from '../profile/participantIds';
import type { TableProfile } from '../profile/profile';
import type { HeaderAsData } from '../table/headerLooksLikeData';
import type { TermTable } from '../table/termTable';
import type { Table } from '../table/parse';
import type { TableSchema } from '../schema/model';
import type { Range, Severity } from '../types';

/** What a rule reads: a document kind, 'cohort' (a table read with the other tables of its cohort), or 'any' (internal-error). */
export type RuleTarget = 'dataset' | 'cohort' | 'policy' | 'tableSchema' | 'dataPackage' | 'phenopacket' | 'any';

/**
 * A rule's messages: message id -> the data its findings carry. Declared once per rule
 * (`DatasetRule<{ underrepresented: UnderData }>`), it types the findings the rule may
 * return, and the fixes registered for it (fixes/ruleFixes.ts) get that data by message id.
 */
export type MessageTypes = { [messageId: string]: object };

/** Message id -> what that message reports, in a sentence (for docs and rule authors). */
export type MessageDescriptions<M extends MessageTypes> = { readonly [K in keyof M]: string };

/**
 * Without an argument (`RuleMeta`, `DatasetRule`): any rule, as the registry and the
 * engine hold them. The default is `any` because message ids sit in key position: rules
 * with different ids share no narrower supertype.
 */
export interface RuleMeta<M extends MessageTypes = any> {
  id: string;
  defaultSeverity: Severity;
  /** One line for SARIF's shortDescription and the docs index. */
  description: string;
  fixable: boolean;
  /** Every kind of document this rule reports on; one object per rule id covers them all. */
  appliesTo: readonly RuleTarget[];
  /** Every message this rule may report; a finding with another message id is an internal error. */
  messages: MessageDescriptions<M>;
}

export interface DatasetContext {
  path: string;
  /** A streamed table keeps no rows (table.rows is empty): per-row facts come from scans. */
  table: Table;
  profile: TableProfile;
  policy: Policy;
  ancestry: AncestryAssessment[];
  /** The Table Schema describing this dataset, when one was found. */
  schema?: TableSchema;
  /** The state each row scan built, looked up by the scan itself. */
  scans: ScanStates;
  /** Range of a column's header cell (where column findings sit). */
  headerCell(columnIndex: number): Range;
  /**
   * The exact range of a cell in the row that starts on 0-based `line`, when the analysis
   * kept that row (an open document); undefined for a streamed file or a line no row starts on.
   */
  cellRange(line: number, columnIndex: number): Range | undefined;
  /**
   * Missingness by ancestry group of every phenotype column, with the tests behind
   * phenotype-missingness-disparity: computed on first use, then shared by the rule,
   * the hover and the report.
   */
  disparities(): DisparityAssessment;
  /** "Today" for consent withdrawal dates: the clock every consent verdict was made under. */
  today: Date;
  /** How the header row reads as a row of data, when it does (table/headerLooksLikeData.ts). */
  headerAsData?: HeaderAsData;
  /** The term-id and label columns when the rows are ontology terms, not people (table/termTable.ts). */
  termTable?: TermTable;
}

/** The states the row scans built, keyed by the scan object so each reader gets its type. */
export interface ScanStates {
  /** Undefined when no rule ran this scan or it failed (its owner reports the failure). */
  get<State>(scan: RowScan<State>): State | undefined;
}

/** A finding before severity overrides and acknowledgements are applied: one of its rule's messages. */
export type RawFindingOf<M extends MessageTypes, K extends keyof M = keyof M> = K extends string ? {
  messageId: K;
  range: Range;
  /** The verdict in one line, at most ~120 characters ("X under-represented: 2.0% vs 18.7% (ratio 0.11)"). */
  message: string;
  /** The arithmetic behind it (n, N, interval, threshold, reference and source, test): types.ts Finding.detail. */
  detail?: string;
  data: M[K];
  /** This finding's default severity when it is milder than its rule's (the policy and settings still win). */
  defaultSeverity?: Severity;
} : never;

/** Any rule's raw finding (the engine's view, before the message id is checked). */
export type RawFinding = RawFindingOf<MessageTypes>;

/** A finding before it is placed: everything but its range, for each of its message ids. */
export type Unplaced<F> = F extends unknown ? Omit<F, 'range'> : never;

/** The finding at `range` (TypeScript cannot follow a spread through the distributed Omit). */
export function placed<F extends { range: Range }>(range: Range, finding: Unplaced<F>): F {
  return { range, ...finding } as unknown as F;
}

/** What a row scan is told before the first row. */
export interface ScanSetup {
  header: string[];
  policy: Policy;
  ancestryColumns: number[];
  schema?: TableSchema;
  /** The predictions table `outcome.predictions` names, read for this dataset. */
  outcome?: OutcomeInputs;
  /** The analysis' "today" (consent withdrawal dates are judged against it). */
  today: Date;
  /** Set when the state covers one block of rows and will be merged (RowScan.absorb): keep what absorb needs. */
  block?: boolean;
  /** With `block`: the block starts at the first row, so no rows precede it. */
  firstBlock?: boolean;
  /** Numbers participant ids alike in every block of a document: blocks merge by number (profile/participantIds.ts). */
  participantIds?: ParticipantIds;
}

/**
 * A pass over every data row for rules that need per-row facts (a consent cell, a term's
 * format). It runs while the table is profiled, so it works on streamed files too; the
 * state it returns reaches `check` (of any rule) through `context.scans.get(scan)`; a scan
 * several rules declare runs once. Keep state bounded (counts, and positions capped).
 */
export interface RowScan<State> {
  /**
   * `first`: for a later block's state (`setup.block`, not `firstBlock`), the first block's
   * state, whose settled facts (columns a sniff gave up on) may spare the block work; absorb
   * stays exact when the first block changes after all (it replays what was spared).
   */
  begin(setup: ScanSetup, first?: State): State;
  /** `line` is the row's 0-based first line. */
  row(state: State, values: readonly string[], line: number): void;
  /**
   * Optional, for scans an edit should not re-run over every row (profile/blocks.ts):
   * adds `block`'s state (begun with the same setup and `block: true`, over rows that
   * follow those `into` has seen) exactly as if its rows had been passed to `row`, their
   * lines moved by `lineShift` (rows above the block were inserted or deleted since it was
   * scanned). `rows` replays the block's rows with their current lines, for what depends
   * on their order (a cap reached inside the block). Never changes `block`.
   */
  absorb?(into: State, block: State, lineShift: number, rows: () => Iterable<[readonly string[], number]>): void;
}

export interface DatasetRule<M extends MessageTypes = any> extends RuleMeta<M> {
  scan?: RowScan<any>;
  /**
   * A scan the rule reads when the rows were read, and does without when they were not (a
   * profile computed in SQL): it is run with the others, but does not make the rule one
   * that needs rows (sql/lintProfile.ts).
   */
  optionalScan?: RowScan<any>;
  check(context: DatasetContext): RawFindingOf<M>[];
}
