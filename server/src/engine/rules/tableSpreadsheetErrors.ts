// table-spreadsheet-errors: cells holding a spreadsheet's error values (#REF!, #DIV/0!, ...)
// that a CSV export kept. They are counted as missing everywhere (spreadsheetErrors.ts), but
// unlike a blank they mean the export broke, so each column that has them is reported.
import { count, percent } from '../format';
import { isSpreadsheetError } from '../spreadsheetErrors';
import type { DatasetRule, RawFinding } from './rule';

export const tableSpreadsheetErrors: DatasetRule = {
  id: 'table-spreadsheet-errors',
  defaultSeverity: 'warning',
  description: 'Cells holding spreadsheet error values (#REF!, #N/A, #VALUE!, #DIV/0!, #NAME?): a formula failed before the export; counted as missing.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    errors: 'A column holding spreadsheet error values (#REF!, #N/A, ...).',
  },
  check({ profile, headerCell }) {
    const findings: RawFinding[] = [];
    for (const column of profile.columns) {
      // Most columns have no missing cell, or only blanks: nothing to look at.
      if (column.missingByMarker.size === 0 || (column.missingByMarker.size === 1 && column.missingByMarker.has('(empty)'))) continue;
      const errors = [...column.missingByMarker].filter(([marker]) => isSpreadsheetError(marker)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      if (errors.length === 0) continue;
      const cells = errors.reduce((n, [, c]) => n + c, 0);
      findings.push({
        messageId: 'errors',
        range: headerCell(column.index),
        message:
          `${count(cells)} ${cells === 1 ? 'cell' : 'cells'} of "${column.name}" (${percent(cells / profile.rowCount)}) ${cells === 1 ? 'holds a spreadsheet error value' : 'hold spreadsheet error values'}: ` +
          `${errors.slice(0, 3).map(([m]) => m).join(', ')}${errors.length > 3 ? ', ...' : ''}`,
        detail:
          `${count(cells)} of ${count(profile.rowCount)} cells in column "${column.name}" (${percent(cells / profile.rowCount)}) hold spreadsheet error values: ` +
          `${errors.map(([m, n]) => `${m} ${count(n)}`).join(', ')}. A formula failed before the sheet was saved as text, so these values are lost; ` +
          'they are counted as missing. Fix the formulas in the source workbook and export again.',
        data: { column: column.name, columnIndex: column.index, cells, rows: profile.rowCount, share: cells / profile.rowCount, errors: Object.fromEntries(errors) },
      });
    }
    return findings;
  },
};
