// Which columns hold ancestry, race or ethnicity: by header name (case and separators
// ignored), or as the policy names them.
import { labelKey } from './labelKey';

const ANCESTRY_HEADER_KEYS = new Set([
  'ancestry', 'geneticancestry', 'ancestrygroup', 'ancestrycategory', 'inferredancestry', 'predictedancestry',
  'superpop', 'superpopulation', 'superpopulationcode', 'population', 'pop', 'popcode', 'populationcode',
  'race', 'racecategory', 'selfreportedrace', 'ethnicity', 'ethnicgroup', 'ethnicorigin', 'raceethnicity', 'ethnicityrace',
  'gnomadpop', 'gnomadgroup', 'geneticancestrygroup', 'continentalgroup', 'continentalancestry',
]);

/** True for an ancestry-like header: the names above, and e.g. `race_concept_id`, `ancestry_pred`. */
export function isAncestryHeader(name: string): boolean {
  const k = labelKey(name);
  if (ANCESTRY_HEADER_KEYS.has(k)) return true;
  return /^(race|ethnicity|ancestry|geneticancestry|superpop(ulation)?)(conceptid|sourcevalue|pred|predicted|inferred|label|group|code|cat|category)$/.test(k);
}

/** Indices of the ancestry columns: those the policy names, else those detected by name. */
export function detectAncestryColumns(header: string[], policyColumns: string[] | undefined): number[] {
  if (policyColumns && policyColumns.length > 0) {
    const wanted = new Set(policyColumns.map(labelKey));
    return header.flatMap((name, i) => (wanted.has(labelKey(name)) ? [i] : []));
  }
  return header.flatMap((name, i) => (isAncestryHeader(name) ? [i] : []));
}

/**
 * At most this many ancestry columns are assessed. Each costs a tally per group and a pass
 * over every row; a header with 150 columns named `race` made that 4.4 GB. Real datasets
 * have a few (OMOP: race and ethnicity, as concept id and source value).
 */
export const MAX_ASSESSED_ANCESTRY_COLUMNS = 6;
