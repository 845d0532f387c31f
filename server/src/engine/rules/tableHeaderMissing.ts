// table-header-missing: the first row is data, not column names (headerLooksLikeData.ts).
// Every rule that goes by column names is withheld on such a file (lintDataset.ts analyse):
// their findings would name columns by a row's values and report as missing what is only
// unnamed. This one finding says why, and what to do.
import { count } from '../format';
import type { DatasetRule, RawFindingOf } from './rule';

export type TableHeaderMissingMessages = {
  headerless: { cells: number; seenBelow: number; numbers: number; rows: number };
};

export const tableHeaderMissing: DatasetRule<TableHeaderMissingMessages> = {
  id: 'table-header-missing',
  defaultSeverity: 'warning',
  description: 'The first row is data, not column names: the file has no header row, so no check that goes by column names can run.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    headerless: 'A first row whose cells are values of their columns (or numbers over numeric columns), not names.',
  },
  check({ table, profile, headerAsData: seen }) {
    if (!seen || !table.headerRow) return [];
    const range = table.lines.range(table.headerRow.start, table.headerRow.end);
    const finding: RawFindingOf<TableHeaderMissingMessages> = {
      messageId: 'headerless',
      range,
      message: `No header row: the first row looks like data (${seen.seenBelow + seen.numbers} of its ${seen.cells} cells are values of their columns)`,
      detail:
        `${count(seen.seenBelow)} of the first row's ${count(seen.cells)} cells also appear as values in the ${count(profile.rowCount)} rows below, in the same column` +
        (seen.numbers > 0 ? `, and ${count(seen.numbers)} ${seen.numbers === 1 ? 'is a number over a column' : 'are numbers over columns'} of numbers` : '') + '. ' +
        'Read as a header, that row would name every column by a value and would not be counted, so the checks that go by column names ' +
        '(ancestry, phenotypes, consent, privacy, outcomes) are not run on this file. ' +
        'Add a header row with the column names (UCI repository files list them in the dataset\'s .names file), then lint again.',
      data: { ...seen, rows: profile.rowCount },
    };
    return [finding];
  },
};
