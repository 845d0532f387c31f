import { SYNPUF_PERSON } from '../delimiterFixtures';
import { lines, ruleTester } from './harness';

// The first rows of UCI's adult.data (no header row; its names are in adult.names). Of the
// first row's 9 cells, 7 are values below (39, State-gov, Bachelors, 13, White, Male, <=50K),
// 77516 is a number over numbers, Never-married is in no other row.
const ADULT = lines(
  '39, State-gov, 77516, Bachelors, 13, Never-married, White, Male, <=50K',
  '50, Self-emp-not-inc, 83311, Bachelors, 13, Married-civ-spouse, White, Male, <=50K',
  '38, Private, 215646, HS-grad, 9, Divorced, White, Male, <=50K',
  '53, Private, 234721, 11th, 7, Married-civ-spouse, Black, Male, <=50K',
  '28, Private, 338409, Bachelors, 13, Married-civ-spouse, Black, Female, <=50K',
  '37, State-gov, 284582, Masters, 14, Married-civ-spouse, White, Female, <=50K',
  '39, Private, 160187, 9th, 5, Married-spouse-absent, Black, Female, <=50K',
);
// processed.cleveland.data of the UCI heart-disease set: numbers only, no header row.
const HEART = lines('63.0,1.0,1.0,145.0,233.0', '67.0,1.0,4.0,160.0,286.0', '67.0,1.0,4.0,120.0,229.0', '37.0,1.0,3.0,130.0,250.0');

ruleTester('table-header-missing', {
  valid: [
    { name: 'a header of names', text: lines('id,race,sex,age', '1,White,Male,39', '2,Black,Female,50', '3,White,Female,38') },
    { name: 'a header of years beside a name column: the name is no value', text: lines('country,2019,2020,2021', 'FR,1.5,1.7,1.9', 'DE,2.1,2.2,2.0', 'IT,0.9,1.1,1.3') },
    { name: 'one name that is also a value of its column is not enough', text: lines('id,status,age', '1,status,30', '2,active,41', '3,active,52') },
    { name: 'two columns are too few to tell', text: lines('1,2', '3,4', '5,6') },
  ],
  invalid: [
    {
      name: 'adult.data: words and numbers of the first row are values of their columns',
      text: ADULT,
      findings: [{ messageId: 'headerless', range: [0, 0, 0, 70], severity: 'warning', data: { cells: 9, seenBelow: 7, numbers: 1, rows: 6 } }],
    },
    {
      name: 'SynPUF\'s PERSON table: no header, tab-separated, named .csv',
      path: 'person.csv',
      text: SYNPUF_PERSON,
      findings: [{ messageId: 'headerless', range: [0, 0, 0, 42], data: { cells: 5, rows: 5 } }],
    },
    {
      name: 'numbers only, over columns of numbers',
      text: HEART,
      findings: [{ messageId: 'headerless', range: [0, 0, 0, 24], data: { cells: 5, seenBelow: 1, numbers: 4, rows: 3 } }],
    },
  ],
});
