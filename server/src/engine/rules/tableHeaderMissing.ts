// table-header-missing: the first row is data, not column names (headerLooksLikeData.ts).
// Every rule that goes by column names is withheld on such a file (lintDataset.ts analyse):
// their findings would name columns by a row's values and report as missing what is only
// unnamed. This one finding says why, and what to do.
import { count } from '../format';
import type { DatasetRule, RawFindingOf } from './rule';

/**
 * PLINK 1 sample files have no header row by specification: a `.fam` is six columns (family
 * id, individual id, father, mother, sex, phenotype), a `.ped` the same six then two allele
 * columns per variant [PLINK .fam format, docs/rules/table-header-missing.md]. Adding a header
 * would break them for PLINK, so the advice is a copy with a header, or PLINK 2's `.psam`.
 */
function plinkSampleFile(path: string, columns: number): 'fam' | 'ped' | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.fam') && columns === 6) return 'fam';
  if (lower.endsWith('.ped') && columns >= 6 && columns % 2 === 0) return 'ped';
  return undefined;
}

const PLINK_ADVICE = (kind: 'fam' | 'ped') =>
  `A PLINK .${kind} file has no header row by its format: its ${kind === 'fam' ? 'six columns are' : 'first six columns are'} family id, individual id, father, mother, ` +
  'sex (1 male, 2 female, 0 unknown) and phenotype (1 control, 2 case, -9 or 0 missing)' + (kind === 'ped' ? ', then two allele columns per variant' : '') + '. ' +
  'Do not add a header to the file PLINK reads; to lint its sex and phenotype, lint a copy with the header line ' +
  '"FID IID PAT MAT SEX PHENOTYPE", or the PLINK 2 .psam written from it (plink2 --make-pgen), whose "#FID IID ..." line names the columns.';

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
  check({ path, table, profile, headerAsData: seen }) {
    if (!seen || !table.headerRow) return [];
    const plink = plinkSampleFile(path, table.header.length);
    const range = table.lines.range(table.headerRow.start, table.headerRow.end);
    const finding: RawFindingOf<TableHeaderMissingMessages> = {
      messageId: 'headerless',
      range,
      message: `No header row${plink ? ` (a PLINK .${plink} has none by its format)` : ''}: the first row looks like data (${seen.seenBelow + seen.numbers} of its ${seen.cells} cells are values of their columns)`,
      detail:
        `${count(seen.seenBelow)} of the first row's ${count(seen.cells)} cells also appear as values in the ${count(profile.rowCount)} rows below, in the same column` +
        (seen.numbers > 0 ? `, and ${count(seen.numbers)} ${seen.numbers === 1 ? 'is a number over a column' : 'are numbers over columns'} of numbers` : '') + '. ' +
        'Read as a header, that row would name every column by a value and would not be counted, so the checks that go by column names ' +
        '(ancestry, phenotypes, consent, privacy, outcomes) are not run on this file. ' +
        (plink ? PLINK_ADVICE(plink) : 'Add a header row with the column names (UCI repository files list them in the dataset\'s .names file), then lint again.'),
      data: { ...seen, rows: profile.rowCount },
    };
    return [finding];
  },
};
