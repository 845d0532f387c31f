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

/** "100% of values": the share of a column a verdict states, the counts going to the detail. */
export function shareOf(matched: number, of: number, what = 'values'): string {
  return `${percent(of ? matched / of : 0)} of ${what}`;
}

/** The first letter in upper case, for a clause that starts a detail's sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Quoted names while they fit `budget` characters (each counted at most 24, as the verdict
 * check counts them), then "and N more": a verdict names what it can in one line.
 */
export function namesWithin(names: string[], budget: number): string {
  const shown: string[] = [];
  let used = 0;
  for (const [i, name] of names.entries()) {
    const cost = Math.min(name.length + 2, 24) + (i > 0 ? 2 : 0);
    const rest = names.length - i - 1;
    if (shown.length > 0 && used + cost + (rest > 0 ? 12 : 0) > budget) break;
    shown.push(`"${name}"`);
    used += cost;
  }
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
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
