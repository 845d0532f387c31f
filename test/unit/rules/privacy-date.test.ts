import { lines, people, ruleTester } from './harness';

const PSEUDONYM = lines('privacy:', '  pseudonym: participant_id');

ruleTester('privacy-date', {
  valid: [
    { name: 'birth years alone', text: people('birth_year', ['1950', '1951', '1952']) },
    { name: 'no age over 89', text: people('age', ['40', '89', '60']) },
    { name: 'one 90+ band (the UCI file\'s [90-100))', text: people('age', ['[70-80)', '[80-90)', '[90-100)']) },
    { name: 'a table not about people (no sex, age or person id)', text: lines('site,city,opened', 'S1,Boston,2001-01-10', 'S2,Boston,2001-01-11') },
  ],
  invalid: [
    {
      name: 'full birth dates: keep the year, or move the column out',
      text: people('birth_date', ['1950-01-10', '1951-02-11', '1952-03-12']),
      policy: PSEUDONYM,
      findings: [{
        messageId: 'date',
        range: [0, 19, 0, 29],
        data: { category: 'birth-date', item: 'C', kind: 'date', fullDates: 3, nonEmpty: 3 },
        fixes: [
          { title: 'Keep only the year of 3 cells in "birth_date"', output: people('birth_date', ['1950', '1951', '1952']) },
          {
            title: 'Move 1 identifier column (birth_date) to data.identifiers.csv, keyed by the pseudonym participant_id',
            output: lines('participant_id,sex', 'P0,M', 'P1,F', 'P2,M'),
            files: { 'data.identifiers.csv': lines('participant_id,birth_date', 'P0,1950-01-10', 'P1,1951-02-11', 'P2,1952-03-12') },
          },
        ],
      }],
    },
    {
      name: 'an age over 89: aggregated to 90+',
      text: people('age', ['88', '89', '90']),
      findings: [{
        messageId: 'age',
        range: [0, 19, 0, 22],
        data: { category: 'age-over-89', kind: 'age', agesOver89: 1, bandsOver89: 0, nonEmpty: 3 },
        fixes: [{ title: 'Aggregate 1 cell over 89 in "age" to 90+', output: people('age', ['88', '89', '90+']) }],
      }],
    },
    {
      name: 'bands above 89 narrower than one 90+ category',
      text: people('age', ['[80-90)', '[90-95)', '[95-100)']),
      findings: [{ messageId: 'age', range: [0, 19, 0, 22], data: { kind: 'age', bandsOver89: 2, bandRowsOver89: 2 } }],
    },
  ],
});
