// Tables named .csv that are not comma-separated, built from the published formats: the
// sniffing tests and the rule tests read them. No test lives here.

/** The first rows of the Kaggle German credit file (german_credit_data.csv): an unnamed index column, then ten. */
export const GERMAN_SEMICOLON = [
  ';Age;Sex;Job;Housing;Saving accounts;Checking account;Credit amount;Duration;Purpose;Risk',
  '0;67;male;2;own;NA;little;1169;6;radio/TV;good',
  '1;22;female;2;own;little;moderate;5951;48;radio/TV;bad',
  '2;49;male;1;own;little;NA;2096;12;education;good',
  '3;45;male;2;free;little;little;7882;42;furniture/equipment;good',
  '4;53;male;2;free;little;little;4870;24;car;bad',
].join('\n') + '\n';

/** The OMOP CDM v5.3 PERSON table's 18 columns, as ATLAS exports it: tab-separated, named .csv. */
export const OMOP_PERSON_COLUMNS = [
  'person_id', 'gender_concept_id', 'year_of_birth', 'month_of_birth', 'day_of_birth', 'birth_datetime', 'race_concept_id', 'ethnicity_concept_id',
  'location_id', 'provider_id', 'care_site_id', 'person_source_value', 'gender_source_value', 'gender_source_concept_id', 'race_source_value',
  'race_source_concept_id', 'ethnicity_source_value', 'ethnicity_source_concept_id',
];
export const OMOP_PERSON_TABS = [
  OMOP_PERSON_COLUMNS.join('\t'),
  '1\t8507\t1960\t9\t24\t1960-09-24 00:00:00\t8527\t38003564\t\t\t\tp1\tM\t0\twhite\t0\tnot hispanic\t0',
  '2\t8532\t1971\t10\t8\t1971-10-08 00:00:00\t8516\t38003564\t\t\t\tp2\tF\t0\tblack\t0\tnot hispanic\t0',
  '3\t8532\t1985\t1\t2\t1985-01-02 00:00:00\t8515\t38003563\t\t\t\tp3\tF\t0\tasian\t0\thispanic\t0',
].join('\n') + '\n';

/** SynPUF's PERSON table as distributed: no header, 18 tab-separated fields (a trailing tab), CRLF. */
export const SYNPUF_PERSON = [
  '1\t8507\t1943\t\t\t\t38003599\t38003563\t\t\t\t\t\t\t\t\t\t',
  '2\t8532\t1924\t\t\t\t38003613\t38003564\t\t\t\t\t\t\t\t\t\t',
  '3\t8532\t1943\t\t\t\t38003599\t38003563\t\t\t\t\t\t\t\t\t\t',
  '4\t8507\t1936\t\t\t\t38003599\t38003564\t\t\t\t\t\t\t\t\t\t',
  '5\t8532\t1943\t\t\t\t38003613\t38003564\t\t\t\t\t\t\t\t\t\t',
  '6\t8507\t1924\t\t\t\t38003599\t38003563\t\t\t\t\t\t\t\t\t\t',
].join('\r\n') + '\r\n';
