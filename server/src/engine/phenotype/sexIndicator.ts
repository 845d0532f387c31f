// A column named for one sex whose values say, for every row, whether the person is of it:
// the Kaggle Framingham file's `male` (1 male, 0 female), the Obermeyer et al. (2019)
// care-management data's `dem_female`. It is the sex column, coded as a flag. The name
// alone does not say so (`male` may count men in an aggregate table, `female_parent` name
// a relative), so the values must agree: the two answers of one yes/no pair, or sex labels
// (a copy of the Framingham file writes Male/Female under the header `Male`).
import { labelKey } from '../ancestry/labelKey';
import type { ColumnProfile } from '../profile/profile';
import { isYesNoColumn } from './diseaseColumns';

/** `male`, `female`, `dem_female`, `sex_male`, `gender_female`, `Male` (labelKey). */
const ONE_SEX = /^(dem|demo|demographic|demographics|sex|gender|patient|subject)?(fe)?male$/;
const SEX_LABELS = new Set(['male', 'female', 'm', 'f']);

function holdsSexLabels(column: ColumnProfile): boolean {
  if (column.valuesTruncated || column.values.size === 0) return false;
  return [...column.values.keys()].every((v) => SEX_LABELS.has(v.trim().toLowerCase()));
}

/** A one-sex flag (or a column of sex labels under a one-sex header): the sex column. */
export function recordsSex(header: string, column: ColumnProfile): boolean {
  return ONE_SEX.test(labelKey(header)) && (isYesNoColumn(column) || holdsSexLabels(column));
}
