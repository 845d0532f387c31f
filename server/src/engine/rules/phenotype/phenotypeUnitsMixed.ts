// A quantity recorded in more than one unit: numeric values in two clusters that are the
// same quantity in two units (unitClusters.ts), values written with different units
// (`170 cm`, `67 in`), or a units column beside the values naming more than one. A unit
// the policy declares (phenotype.units) makes any other unit a finding.
import { count, percent, ratio } from '../../format';
import type { ColumnTally } from '../../phenotype/consistencyScan';
import { expectedUnit } from '../../phenotype/declaredUnit';
import { quantityOfHeader, quantityOfUnitsHeader, unitNamed, type Quantity } from '../../phenotype/quantities';
import { MAX_CENTRE_RATIO, MIN_ASHMAN_D, unitMix } from '../../phenotype/unitClusters';
import type { TableProfile } from '../../profile/profile';
import type { DatasetContext, DatasetRule, RawFindingOf } from '../rule';
import { firstFitting } from '../verdictFit';
import { consistencyState } from './consistency';
import { rangeText, sig } from './phenotypeImplausible';

function clusterFinding(context: DatasetContext, tally: ColumnTally): RawFindingOf<PhenotypeUnitsMixedMessages> | undefined {
  const mix = unitMix(tally.histogram, tally.quantity!.quantity);
  if (!mix) return undefined;
  const [a, b] = mix.clusters;
  const expected = expectedUnit(tally, context.policy.phenotype.units);
  const clusterText = (c: typeof a) => `${count(c.count)} values around ${sig(c.centre)} (${sig(c.low)}–${sig(c.high)}), plausible in ${c.unit.id} (${rangeText(c.unit)})`;
  return {
    messageId: 'clusters',
    range: context.headerCell(tally.index),
    message: firstFitting(
      `"${tally.name}" looks like ${tally.quantity!.quantity.id} in two units: ${a.unit.id} (${count(a.count)} values) and ${b.unit.id} (${count(b.count)})`,
      `"${tally.name}" looks like ${tally.quantity!.quantity.id} in two units: ${a.unit.id} and ${b.unit.id}`,
    ),
    detail:
      `Column "${tally.name}" looks like ${tally.quantity!.quantity.id} in two units: ${clusterText(a)}, and ${clusterText(b)}. ` +
      `Converted to one unit the centres agree within ${ratio(mix.centreRatio)}× (at most ${MAX_CENTRE_RATIO}×), and the clusters are separated (Ashman's D ${sig(mix.ashmanD)} ≥ ${MIN_ASHMAN_D}).` +
      (expected ? ` Expected: ${expected.unit.id} (${expected.from === 'policy' ? 'phenotype.units' : 'the header'}).` : ''),
    data: {
      column: tally.name, columnIndex: tally.index, quantity: tally.quantity!.quantity.id, kind: 'clusters',
      clusters: mix.clusters.map((c) => ({ unit: c.unit.id, count: c.count, centre: c.centre, low: c.low, high: c.high })),
      ashmanD: mix.ashmanD, minAshmanD: MIN_ASHMAN_D, centreRatio: mix.centreRatio, maxCentreRatio: MAX_CENTRE_RATIO, splitAt: 10 ** mix.splitLog10,
      expectedUnit: expected?.unit.id ?? null,
    },
  };
}

/** Units by id with counts, from values or a units column; unrecognised spellings are left out. */
function unitCounts(quantity: Quantity, spelled: Iterable<[string, number]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [text, n] of spelled) {
    const unit = unitNamed(quantity, text);
    if (unit) counts.set(unit.id, (counts.get(unit.id) ?? 0) + n);
  }
  return counts;
}

function listedFinding(context: DatasetContext, columnIndex: number, quantity: Quantity, counts: Map<string, number>, where: 'values' | 'units column', expected?: string): RawFindingOf<PhenotypeUnitsMixedMessages> | undefined {
  const others = [...counts.keys()].filter((u) => u !== expected);
  if (counts.size < 2 && !(expected !== undefined && others.length > 0)) return undefined;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const list = [...counts].sort((x, y) => y[1] - x[1]).map(([u, n]) => `${u} ${count(n)} (${percent(n / total)})`).join(', ');
  const shares = [...counts].sort((x, y) => y[1] - x[1]).map(([u, n]) => `${u} ${percent(n / total)}`).join(', ');
  const column = context.table.header[columnIndex];
  return {
    messageId: where === 'values' ? 'values' as const : 'unitsColumn' as const,
    range: context.headerCell(columnIndex),
    message: firstFitting(
      `"${column}" records ${quantity.id} in ${counts.size} ${counts.size === 1 ? 'unit' : 'units'}${expected !== undefined ? ` (phenotype.units: ${expected})` : ''}: ${shares}`,
      `"${column}" records ${quantity.id} in ${counts.size} ${counts.size === 1 ? 'unit' : 'units'}${expected !== undefined ? ` (phenotype.units: ${expected})` : ''}`,
    ),
    detail:
      `Column "${column}" records ${quantity.id} in ${counts.size} ${counts.size === 1 ? 'unit' : 'units'} (${where}): ${list}` +
      (expected !== undefined ? `; phenotype.units expects ${expected}.` : '. Values in different units do not compare until converted to one.'),
    data: { column, columnIndex, quantity: quantity.id, kind: where === 'values' ? 'values' : 'unitsColumn', units: Object.fromEntries(counts), expectedUnit: expected ?? null },
  };
}

/** A units column: `height_unit`, or `unit`/`units` right after a quantity column. */
function unitsColumns(header: readonly string[]): { index: number; quantity: Quantity; valuesIndex: number }[] {
  return header.flatMap((name, index) => {
    // Only headers ending in "unit(s)" can be units columns: a cheap test before reading words.
    if (!/units?\s*$/i.test(name)) return [];
    const before = index > 0 ? quantityOfHeader(header[index - 1]) : undefined;
    const named = quantityOfUnitsHeader(name);
    if (named) {
      const valuesIndex = before?.quantity === named ? index - 1 : header.findIndex((h) => quantityOfHeader(h)?.quantity === named);
      return [{ index, quantity: named, valuesIndex }];
    }
    return /^units?$/i.test(name.trim()) && before ? [{ index, quantity: before.quantity, valuesIndex: index - 1 }] : [];
  });
}

function declaredFor(context: DatasetContext, quantity: Quantity, column: string): string | undefined {
  const units = context.policy.phenotype.units ?? {};
  const key = Object.keys(units).find((k) => [column.toLowerCase(), quantity.id].includes(k.toLowerCase()));
  return key === undefined ? undefined : unitNamed(quantity, units[key])?.id;
}

function valuesOf(profile: TableProfile, index: number): [string, number][] {
  return [...profile.columns[index].values];
}

type ListedUnits = { column: string; columnIndex: number; quantity: string; kind: 'values' | 'unitsColumn'; units: Record<string, number>; expectedUnit: string | null };

export type PhenotypeUnitsMixedMessages = {
  clusters: {
    column: string; columnIndex: number; quantity: string; kind: 'clusters';
    clusters: { unit: string; count: number; centre: number; low: number; high: number }[];
    ashmanD: number; minAshmanD: number; centreRatio: number; maxCentreRatio: number; splitAt: number; expectedUnit: string | null;
  };
  values: ListedUnits;
  unitsColumn: ListedUnits;
};

export const phenotypeUnitsMixed: DatasetRule<PhenotypeUnitsMixedMessages> = {
  id: 'phenotype-units-mixed',
  defaultSeverity: 'warning',
  description: 'A quantity recorded in more than one unit: two value clusters one unit ratio apart and each plausible in its unit (cm/in, kg/lb, mg/dL and mmol/L, % and mmol/mol, °C/°F), values written with different units, or a units column with more than one.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    clusters: 'Values of a quantity in clusters that suggest several units.',
    values: 'Several units written in the values themselves.',
    unitsColumn: 'Several units in the column\'s units column.',
  },
  check(context) {
    const state = consistencyState(context);
    const findings: RawFindingOf<PhenotypeUnitsMixedMessages>[] = [];
    const withUnits = unitsColumns(context.table.header);
    // A column whose units are recorded beside it may hold two clusters by design: the
    // units column is what is reported.
    const explained = new Set(withUnits.map(({ valuesIndex }) => valuesIndex));
    for (const tally of state?.columns ?? []) {
      if (!tally?.quantity || explained.has(tally.index)) continue;
      const quantity = tally.quantity.quantity;
      const declared = declaredFor(context, quantity, tally.name);
      const inValues = tally.unitsInValues.size > 0 ? listedFinding(context, tally.index, quantity, tally.unitsInValues, 'values', declared) : undefined;
      const found = inValues ?? clusterFinding(context, tally);
      if (found) findings.push(found);
    }
    for (const { index, quantity, valuesIndex } of withUnits) {
      const declared = declaredFor(context, quantity, context.table.header[index]) ?? declaredFor(context, quantity, context.table.header[valuesIndex] ?? '');
      const found = listedFinding(context, index, quantity, unitCounts(quantity, valuesOf(context.profile, index)), 'units column', declared);
      if (found) findings.push(found);
    }
    return findings;
  },
};
