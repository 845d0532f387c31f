import { lines, ruleTester } from './harness';

ruleTester('ancestry-label-nonstandard', {
  valid: [
    { name: 'canonical labels, in another case or padded', text: lines('id,race', '1,White', '2,white', '3, Asian ') },
    { name: '1000 Genomes population codes roll up, not flagged', text: lines('id,population', '1,GBR', '2,YRI', '3,CHB') },
  ],
  invalid: [
    {
      name: 'Caucasian, quoted and bare, is rewritten as White in its column only',
      text: lines('note,race,other', '"Smith, J",Caucasian,Caucasian', 'plain,"Caucasian",x', 'b,White,y'),
      findings: [{
        messageId: 'synonym',
        range: [0, 5, 0, 9],
        data: { column: 'race', columnIndex: 1, value: 'Caucasian', canonical: 'White', count: 2, vocabulary: 'omb' },
        fixes: [{ title: 'Replace "Caucasian" with "White" in column "race" (2 cells)', output: lines('note,race,other', '"Smith, J",White,Caucasian', 'plain,White,x', 'b,White,y') }],
      }],
    },
    {
      name: 'CRLF and tab-separated text keep their breaks',
      path: 'data.tsv',
      text: 'id\trace\r\n1\tWhite\r\n2\tAfrican American\r\n',
      findings: [{
        messageId: 'synonym',
        range: [0, 3, 0, 7],
        data: { value: 'African American', canonical: 'Black or African American' },
        fixes: [{ output: 'id\trace\r\n1\tWhite\r\n2\tBlack or African American\r\n' }],
      }],
    },
  ],
});
