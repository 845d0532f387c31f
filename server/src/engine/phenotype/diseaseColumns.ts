// Columns that answer the diagnosis concept by their values as well as their name: a
// column named for one condition (`Diabetes`, `hypertension`, `stroke`) whose values are
// yes/no or 0/1 records that diagnosis, present or absent, for every row. The name alone
// does not say so (`diabetes` may hold a glucose, `stroke` a stroke volume), the values
// alone neither (every flag is 0/1), so both must agree. A generic target name
// (`Outcome`, `target`, `label`, `class`) with 0/1 values may be the diagnosis or any
// other outcome: it is only named as a candidate, never taken for it.
//
// *Judgement*, documented in docs/rules/phenotype-field-missing.md: the condition names
// are common chronic and acute conditions as public clinical tables name their columns
// (the Kaggle stroke dataset's hypertension and stroke, NHANES's Diabetes, Framingham's
// diabetes and prevalentStroke, the UCI files' names).
import { labelKey } from '../ancestry/labelKey';
import type { ColumnProfile } from '../profile/profile';

const CONDITIONS = [
  'hypertension', 'htn', 'diabetes', 'diabetic', 'diabetesmellitus', 'dm', 't1d', 't2d', 't1dm', 't2dm',
  'stroke', 'asthma', 'copd', 'cancer', 'malignancy', 'tumou?r', 'leuka?emia', 'lymphoma', 'melanoma',
  'depression', 'anxiety', 'obesity', 'obese', 'dementia', 'alzheimers?', 'parkinsons?', 'epilepsy', 'schizophrenia', 'autism', 'adhd',
  'ckd', 'cad', 'chd', 'chf', 'afib', 'atrialfibrillation', 'heartfailure', 'heartattack', 'myocardialinfarction', 'angina',
  'arthritis', 'osteoporosis', 'hepatitis', 'cirrhosis', 'hiv', 'tuberculosis', 'sepsis', 'pneumonia', 'covid(19)?',
  'ana?emia', 'hyperlipida?emia', 'hypercholesterola?emia', 'dyslipida?emia', 'hypothyroidism', 'hyperthyroidism',
  'glaucoma', 'cataract', 'psoriasis', 'eczema', 'migraine',
].join('|');

/** `diabetes`, `has_diabetes`, `prevalent_stroke`, `history_of_stroke`, `hypertension_yn`. */
const CONDITION_NAME = new RegExp(`^(has|had|hx|historyof|prevalent|diagnosed|ever)?(${CONDITIONS})(yn|flag|status|ever|present|diagnosed)?$`);

/** Headers of a model's target, whatever it is. */
const TARGET_NAME = /^(outcome|target|label|class|y|response|casestatus)$/;

/** The pairs a yes/no column is written in (lower case). */
const YES_NO_PAIRS: readonly (readonly [string, string])[] = [
  ['yes', 'no'], ['y', 'n'], ['true', 'false'], ['t', 'f'], ['1', '0'], ['1.0', '0.0'],
];

/** A column holding both answers of one yes/no pair and nothing else (missing values aside). */
export function isYesNoColumn(column: ColumnProfile): boolean {
  if (column.valuesTruncated) return false;
  const seen = new Set([...column.values.keys()].map((v) => v.trim().toLowerCase()));
  return seen.size === 2 && YES_NO_PAIRS.some(([yes, no]) => seen.has(yes) && seen.has(no));
}

/** A column named for one condition whose values say whether each row has it. */
export function recordsCondition(header: string, column: ColumnProfile): boolean {
  return CONDITION_NAME.test(labelKey(header)) && isYesNoColumn(column);
}

/** A generic target column of yes/no values: perhaps the diagnosis, perhaps another outcome. */
export function mayBeDiagnosis(header: string, column: ColumnProfile): boolean {
  return TARGET_NAME.test(labelKey(header)) && isYesNoColumn(column);
}
