// What the cohort rules need from each table, in one pass over its rows: the set of keys
// it holds and, for a table that records consent, the keys whose consent is not usable
// (withdrawn, out of scope for intendedUse, invalid), judged by the same evaluator as the
// consent rules. Memory is O(distinct keys): no row, no line, no other cell is kept.
// Tables read from disk are cached by path, size and modification time, per policy, so
// linting an open document again while typing does not read its siblings again.
import { statSync } from 'node:fs';
import { ConsentEvaluator, type RowVerdict } from '../consent/evaluate';
import type { Policy } from '../policy/policy';
import type { TableSchema } from '../schema/model';
import { delimiterFor } from '../table/parse';
import { keyColumns, keyOf, type CohortTable } from './model';
import { forEachRow, forEachRowOfText, type RowVisitor } from './readRows';

/** Why a participant's consent rules out their rows, worst first. */
export type UnusableConsent = 'withdrawn' | 'scope' | 'invalid';
export const CONSENT_RANK: Record<UnusableConsent, number> = { withdrawn: 0, scope: 1, invalid: 2 };

export interface TableFacts {
  /** False when the file could not be read (absent, unreadable): its rules say nothing. */
  readable: boolean;
  /** The header, for what the table holds (cohort/coveredElsewhere.ts); absent when unreadable. */
  header?: readonly string[];
  /** The key column positions, undefined when the header lacks the key. */
  keyAt?: number[];
  rows: number;
  /** Rows whose key cell is empty (they join nothing). */
  emptyKeys: number;
  keys: Set<string>;
  recordsConsent: boolean;
  /** Key -> the worst reason among its rows, for keys with an unusable consent row. */
  unusable: Map<string, UnusableConsent>;
}

export function unusableReason(verdict: RowVerdict): UnusableConsent | undefined {
  if (verdict.withdrawn.length > 0) return 'withdrawn';
  if (verdict.conflicts.length > 0) return 'scope';
  if (verdict.invalid.length > 0) return 'invalid';
  return undefined;
}

/** Verdicts kept per combination of consent cells: a consent table has few distinct ones. */
const VERDICT_MEMO_LIMIT = 10_000;

/** Collects a table's facts from rows given one at a time (from disk or an open document). */
export class FactsBuilder {
  readonly facts: TableFacts;
  /** False when nothing will read this table's key set (an event table being linted): the set stays empty. */
  keepKeys = true;
  private readonly evaluator?: ConsentEvaluator;
  private readonly consentAt: number[] = [];
  private readonly verdicts = new Map<string, UnusableConsent | undefined>();

  constructor(header: readonly string[], table: CohortTable, policy: Policy, schema: TableSchema | undefined, today: Date) {
    const keyAt = keyColumns(header, table.key);
    const evaluator = new ConsentEvaluator(header, policy, schema, today);
    this.evaluator = evaluator.recordsConsent ? evaluator : undefined;
    this.consentAt = evaluator.columns.map((c) => c.index);
    this.facts = { readable: true, header, keyAt, rows: 0, emptyKeys: 0, keys: new Set(), recordsConsent: evaluator.recordsConsent, unusable: new Map() };
  }

  readonly row: RowVisitor = (values) => {
    const { facts } = this;
    facts.rows++;
    if (!facts.keyAt) return;
    const key = keyOf(values, facts.keyAt);
    if (key === undefined) { facts.emptyKeys++; return; }
    if (this.keepKeys) facts.keys.add(key);
    if (!this.evaluator) return;
    const reason = this.verdict(values);
    if (reason === undefined) return;
    const known = facts.unusable.get(key);
    if (known === undefined || CONSENT_RANK[reason] < CONSENT_RANK[known]) facts.unusable.set(key, reason);
  };

  /** The row's consent verdict; it depends on the consent cells only, so equal cells share one. */
  private verdict(values: readonly string[]): UnusableConsent | undefined {
    const cells = this.consentAt.map((i) => values[i] ?? '').join('\u0000');
    if (this.verdicts.has(cells)) return this.verdicts.get(cells);
    const reason = unusableReason(this.evaluator!.evaluate(values));
    if (this.verdicts.size < VERDICT_MEMO_LIMIT) this.verdicts.set(cells, reason);
    return reason;
  }
}

const UNREADABLE: TableFacts = { readable: false, rows: 0, emptyKeys: 0, keys: new Set(), recordsConsent: false, unusable: new Map() };

/** Tables cached per policy object: a changed policy is a new object, so old verdicts go with it. */
const cache = new WeakMap<Policy, Map<string, { stamp: string; facts: TableFacts }>>();
/** Tables kept per policy: a workspace with many cohorts re-reads rather than grows. */
const MAX_CACHED = 32;

function stampOf(file: string, table: CohortTable): string | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) return undefined;
  return `${stat.size}\u0000${stat.mtimeMs}\u0000${table.key.join('\u0000')}`;
}

/** An open document's text, when the table is open in the editor (its unsaved edits count). */
export type OpenText = (file: string) => string | undefined;

function emptyFacts(): TableFacts {
  return { ...UNREADABLE, readable: true, keys: new Set<string>(), unusable: new Map() };
}

/** A table's facts: from the editor's text when it is open there (not cached), else from disk, streamed. */
/** `today` is the clock the linted table's consent verdicts were made under, so every table of the cohort is judged on one day. */
export function tableFacts(table: CohortTable, policy: Policy, schemaFor: (file: string) => TableSchema | undefined, today: Date, openText?: OpenText): TableFacts {
  const text = openText?.(table.path);
  if (text === undefined) return factsFromDisk(table, policy, schemaFor, today);
  let builder: FactsBuilder | undefined;
  forEachRowOfText(text, delimiterFor(undefined, table.path), (header) => {
    builder = new FactsBuilder(header, table, policy, schemaFor(table.path), today);
    return builder.row;
  });
  return builder?.facts ?? emptyFacts();
}

function factsFromDisk(table: CohortTable, policy: Policy, schemaFor: (file: string) => TableSchema | undefined, today: Date): TableFacts {
  const fileStamp = stampOf(table.path, table);
  if (fileStamp === undefined) return UNREADABLE;
  // Consent verdicts depend on the day (a withdrawal dated tomorrow): a cached reading holds for its day only.
  const stamp = `${fileStamp}@${today.toISOString().slice(0, 10)}`;
  let byPath = cache.get(policy);
  if (!byPath) cache.set(policy, byPath = new Map());
  const known = byPath.get(table.path);
  if (known && known.stamp === stamp) return known.facts;
  let builder: FactsBuilder | undefined;
  const read = forEachRow(table.path, delimiterFor(undefined, table.path), (header) => {
    builder = new FactsBuilder(header, table, policy, schemaFor(table.path), today);
    return builder.row;
  });
  const facts = !read ? UNREADABLE : builder?.facts ?? emptyFacts();
  if (byPath.size >= MAX_CACHED) byPath.delete(byPath.keys().next().value!);
  byPath.set(table.path, { stamp, facts });
  return facts;
}
