// Error values a spreadsheet writes into a cell whose formula failed, kept when the sheet is
// saved as CSV: the export broke, the value is lost. They are missing in every column,
// whatever missing-value list is in force (nobody means #REF! as data), and
// table-spreadsheet-errors reports them on their own. The list is Excel's error values
// (LibreOffice and Google Sheets write the same ones); #N/A is also a pandas default marker.
export const SPREADSHEET_ERRORS: readonly string[] = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

const KEYS = new Set(SPREADSHEET_ERRORS.map((e) => e.toLowerCase()));

/** True for a missing marker (as the cell wrote it) that is a spreadsheet error value. */
export function isSpreadsheetError(marker: string): boolean {
  return KEYS.has(marker.trim().toLowerCase());
}
