// Which columns hold ancestry, race or ethnicity: by header name (case and separators
// ignored), or as the policy names them.
import { codebookConcept, variableStem } from '../codebooks/variables';
import { labelKey } from './labelKey';

const ANCESTRY_HEADER_KEYS = new Set([
  'ancestry', 'geneticancestry', 'ancestrygroup', 'ancestrycategory', 'inferredancestry', 'predictedancestry',
  'superpop', 'superpopulation', 'superpopulationcode', 'population', 'pop', 'popcode', 'populationcode', 'populationid',
  'race', 'racecategory', 'selfreportedrace', 'ethnicity', 'ethnicgroup', 'ethnicorigin', 'raceethnicity', 'ethnicityrace',
  'gnomadpop', 'gnomadgroup', 'geneticancestrygroup', 'continentalgroup', 'continentalancestry',
]);

/** True for an ancestry-like header: the names above, e.g. `race_concept_id`, `ancestry_pred`, and codebook variables (`RIDRETH3`, `21000-0.0`). */
export function isAncestryHeader(name: string): boolean {
  const k = labelKey(name);
  if (ANCESTRY_HEADER_KEYS.has(k) || codebookConcept(name) === 'ancestry') return true;
  return /^(race|ethnicity|ancestry|geneticancestry|superpop(ulation)?)(conceptid|sourcevalue|pred|predicted|inferred|label|group|code|cat|category)$/.test(k);
}

/** Indices of the ancestry columns: those the policy names, else those detected by name. */
export function detectAncestryColumns(header: string[], policyColumns: string[] | undefined): number[] {
  if (policyColumns && policyColumns.length > 0) {
    const wanted = new Set(policyColumns.map(labelKey));
    return header.flatMap((name, i) => (wanted.has(labelKey(name)) ? [i] : []));
  }
  const found = header.flatMap((name, i) => (isAncestryHeader(name) ? [i] : []));
  // A sample sheet's `Region` (HGDP, SGDP) is the coarser grouping of its populations; alone,
  // "region" is more often geography than ancestry, so it counts only beside a population column.
  if (found.some((i) => isPopulationColumn(header[i]))) {
    header.forEach((name, i) => { if (isRegionColumn(name) && !found.includes(i)) found.push(i); });
    found.sort((a, b) => a - b);
  }
  return firstInstances(header, found);
}

const POPULATION_KEYS = new Set(['population', 'populationid', 'pop', 'populationcode', 'popcode', 'populationname']);
const REGION_KEYS = new Set(['region', 'regionname', 'geographicregion', 'populationregion']);

export const isPopulationColumn = (name: string): boolean => POPULATION_KEYS.has(labelKey(name));
export const isRegionColumn = (name: string): boolean => REGION_KEYS.has(labelKey(name));

/**
 * UK Biobank writes one field once per visit (`21000-0.0`, `21000-1.0`, `21000-2.0`): one
 * variable, assessed once, from its first instance, so one person is not counted three times.
 */
function firstInstances(header: string[], indices: number[]): number[] {
  const seen = new Set<string>();
  const ordered = [...indices].sort((a, b) => variableStem(header[a]).instance - variableStem(header[b]).instance || a - b);
  const kept = new Set<number>();
  for (const i of ordered) {
    const { stem } = variableStem(header[i]);
    const key = stem === header[i] ? `#${i}` : labelKey(stem);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.add(i);
  }
  return indices.filter((i) => kept.has(i));
}

/**
 * At most this many ancestry columns are assessed. Each costs a tally per group and a pass
 * over every row; a header with 150 columns named `race` made that 4.4 GB. Real datasets
 * have a few (OMOP: race and ethnicity, as concept id and source value).
 */
export const MAX_ASSESSED_ANCESTRY_COLUMNS = 6;
