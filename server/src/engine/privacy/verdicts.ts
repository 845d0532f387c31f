// Every column's privacy verdict, from the scan's evidence: the Safe Harbor category it
// holds and how that was established. The direct-identifier, date and geography rules
// each report their share of these, and the move-identifiers fix moves all of them.
import { CATEGORIES, type Category } from './categories';
import { confirmByValues, confirmDates, confirmHeader, type Verdict } from './confirm';
import type { PrivacyScanState } from './scan';

export interface ColumnVerdict extends Verdict {
  index: number;
  column: string;
  category: Category;
}

const cache = new WeakMap<PrivacyScanState, ColumnVerdict[]>();

function verdictFor(state: PrivacyScanState, index: number): Verdict | undefined {
  const { plan } = state;
  const e = state.evidence[index];
  if (index === plan.pseudonym || plan.ancestry.includes(index)) return undefined;
  if (plan.ageColumns.has(index) && (e.agesOver89 > 0 || e.bandsOver89.size > 1)) {
    return { key: 'age', by: 'header', matched: e.agesOver89 + (e.bandsOver89.size > 1 ? e.bandRowsOver89 : 0), sampled: e.nonEmpty };
  }
  const claimed = plan.claimed.get(index);
  if (claimed) {
    const confirmed = confirmHeader(claimed, e);
    if (confirmed) return confirmed;
  }
  if (plan.dateHeaders.has(index)) return confirmDates(e, true);
  if (plan.ageColumns.has(index)) return undefined;
  return confirmByValues(e) ?? confirmDates(e, false);
}

/** Verdicts in column order; date and geography ones only when the rows are people. */
export function columnVerdicts(state: PrivacyScanState): ColumnVerdict[] {
  let verdicts = cache.get(state);
  if (verdicts) return verdicts;
  verdicts = [];
  for (let index = 0; index < state.evidence.length; index++) {
    const v = verdictFor(state, index);
    if (!v) continue;
    const category = CATEGORIES[v.key];
    verdicts.push({ ...v, index, column: state.plan.header[index], category });
  }
  const direct = verdicts.some((v) => v.category.rule === 'direct');
  // Dates and places in a table that is not about people (a vocabulary, a site list) are not theirs.
  if (!state.plan.personLevel && !direct) verdicts = [];
  cache.set(state, verdicts);
  return verdicts;
}

/** The columns the move-identifiers fix takes out: every verdict but ages (those are generalised). */
export function movableColumns(state: PrivacyScanState): ColumnVerdict[] {
  return columnVerdicts(state).filter((v) => v.key !== 'age');
}
