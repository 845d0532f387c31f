// Shared by the privacy rules: the scan state, the identifiers file's name, and wording.
import * as path from 'node:path';
import { count, percent } from '../../format';
import { identifiersPath } from '../../privacy/identifiersName';
import type { CategoryRule } from '../../privacy/categories';
import { privacyScan, type PrivacyScanState } from '../../privacy/scan';
import { columnVerdicts, type ColumnVerdict } from '../../privacy/verdicts';
import { placed, type DatasetContext, type MessageTypes, type RawFindingOf, type Unplaced } from '../rule';

/** The rule whose row scan builds the state the other privacy rules read. */
export const PRIVACY_SCAN_RULE = 'privacy-direct-identifier';

export function privacyState(context: Pick<DatasetContext, 'scans'>): PrivacyScanState | undefined {
  return context.scans.get(privacyScan);
}

/**
 * One finding on the header of each column whose verdict falls to `rule` (direct
 * identifiers, dates, geography), worded and given data by `describe`.
 */
export function verdictFindings<M extends MessageTypes>(
  context: Pick<DatasetContext, 'scans' | 'headerCell'>, rule: CategoryRule,
  describe: (v: ColumnVerdict, state: PrivacyScanState) => Unplaced<RawFindingOf<M>>,
): RawFindingOf<M>[] {
  const state = privacyState(context);
  if (!state) return [];
  return columnVerdicts(state).filter((v) => v.category.rule === rule).map((v) => placed<RawFindingOf<M>>(context.headerCell(v.index), describe(v, state)));
}

/** "Safe Harbor item G (45 CFR 164.514(b)(2)(i)(G))". */
export function safeHarborItem(item: string): string {
  return `Safe Harbor item ${item} (45 CFR 164.514(b)(2)(i)(${item}))`;
}

/** "115 of 115 sampled values (100%)". */
export function sampleShare(matched: number, sampled: number, what = 'sampled values'): string {
  return `${count(matched)} of ${count(sampled)} ${what} (${percent(sampled ? matched / sampled : 0)})`;
}

/** What the move-identifiers fix offers, by file name. */
export function moveHint(datasetPath: string): string {
  return `move it to ${path.basename(identifiersPath(datasetPath))} with the quick fix (keyed by a study pseudonym; no row is lost)`;
}

/** The numbers behind a verdict, for `data`. */
export type VerdictData = ReturnType<typeof verdictData>;

export function verdictData(v: ColumnVerdict, datasetPath: string) {
  return {
    category: v.category.id, item: v.category.item, column: v.column, columnIndex: v.index, by: v.by, trait: v.trait,
    matched: v.matched, sampled: v.sampled, share: v.sampled ? v.matched / v.sampled : 0, identifiersFile: path.basename(identifiersPath(datasetPath)),
  };
}
