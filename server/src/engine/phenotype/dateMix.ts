// The date formats of a column, with day/month/year values read in the policy's
// phenotype.dateOrder or, failing that, the order the column proves (a part above 12).
import type { ColumnTally } from './consistencyScan';
import { formatOf, type DateFormatId, type DateOrder } from './dateFormats';

/** Share of a column's values that must read as dates for it to be a date column. */
export const MIN_DATE_SHARE = 0.9;
export const MIN_DATES = 5;

export interface DateMix {
  /** Format label → values, most first; an unresolved d/m/y value is `DD/MM/YYYY or MM/DD/YYYY`. */
  formats: [string, number][];
  /** Per separator, the order the fix reads ambiguous values in (undefined: cannot tell). */
  orders: Partial<Record<'/' | '-' | '.', DateOrder>>;
  /** Values whose day/month order neither the column nor the policy settles. */
  unresolved: number;
  /** The column proves both orders (`25/04/2019` and `04/25/2019`). */
  bothOrders: boolean;
  dates: number;
  nonMissing: number;
}

const PROVES: Record<string, ['/' | '-' | '.', DateOrder]> = {
  'DD/MM/YYYY': ['/', 'DMY'], 'MM/DD/YYYY': ['/', 'MDY'], 'DD-MM-YYYY': ['-', 'DMY'], 'MM-DD-YYYY': ['-', 'MDY'],
};

export function dateMix(tally: ColumnTally, policyOrder: DateOrder | undefined): DateMix | undefined {
  if (tally.dateLike < MIN_DATES || tally.dateLike < MIN_DATE_SHARE * tally.nonMissing) return undefined;
  const proven: Record<string, Set<DateOrder>> = { '/': new Set(), '-': new Set(), '.': new Set(['DMY']) };
  for (const [key] of tally.dates) {
    const p = PROVES[key];
    if (p) proven[p[0]].add(p[1]);
  }
  const orders: DateMix['orders'] = {};
  for (const sep of ['/', '-', '.'] as const) {
    const set = proven[sep];
    // The policy states how the data was written; a column's proof stands in for it.
    const order = sep === '.' ? 'DMY' : policyOrder ?? (set.size === 1 ? [...set][0] : undefined);
    if (order) orders[sep] = order;
  }
  const formats = new Map<string, number>();
  let unresolved = 0;
  for (const [key, n] of tally.dates) {
    if (!key.startsWith('?')) { formats.set(key, (formats.get(key) ?? 0) + n); continue; }
    const sep = key.slice(1) as '/' | '-' | '.';
    const order = orders[sep];
    const label = order ? formatOf(sep, order) : `${formatOf(sep, 'DMY')} or ${formatOf(sep, 'MDY')}`;
    if (!order) unresolved += n;
    formats.set(label, (formats.get(label) ?? 0) + n);
  }
  return {
    formats: [...formats].sort((a, b) => b[1] - a[1]),
    orders, unresolved, bothOrders: proven['/'].size === 2 || proven['-'].size === 2,
    dates: tally.dateLike, nonMissing: tally.nonMissing,
  };
}

/** The format the fix writes: the policy's, else the commonest format that is not ambiguous. */
export function targetFormat(mix: DateMix, policyFormat: string | undefined): DateFormatId | undefined {
  if (policyFormat) return policyFormat as DateFormatId;
  const fixed = mix.formats.find(([label]) => !label.includes(' or ') && label !== 'ISO date-time' && label !== 'D Mon YYYY');
  return fixed?.[0] as DateFormatId | undefined;
}
