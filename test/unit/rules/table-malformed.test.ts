import { lines, ruleTester } from './harness';

ruleTester('table-malformed', {
  valid: [
    { name: 'empty header fields followed by a column, as the add-column fixes leave a ragged header', path: 'data.tsv', text: 'id\trace\t\t\tconsent\n1\tWhite\t\t\t\n' },
    { name: 'a header and rows of the same width, quoted delimiters and breaks included', text: lines('id,note', '1,"a, b"', '2,"two', 'lines"') },
  ],
  invalid: [
    {
      name: 'a row wider than the header, then an unclosed quote',
      text: lines('id,race', '1,White', '2,Asian,extra', '3,"unclosed'),
      findings: [
        { messageId: 'field-count', range: [2, 0, 2, 13], data: { kind: 'field-count', line: 3, expected: 2, actual: 3 }, fixes: [] },
        { messageId: 'unclosed-quote', range: [3, 0, 3, 11], data: { kind: 'unclosed-quote', line: 4 } },
      ],
    },
    { name: 'an empty file', text: '', findings: [{ messageId: 'empty', range: [0, 0, 0, 0], data: { kind: 'empty', line: 1 } }] },
  ],
});
