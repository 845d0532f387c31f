import { lines, ruleTester } from './harness';

ruleTester('table-spreadsheet-errors', {
  valid: [
    { name: 'numbers and an ordinary missing marker', text: lines('id,race,age', '1,White,30', '2,Asian,NA', '3,Black,51') },
  ],
  invalid: [
    {
      name: 'two error values in one column: one finding at the column, with each error counted',
      text: lines('id,race,age', '1,White,30', '2,Asian,#REF!', '3,Black,#DIV/0!', '4,White,44'),
      findings: [{ messageId: 'errors', range: [0, 8, 0, 11], data: { column: 'age', cells: 2, rows: 4, share: 0.5, errors: { '#DIV/0!': 1, '#REF!': 1 } } }],
    },
  ],
});
