import { lines, ruleTester } from './harness';

ruleTester('table-rows-not-participants', {
  valid: [
    { name: 'every row holds more than its id', text: lines('id,race,age', '1,White,30', '2,,41', '3,Asian,') },
  ],
  invalid: [
    {
      name: 'rows holding only an id: reported once, at the first, naming no id',
      text: lines('id,race,age', '1,White,30', '2,,', '3,Asian,40', '4,,', '5,Black,50'),
      findings: [{ messageId: 'idOnly', range: [2, 0, 2, 3], data: { kind: 'id-only', rows: 2, column: 'id', line: 3 } }],
    },
  ],
});
