import { lines, ruleTester } from './harness';

ruleTester('table-header-duplicate', {
  valid: [
    { name: 'every column its own name', text: lines('id,score,age', '1,7,34') },
    { name: 'names that differ only in case are different names', text: lines('id,Score,score', '1,7,7') },
    { name: 'two unnamed columns are not a repeated name', text: lines('id,,,age', '1,a,b,34') },
  ],
  invalid: [
    {
      name: 'a copy: the repeat holds the first column\'s values in every row',
      text: lines('id,score,age,score', '1,7,34,7', '2,3,51,3'),
      findings: [{ messageId: 'duplicate', range: [0, 13, 0, 18], severity: 'warning', data: { column: 'score', columnIndices: [1, 3], rows: 2, differingRows: 0 } }],
    },
    {
      name: 'three columns under one name, one of them different in one row; a padded name is the same name',
      text: lines('id,dose,dose ,dose', '1,5,5,5', '2,5,5,10', '3,1,1,1'),
      findings: [{ messageId: 'duplicate', range: [0, 8, 0, 13], data: { column: 'dose', columnIndices: [1, 2, 3], rows: 3, differingRows: 1 } }],
    },
    {
      name: 'two repeated names, each its own finding',
      text: lines('a,b,a,b', '1,2,1,3'),
      findings: [
        { messageId: 'duplicate', range: [0, 4, 0, 5], data: { column: 'a', differingRows: 0 } },
        { messageId: 'duplicate', range: [0, 6, 0, 7], data: { column: 'b', differingRows: 1 } },
      ],
    },
  ],
});
