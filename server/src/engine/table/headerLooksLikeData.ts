// A file without a header row: its first row is data (UCI's adult.data, german.data and the
// heart-disease files, the usual fairness benchmarks, ship their column names in a separate
// .names file). Read as a header, that row names every column by a value, so nothing that
// goes by column names (ancestry, phenotype, consent, privacy) can be right, and a name may
// be a participant's own value. Decided from the profile, so a streamed file is judged alike:
// a header cell "looks like data" when it is one of its column's values below it, or a number
// over a column of numbers. Column names are seldom values of their own column, and a table
// whose names are years ("country,2019,2020") still has a name that is not a value.
import type { TableProfile } from '../profile/profile';

const NUMBER = /^\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\s*$/;
/** Distinct values of a column looked at to call it numeric. */
const NUMERIC_SAMPLE = 200;

export interface HeaderAsData {
  /** Non-empty header cells. */
  cells: number;
  /** Of them: a value of their own column. */
  seenBelow: number;
  /** Of them: a number over a column of numbers (and not a value below). */
  numbers: number;
}

function numericColumn(values: Map<string, number>): boolean {
  let looked = 0;
  let numeric = 0;
  for (const value of values.keys()) {
    if (looked++ >= NUMERIC_SAMPLE) break;
    if (NUMBER.test(value)) numeric++;
  }
  return looked > 0 && numeric >= 0.9 * Math.min(looked, NUMERIC_SAMPLE);
}

/** How the header reads as data, when it does (undefined for a header of names). */
export function headerLooksLikeData(header: readonly string[], profile: TableProfile): HeaderAsData | undefined {
  let cells = 0;
  let seenBelow = 0;
  let numbers = 0;
  let wordsSeenBelow = 0;
  header.forEach((name, index) => {
    if (name.trim() === '') return;
    cells++;
    const column = profile.columns[index];
    if (!column) return;
    const isNumber = NUMBER.test(name);
    if (column.values.has(name)) {
      seenBelow++;
      if (!isNumber) wordsSeenBelow++;
    } else if (isNumber && numericColumn(column.values)) numbers++;
  });
  const dataLike = seenBelow + numbers;
  // Three cells at least; half of them data; and either a word that is a value below it or
  // every cell a number (a header of years beside a name column stays a header).
  if (cells < 3 || profile.rowCount < 2 || dataLike * 2 < cells || (wordsSeenBelow === 0 && dataLike < cells)) return undefined;
  return { cells, seenBelow, numbers };
}
