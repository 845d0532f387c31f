// One verdict per row on its consent: which cells are missing, invalid or withdrawn,
// and which declared purposes its DUO terms forbid. The rules' row scan and the
// quarantine fix both use it, so the rows a fix moves are the rows the rules report.
import { columnMarkers } from '../columnMarkers';
import type { MissingMarkers } from '../missing';
import type { Policy } from '../policy/policy';
import type { TableSchema } from '../schema/model';
import { readCodesCell, type CodesCell, type InvalidReason } from './codesCell';
import { detectConsentColumns, type ConsentColumn, type ConsentColumns } from './detectColumns';
import type { DuoTerm } from './duo';
import { scopeConflicts, type ScopeConflict } from './purposes';
import { rowTerms, type RowTerms } from './rowTerms';
import { StatusReader, withdrawalDate, type StatusVerdict, type WithdrawalVerdict } from './status';

export type RowInvalidReason = InvalidReason | 'status-unknown' | 'no-permission' | 'several-permissions' | 'disease-without-ds';
export type WithdrawnReason = 'withdrawn' | 'not-in-force' | 'not-given' | 'withdrawal-date' | 'withdrawal-recorded';

export interface CellRef {
  columnIndex: number;
  value: string;
}

export interface InvalidCell extends CellRef {
  reason: RowInvalidReason;
  /** The corrected cell, for near misses. */
  suggestion?: string;
  /** The codes that are not valid, or the row's permissions for several-permissions. */
  bad?: string[];
}

export interface WithdrawnCell extends CellRef {
  reason: WithdrawnReason;
  date?: string;
}

export interface RowVerdict {
  missing: CellRef[];
  invalid: InvalidCell[];
  withdrawn: WithdrawnCell[];
  /** Set when the row's codes are all valid DUO terms (and a purpose was declared). */
  terms?: RowTerms;
  /** The first codes cell holding the terms (where scope findings sit). */
  termsColumn?: number;
  conflicts: ScopeConflict[];
  usable: boolean;
  /** The row's DUO permission (GRU, HMB, DS, POA, NRES), 'several', or undefined when none was read. */
  permission?: string;
}

type Verdict = CodesCell | StatusVerdict | WithdrawalVerdict | { state: 'withdrawn-marker' };

const MEMO_LIMIT = 10_000;

export class ConsentEvaluator {
  readonly columns: ConsentColumn[];
  readonly detected: ConsentColumns;
  private readonly codesColumns: ConsentColumn[];
  private readonly markers: MissingMarkers[];
  private readonly allowed: Set<string>;
  private readonly status: StatusReader;
  private readonly today: Date;
  private readonly memo: Map<string, Verdict>[];

  /** `today` is the analysis' clock: withdrawal dates on or before it count as withdrawn. */
  constructor(header: readonly string[], private readonly policy: Policy, schema: TableSchema | undefined, today: Date) {
    this.detected = detectConsentColumns(header, policy.consent);
    this.columns = this.detected.columns;
    this.codesColumns = this.columns.filter((c) => c.role === 'codes');
    this.markers = columnMarkers([...header], policy, [], schema);
    this.allowed = new Set(policy.consent.allowed.map((a) => a.trim().toLowerCase()));
    this.status = new StatusReader(policy.consent.withdrawnValues, policy.consent.allowed);
    this.today = today;
    this.memo = header.map(() => new Map());
  }

  get todayDate(): Date {
    return this.today;
  }

  /** True when the dataset records consent at all (DUO codes or a status). */
  get recordsConsent(): boolean {
    return this.columns.some((c) => c.role === 'codes' || c.role === 'status');
  }

  private verdict(column: ConsentColumn, value: string): Verdict {
    const memo = this.memo[column.index];
    const known = memo.get(value);
    if (known) return known;
    let verdict: Verdict;
    switch (column.role) {
      case 'codes': verdict = this.status.isWithdrawnMarker(value) ? { state: 'withdrawn-marker' } : readCodesCell(value, this.allowed); break;
      case 'status': verdict = this.status.status(value); break;
      case 'withdrawnFlag': verdict = this.status.flag(value, this.today); break;
      case 'withdrawal': verdict = withdrawalDate(value, this.today); break;
    }
    if (memo.size < MEMO_LIMIT) memo.set(value, verdict);
    return verdict;
  }

  evaluate(values: readonly string[]): RowVerdict {
    const row: RowVerdict = { missing: [], invalid: [], withdrawn: [], conflicts: [], usable: true };
    const terms: DuoTerm[] = [];
    const dsDiseases: string[] = [];
    const looseDiseases: string[] = [];
    let codesOk = true;
    let local = false;
    let termsColumn: number | undefined;
    const missingCodes: CellRef[] = [];
    for (const column of this.columns) {
      const value = column.index < values.length ? values[column.index] : '';
      const at = { columnIndex: column.index, value };
      if (this.markers[column.index].match(value) !== undefined) {
        // An empty status means no consent; empty codes only when every codes column is
        // empty (a modifiers column may well be); an empty withdrawal, no withdrawal.
        if (column.role === 'status') row.missing.push(at);
        if (column.role === 'codes') missingCodes.push(at);
        continue;
      }
      const v = this.verdict(column, value);
      switch (v.state) {
        case 'withdrawn-marker': row.withdrawn.push({ ...at, reason: 'withdrawn' }); codesOk = false; break;
        case 'invalid': row.invalid.push({ ...at, reason: v.reason, suggestion: v.suggestion, bad: v.bad }); codesOk = false; break;
        case 'local': local = true; break;
        case 'valid':
          terms.push(...v.terms);
          dsDiseases.push(...v.dsDiseases);
          looseDiseases.push(...v.looseDiseases);
          local ||= v.hasLocal;
          if (v.terms.length > 0) termsColumn ??= column.index;
          break;
        case 'unknown': row.invalid.push({ ...at, reason: 'status-unknown' }); break;
        case 'withdrawn': row.withdrawn.push({ ...at, reason: v.reason }); break;
        case 'past': row.withdrawn.push({ ...at, reason: 'withdrawal-date', date: v.date }); break;
        case 'unreadable': row.withdrawn.push({ ...at, reason: 'withdrawal-recorded' }); break;
        case 'active': case 'future': break;
      }
    }
    const codesColumns = this.codesColumns;
    if (codesColumns.length > 0 && missingCodes.length === codesColumns.length) {
      row.missing.unshift(missingCodes[0]);
      codesOk = false;
    }
    if (codesOk && codesColumns.length > 0 && !local) this.checkStructure(row, terms, looseDiseases, termsColumn ?? codesColumns[0].index, values);
    // Scope is judged only for rows otherwise usable: a withdrawn row has one reason to go.
    if (codesOk && row.invalid.length === 0 && row.missing.length === 0 && row.withdrawn.length === 0 && terms.length > 0) {
      row.terms = rowTerms(terms, [...dsDiseases, ...looseDiseases]);
      row.termsColumn = termsColumn;
      if (this.policy.intendedUse.length > 0) row.conflicts = scopeConflicts(row.terms, this.policy.intendedUse);
    }
    const permissions = [...new Set(terms.filter((t) => t.kind === 'permission').map((t) => t.shorthand!))];
    row.permission = permissions.length > 1 ? 'several' : permissions[0];
    row.usable = row.missing.length === 0 && row.invalid.length === 0 && row.withdrawn.length === 0 && row.conflicts.length === 0;
    return row;
  }

  /** Consent Codes give each row exactly one permission [S58]; a disease code needs DS. */
  private checkStructure(row: RowVerdict, terms: DuoTerm[], looseDiseases: string[], columnIndex: number, values: readonly string[]): void {
    const value = values[columnIndex] ?? '';
    const permissions = [...new Set(terms.filter((t) => t.kind === 'permission'))];
    if (permissions.length === 0) row.invalid.push({ columnIndex, value, reason: 'no-permission', bad: terms.map((t) => t.shorthand!) });
    else if (permissions.length > 1) row.invalid.push({ columnIndex, value, reason: 'several-permissions', bad: permissions.map((t) => t.shorthand!) });
    if (looseDiseases.length > 0 && !terms.some((t) => t.shorthand === 'DS')) row.invalid.push({ columnIndex, value, reason: 'disease-without-ds', bad: looseDiseases });
  }
}
