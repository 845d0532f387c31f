// The dataset rule (a column for each required concept) and the Table Schema rule of the
// same id (a field for each) share this file: one rule id, one tester.
import { GERMAN_SEMICOLON } from '../delimiterFixtures';
import { lines, ruleTester } from './harness';

const CRLF = 'Id,GENDER,BIRTHDATE,RACE\r\nA1,F,1990-01-01,white\r\n"A,2",M,1985-02-02,"black\r\nor african"\r\nA3,F\r\n';
/** Rows of `id,sex,age,<header>` with the given values in turn. */
const headerRange = (header: string): [number, number, number, number] => [0, 0, 0, `id,sex,age,${header}`.length];
/** Rows of `id,<header>,age,diagnosis`: a sex flag in place of a sex column. */
const sexFlag = (header: string, values: string[]) => lines(`id,${header},age,diagnosis`, ...Array.from({ length: 12 }, (_, i) => `${i + 1},${values[i % values.length]},${30 + i},E11`));
const withColumn = (header: string, values: string[]) => lines(`id,sex,age,${header}`, ...Array.from({ length: 12 }, (_, i) => `${i + 1},F,${30 + i},${values[i % values.length]}`));

ruleTester('phenotype-field-missing', {
  valid: [
    { name: 'sex, age and diagnosis present under synonyms', text: lines('id,gender,age_at_visit,icd10', '1,F,30,E11.9') },
    { name: 'an empty required list requires nothing', text: lines('id,race', '1,White'), policy: lines('phenotype:', '  required: []') },
    {
      name: 'a Table Schema declaring the three concepts',
      path: 'cohort.schema.json',
      text: JSON.stringify({ fields: [{ name: 'id' }, { name: 'sex' }, { name: 'age' }, { name: 'diagnosis' }] }),
    },
    { name: 'a disease column by its name, whatever its values (stroke dataset heart_disease)', text: withColumn('heart_disease', ['0', '1']) },
    { name: 'disease_* and *_disorder names', text: withColumn('chronic_kidney_disorder', ['yes', 'no']) },
    { name: 'a condition name whose values are Yes/No (NHANES Diabetes)', text: withColumn('Diabetes', ['No', 'Yes', 'No']) },
    { name: 'a condition name whose values are 0/1 (hypertension, stroke)', text: withColumn('hypertension', ['0', '1', '0']) },
    { name: 'a condition name with a missing marker among its 0/1 values', text: withColumn('has_asthma', ['0', '1', 'NA']) },
    { name: 'a one-sex flag of 0/1 is the sex column (Kaggle Framingham male)', text: sexFlag('male', ['1', '0', '0']) },
    { name: 'a one-sex flag under a prefix (Obermeyer et al. dem_female)', text: sexFlag('dem_female', ['0', '1']) },
    { name: 'sex labels under a one-sex header (a Framingham copy: Male of Male/Female)', text: sexFlag('Male', ['Male', 'Female']) },
  ],
  invalid: [
    {
      name: 'diagnosis missing (CRLF, a quoted break, a short row): the fix adds DIAGNOSIS in the header\'s style and pads every row',
      text: CRLF,
      findings: [{
        messageId: 'missingColumn',
        range: [0, 0, 0, 24],
        data: { requirement: 'diagnosis', kind: 'concept', newColumn: 'diagnosis', columns: 4, fromPolicy: false },
        fixes: [{
          title: 'Add column "DIAGNOSIS" to the header, empty in all 3 rows',
          output: 'Id,GENDER,BIRTHDATE,RACE,DIAGNOSIS\r\nA1,F,1990-01-01,white,\r\n"A,2",M,1985-02-02,"black\r\nor african",\r\nA3,F,,,\r\n',
        }],
      }],
    },
    {
      name: 'German credit named .csv but semicolon-separated: Sex and Age are found, only diagnosis is missing; the fix adds it with semicolons',
      path: 'german_credit_data.csv',
      text: GERMAN_SEMICOLON,
      findings: [{
        messageId: 'missingColumn',
        range: [0, 0, 0, 89],
        data: { requirement: 'diagnosis', columns: 11 },
        fixes: [{ output: GERMAN_SEMICOLON.split('\n').map((line, i) => (line === '' ? line : i === 0 ? `${line};diagnosis` : `${line};`)).join('\n') }],
      }],
    },
    {
      name: 'a ragged header (trailing tabs): the new name goes after the empty fields, as the consent column does, so no row shifts',
      path: 'data.tsv',
      text: 'id\tsex\tage\trace\t\t\n1\tF\t3\tWhite\t\t\n',
      findings: [{
        messageId: 'missingColumn',
        range: [0, 0, 0, 17],
        data: { requirement: 'diagnosis' },
        fixes: [{ output: 'id\tsex\tage\trace\t\t\tdiagnosis\n1\tF\t3\tWhite\t\t\t\n' }],
      }],
    },
    {
      name: 'a condition name whose values are not yes/no is not taken for the diagnosis (a glucose-like number)',
      text: withColumn('diabetes', ['5.4', '7.9', '6.1']),
      findings: [{ messageId: 'missingColumn', range: headerRange('diabetes'), data: { requirement: 'diagnosis', candidates: [] } }],
    },
    {
      name: 'a one-sex header counting people (not a flag) is not the sex column',
      text: sexFlag('male', ['12', '40', '7']),
      findings: [{ messageId: 'missingColumn', range: [0, 0, 0, 21], data: { requirement: 'sex' } }],
    },
    {
      name: 'a family history of a disease is not the person\'s diagnosis',
      text: withColumn('family_history_heart_disease', ['0', '1']),
      findings: [{ messageId: 'missingColumn', range: headerRange('family_history_heart_disease'), data: { requirement: 'diagnosis', candidates: [] } }],
    },
    {
      name: 'an Outcome column of 0/1 (Pima) may be the diagnosis: named as a candidate, still reported',
      text: withColumn('Outcome', ['1', '0', '1']),
      findings: [{ messageId: 'missingColumn', range: headerRange('Outcome'), data: { requirement: 'diagnosis', candidates: ['Outcome'] } }],
    },
    {
      name: 'a column the policy requires by name',
      text: lines('id,sex,age,diagnosis', '1,F,3,x'),
      policy: lines('phenotype:', '  required: [sex, smoking_status]'),
      findings: [{ messageId: 'missingColumn', range: [0, 0, 0, 20], data: { requirement: 'smoking_status', kind: 'column', fromPolicy: true }, fixes: [{ output: lines('id,sex,age,diagnosis,smoking_status', '1,F,3,x,') }] }],
    },
    {
      name: 'the 1000 Genomes panel shape (ragged header, short rows): rows padded to the new width',
      path: 'x.tsv',
      text: 'sample\tpop\tgender\tage\t\t\nS1\tGBR\tmale\t30\n',
      findings: [{ messageId: 'missingColumn', range: [0, 0, 0, 23], data: { requirement: 'diagnosis' }, fixes: [{ output: 'sample\tpop\tgender\tage\t\t\tdiagnosis\nS1\tGBR\tmale\t30\t\t\t\n' }] }],
    },
  ],
});
