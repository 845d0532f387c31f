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
