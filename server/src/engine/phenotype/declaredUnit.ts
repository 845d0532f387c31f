// The unit a column's values are expected in: the policy's phenotype.units (by column
// name, else by quantity), else the unit its header states (`height_cm`).
import type { ColumnTally } from './consistencyScan';
import { unitNamed, type UnitSpec } from './quantities';

export interface ExpectedUnit {
  unit: UnitSpec;
  from: 'policy' | 'header';
}

function policyEntry(units: Record<string, string> | undefined, ...keys: string[]): string | undefined {
  if (!units) return undefined;
  for (const key of keys) {
    const found = Object.keys(units).find((k) => k.toLowerCase() === key.toLowerCase());
    if (found !== undefined) return units[found];
  }
  return undefined;
}

export function expectedUnit(tally: ColumnTally, units: Record<string, string> | undefined): ExpectedUnit | undefined {
  const q = tally.quantity;
  if (!q) return undefined;
  const declared = policyEntry(units, tally.name, q.quantity.id);
  const fromPolicy = declared === undefined ? undefined : unitNamed(q.quantity, declared);
  if (fromPolicy) return { unit: fromPolicy, from: 'policy' };
  return q.unit ? { unit: q.unit, from: 'header' } : undefined;
}

/** *Judgement:* a column is in a unit only when stated, or when this share of its values fits that unit and no other. */
export const SHOWN_SHARE = 0.9;
/** *Judgement:* and it has at least this many values: one age of 150 is an error, not a column in days. */
export const SHOWN_MIN_VALUES = 20;

/**
 * The unit a column's values show when its header and the policy state none: a unit never
 * assumed (age in days) that nine in ten of the values fit while nine in ten fit none of the
 * quantity's other units. GDC clinical files (TCGA's clinical.tsv) write `age_at_diagnosis`
 * in days, 9,000 to 33,000 of them, every one implausible as years.
 */
export function shownUnit(tally: ColumnTally): UnitSpec | undefined {
  const q = tally.quantity;
  if (!q || tally.numbers < SHOWN_MIN_VALUES) return undefined;
  const assumed = q.quantity.units.filter((u) => !u.whenShown);
  const outsideOf = (key: string) => { const o = tally.outside.get(key); return o ? o.below + o.above : 0; };
  const outsideAssumed = outsideOf(assumed.length === 1 ? assumed[0].id : '*');
  if (outsideAssumed < SHOWN_SHARE * tally.numbers) return undefined;
  return q.quantity.units.find((u) => u.whenShown && tally.numbers - outsideOf(u.id) >= SHOWN_SHARE * tally.numbers);
}
