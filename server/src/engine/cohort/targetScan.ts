// One pass over the rows of the table being linted, against the facts of the cohort's
// other tables: which rows have no participant (orphans), which belong to a participant
// whose consent elsewhere rules their data out, and (for the participants table) which
// participants have no row in a table that must list everyone. Counts are exact; rows
// are kept as line numbers and cell positions, capped, never as values.
import type { MarkedCell } from '../consent/scan';
import { CONSENT_RANK, type TableFacts, type UnusableConsent } from './facts';
import { keyOf, type CohortTable } from './model';

/** Rows marked one by one per finding kind; the header summary gives the full count. */
export const MAX_MARKED_ROWS = 100;
/** First rows (1-based lines) a summary names. */
export const FIRST_LINES = 5;

export interface RowTally {
  rows: number;
  /** Distinct keys among these rows (participants). */
  keys: Set<string>;
  firstLines: number[];
  cells: MarkedCell[];
}

export interface ConsentTally extends RowTally {
  reason: UnusableConsent;
  /** The tables whose consent rows gave this reason. */
  sources: string[];
}

export interface MissingTally extends RowTally {
  /** The table that should list these participants. */
  table: CohortTable;
}

export interface TargetScan {
  keyAt: number[];
  /** Rows whose key is not in the participants table (undefined for the participants table itself). */
  orphans?: RowTally;
  consent: ConsentTally[];
  /** For the participants table: per table that must list everyone, the rows missing there. */
  missingFrom: MissingTally[];
}

function tally(): RowTally {
  return { rows: 0, keys: new Set(), firstLines: [], cells: [] };
}

function cellAt(values: readonly string[], line: number, columnIndex: number): MarkedCell {
  let start = 0;
  for (let i = 0; i < columnIndex && i < values.length; i++) start += values[i].length + 1;
  // The value is never kept: key cells are identifiers.
  return { line, columnIndex, value: '', start, end: start + (values[columnIndex]?.length ?? 0) };
}

function mark(t: RowTally, key: string, values: readonly string[], line: number, columnIndex: number): void {
  t.rows++;
  t.keys.add(key);
  if (t.firstLines.length < FIRST_LINES) t.firstLines.push(line + 1);
  if (t.cells.length < MAX_MARKED_ROWS) t.cells.push(cellAt(values, line, columnIndex));
}

export interface TargetInputs {
  target: CohortTable;
  keyAt: number[];
  participantsTable: CohortTable;
  participants: TableFacts;
  /** Every other table of the cohort, with its facts. */
  others: { table: CohortTable; facts: TableFacts }[];
  /** Whether a table must list every participant (cohort/lintCohort.ts decides). */
  everyParticipant(table: CohortTable, facts: TableFacts): boolean;
}

/** The scan's state; feed it every data row of the target, then read `result`. */
export class TargetScanner {
  readonly result: TargetScan;
  private readonly byReason = new Map<UnusableConsent, ConsentTally>();
  private readonly mustList: { keys: Set<string>; tally: MissingTally }[];
  private readonly consentSources: { table: CohortTable; facts: TableFacts }[];

  constructor(private readonly inputs: TargetInputs) {
    const { target, participants, others } = inputs;
    const isParticipants = target.role === 'participants';
    const joinable = participants.readable && participants.keyAt !== undefined;
    this.mustList = isParticipants
      ? others.filter((o) => o.facts.readable && o.facts.keyAt && inputs.everyParticipant(o.table, o.facts))
        .map((o) => ({ keys: o.facts.keys, tally: { ...tally(), table: o.table } }))
      : [];
    this.result = {
      keyAt: inputs.keyAt,
      orphans: !isParticipants && joinable ? tally() : undefined,
      consent: [],
      missingFrom: this.mustList.map((m) => m.tally),
    };
    // The tables whose consent rows judge this one's participants (its own consent cells
    // are the consent rules' business).
    this.consentSources = [{ table: inputs.participantsTable, facts: participants }, ...others]
      .filter((s) => s.table !== target && s.facts.unusable.size > 0);
  }

  private consentTally(reason: UnusableConsent): ConsentTally {
    let t = this.byReason.get(reason);
    if (!t) {
      t = { ...tally(), reason, sources: [] };
      this.byReason.set(reason, t);
      this.result.consent.push(t);
    }
    return t;
  }

  readonly row = (values: readonly string[], line: number): void => {
    const { keyAt, participants } = this.inputs;
    const key = keyOf(values, keyAt);
    if (key === undefined) return;
    const at = keyAt[0];
    if (this.result.orphans && !participants.keys.has(key)) mark(this.result.orphans, key, values, line, at);
    for (const m of this.mustList) if (!m.keys.has(key)) mark(m.tally, key, values, line, at);
    let worst: { reason: UnusableConsent; source: string } | undefined;
    for (const { table, facts } of this.consentSources) {
      const reason = facts.unusable.get(key);
      if (reason && (!worst || CONSENT_RANK[reason] < CONSENT_RANK[worst.reason])) worst = { reason, source: table.name };
    }
    if (!worst) return;
    const t = this.consentTally(worst.reason);
    if (!t.sources.includes(worst.source)) t.sources.push(worst.source);
    mark(t, key, values, line, at);
  };
}
