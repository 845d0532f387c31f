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
      // MIMIC-III tables re-saved by a spreadsheet: month/day/year with a clock time.
      name: 'US dates with a time, as spreadsheets write them: the four-digit year is kept',
      text: people('admittime', ['10/19/1958 00:00', '3/5/1994 13:30', '12/1/2001 1:30 PM']),
      policy: PSEUDONYM,
      findings: [{
        messageId: 'date',
        range: [0, 19, 0, 28],
        data: { kind: 'date', fullDates: 3, nonEmpty: 3 },
        fixes: [
          { title: 'Keep only the year of 3 cells in "admittime"', output: people('admittime', ['1958', '1994', '2001']) },
          {
            title: 'Move 1 identifier column (admittime) to data.identifiers.csv, keyed by the pseudonym participant_id',
            output: lines('participant_id,sex', 'P0,M', 'P1,F', 'P2,M'),
            files: { 'data.identifiers.csv': lines('participant_id,admittime', 'P0,10/19/1958 00:00', 'P1,3/5/1994 13:30', 'P2,12/1/2001 1:30 PM') },
          },
        ],
      }],
    },
    {
      // Which century "94" is in is not written, so no year can be kept: only moving is offered.
      name: 'two-digit years with a time: full dates, but no year to keep',
      text: people('dob', ['3/5/94 0:00', '7/1/87 0:00', '11/30/65 0:00']),
      findings: [{ messageId: 'date', range: [0, 19, 0, 22], data: { category: 'birth-date', fullDates: 3 } }],
    },
    {
      // MIMIC-III shifts every patient's dates into 2100-2200 (MIMIC-CDM into 2500-3500).
      name: 'dates shifted a century ahead: information, no year to keep, moving out offered',
      text: people('intime', ['2101-10-20 19:10:11', '2191-03-16 00:29:31', '2202-02-01 08:00:00']),
      policy: PSEUDONYM,
      findings: [{
        messageId: 'dateShifted',
        range: [0, 19, 0, 25],
        severity: 'information',
        data: { kind: 'date', fullDates: 3, shiftedDates: 3, firstYear: 2101, lastYear: 2202 },
        fixes: [{
          title: 'Move 1 identifier column (intime) to data.identifiers.csv, keyed by the pseudonym participant_id',
          output: lines('participant_id,sex', 'P0,M', 'P1,F', 'P2,M'),
          files: { 'data.identifiers.csv': lines('participant_id,intime', 'P0,2101-10-20 19:10:11', 'P1,2191-03-16 00:29:31', 'P2,2202-02-01 08:00:00') },
        }],
      }],
    },
    {
      // UCI Adult (1994 CPS): 43 rows at 90, none above, none at 89: the pile-up of a cap.
      name: 'ages capped at 90 already (more at 90 than at 89, none above): information, relabel as 90+',
      text: people('age', ['85', '88', '89', '90', '90', '90']),
      findings: [{
        messageId: 'ageTopCoded',
        range: [0, 19, 0, 22],
        severity: 'information',
        data: { kind: 'age', agesOver89: 3, agesAt89: 1, agesAbove90: 0, nonEmpty: 6 },
        fixes: [{ title: 'Label 3 cells of 90 in "age" as 90+', output: people('age', ['85', '88', '89', '90+', '90+', '90+']) }],
      }],
    },
    {
      name: 'two at 90 and two at 89: not a pile-up, ages over 89 as usual',
      text: people('age', ['89', '89', '90', '90']),
      findings: [{ messageId: 'age', range: [0, 19, 0, 22], severity: 'warning', data: { kind: 'age', agesOver89: 2 } }],
    },
    {
      name: 'an age above 90 beside many at 90: not capped',
      text: people('age', ['90', '90', '90', '93']),
      findings: [{ messageId: 'age', range: [0, 19, 0, 22], severity: 'warning', data: { kind: 'age', agesOver89: 4 } }],
    },
    {
      name: 'bands above 89 narrower than one 90+ category',
      text: people('age', ['[80-90)', '[90-95)', '[95-100)']),
      findings: [{ messageId: 'age', range: [0, 19, 0, 22], data: { kind: 'age', bandsOver89: 2, bandRowsOver89: 2 } }],
    },
  ],
});
