// Values of a recognised quantity (age, height, weight, BMI, temperature, glucose, HbA1c,
// blood pressure, heart rate) outside the range plausible for it, counted, with the range
// and its source. Bands (`[70-80)`) are categories, not values, and are not checked.
import { count, percent } from '../../format';
import { expectedUnit, SHOWN_SHARE, shownUnit } from '../../phenotype/declaredUnit';
import type { ColumnTally } from '../../phenotype/consistencyScan';
import type { UnitSpec } from '../../phenotype/quantities';
import type { DatasetRule, RawFindingOf } from '../rule';
import { firstFitting } from '../verdictFit';
import { consistencyState } from './consistency';

/** A measured or converted value in a message, to 3 significant figures (`7.87`, `98.4`). */
export function sig(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/** `20–250 cm`, with ranges converted from another unit rounded to 3 significant figures. */
export function rangeText(unit: UnitSpec): string {
  return `${sig(unit.low)}–${sig(unit.high)} ${unit.id}`;
}

function linesText(lines: number[], total: number): string {
  const shown = lines.slice(0, 5).map((l) => l + 1).join(', ');
  return total > 5 ? `lines ${shown}, ...` : `line${total === 1 ? '' : 's'} ${shown}`;
}

/**
 * The units whose ranges apply: the expected one, else the one the values show (ages in
 * days), else every unit a column may be in unstated (a value plausible in any is kept).
 */
function rangesFor(tally: ColumnTally, policyUnits: Record<string, string> | undefined): { key: string; units: UnitSpec[]; from: string } {
  const expected = expectedUnit(tally, policyUnits);
  if (expected) return { key: expected.unit.id, units: [expected.unit], from: expected.from === 'policy' ? 'phenotype.units' : 'the header' };
  const shown = shownUnit(tally);
  if (shown) return { key: shown.id, units: [shown], from: `the values (${percent(SHOWN_SHARE)} or more fit ${shown.id} and no other unit)` };
  const units = tally.quantity!.quantity.units.filter((u) => !u.whenShown);
  return { key: units.length === 1 ? units[0].id : '*', units, from: units.length === 1 ? 'the quantity' : 'no unit stated' };
}

type ImplausibleData = { column: string; columnIndex: number; quantity: string; implausible: number; below: number; above: number; zeros: number; values: number; share: number; ranges: { unit: string; low: number; high: number }[]; unitFrom: string; source: string; lines: number[]; bands: number };

export type PhenotypeImplausibleMessages = {
  implausible: ImplausibleData;
  /** Every implausible value is exactly 0: a missing code (the Pima diabetes file's). */
  zeroAsMissing: ImplausibleData;
};

export const phenotypeImplausible: DatasetRule<PhenotypeImplausibleMessages> = {
  id: 'phenotype-implausible',
  defaultSeverity: 'warning',
  description: 'Values of a recognised quantity (age, height, weight, BMI, temperature, glucose, HbA1c, blood pressure, heart rate) outside its plausible range (OHDSI DQD thresholds), counted.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    implausible: 'Values outside the plausible range for the quantity.',
    zeroAsMissing: 'Values outside the plausible range, all exactly 0: 0 reads as a missing code.',
  },
  check(context) {
    const state = consistencyState(context);
    if (!state) return [];
    const findings: RawFindingOf<PhenotypeImplausibleMessages>[] = [];
    for (const tally of state.columns) {
      if (!tally?.quantity || tally.numbers === 0) continue;
      const { key, units, from } = rangesFor(tally, context.policy.phenotype.units);
      const outside = tally.outside.get(key);
      const n = outside ? outside.below + outside.above : 0;
      if (!outside || n === 0) continue;
      const quantity = tally.quantity.quantity;
      const ranges = units.map(rangeText).join(' or ');
      const data: ImplausibleData = {
        column: tally.name, columnIndex: tally.index, quantity: quantity.id, implausible: n, below: outside.below, above: outside.above, zeros: outside.zeros, values: tally.numbers,
        share: n / tally.numbers, ranges: units.map((u) => ({ unit: u.id, low: u.low, high: u.high })), unitFrom: from, source: quantity.source,
        lines: outside.lines.map((l) => l + 1), bands: tally.bands,
      };
      const share = `${count(n)} of ${count(tally.numbers)}`;
      // Every implausible value exactly 0 (none below 0, none above the range): a missing
      // code written as a number, not a measurement error.
      if (outside.zeros === n) {
        findings.push({
          messageId: 'zeroAsMissing',
          range: context.headerCell(tally.index),
          message: firstFitting(
            `${share} "${tally.name}" values (${percent(n / tally.numbers)}) are 0, implausible for ${quantity.id}: 0 looks like a missing code`,
            `${share} "${tally.name}" values are 0: 0 looks like a missing code`,
          ),
          detail:
            `${share} values of "${tally.name}" (${percent(n / tally.numbers)}) are 0, outside ${ranges} for ${quantity.id} (${quantity.source}; unit from ${from}), ` +
            `and every implausible value is 0: ${linesText(outside.lines, n)}. 0 is no measurement of ${quantity.id}, so it most likely stands for a missing value. ` +
            'It is not counted as missing (phenotype-values-missing) unless declared: add "0" to the field\'s missingValues in a Table Schema, or write the cells empty. ' +
            'A model trained on the zeros learns the missing code as a value.',
          data,
        });
        continue;
      }
      findings.push({
        messageId: 'implausible',
        range: context.headerCell(tally.index),
        message: firstFitting(
          `${share} "${tally.name}" values (${percent(n / tally.numbers)}) implausible for ${quantity.id}: outside ${ranges}`,
          `${share} "${tally.name}" values (${percent(n / tally.numbers)}) implausible for ${quantity.id}`,
        ),
        detail:
          `${share} values of "${tally.name}" (${percent(n / tally.numbers)}) are not plausible for ${quantity.id}: ` +
          `outside ${ranges} (${quantity.source}; unit from ${from}). ${count(outside.below)} below, ${count(outside.above)} above; ${linesText(outside.lines, n)}.`,
        data,
      });
    }
    return findings;
  },
};
