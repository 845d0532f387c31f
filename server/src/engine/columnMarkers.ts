// Which values mean missing in each column. Precedence: a Table Schema field's own
// missingValues, then the schema's, then the policy's `missingValues`, then the
// defaults. On top: refusals and OMOP concept 0 in ancestry columns, concept 0 in any
// OMOP *_concept_id column, and numeric sentinels only where the policy enables them.
import { labelKey } from './ancestry/labelKey';
import { ANCESTRY_MISSING_MARKERS, DEFAULT_MISSING_MARKERS, MissingMarkers } from './missing';
import type { Policy } from './policy/policy';
import type { TableSchema } from './schema/model';

/** PLINK's -9 and UK Biobank's -1 (do not know) and -3 (prefer not to answer) [S53,S55]. */
export const DEFAULT_NUMERIC_SENTINELS = ['-9', '-1', '-3'];

const OMOP_CONCEPT_COLUMN = /_concept_id$/i;

export function numericSentinels(policy: Policy): string[] {
  const setting = policy.phenotype.numericSentinels;
  if (setting === true) return DEFAULT_NUMERIC_SENTINELS;
  return Array.isArray(setting) ? setting : [];
}

export function columnMarkers(header: string[], policy: Policy, ancestryColumns: number[], schema?: TableSchema): MissingMarkers[] {
  const cache = new Map<string, MissingMarkers>();
  const shared = (values: string[]): MissingMarkers => {
    const key = JSON.stringify(values);
    if (!cache.has(key)) cache.set(key, new MissingMarkers(values));
    return cache.get(key)!;
  };
  const base = schema?.declaredMissingValues ?? policy.missingValues ?? [...DEFAULT_MISSING_MARKERS];
  const sentinels = numericSentinels(policy);
  const fields = new Map((schema?.fields ?? []).map((f) => [labelKey(f.name), f]));
  const ancestry = new Set(ancestryColumns);
  // Without a schema field of its own, a column's markers depend only on its kind: three
  // shared sets, so a header of 500,000 columns costs no more than three.
  const byKind = new Map<string, MissingMarkers>();
  return header.map((name, index) => {
    const own = fields.size > 0 ? fields.get(labelKey(name))?.missingValues : undefined;
    const kind = ancestry.has(index) ? 'ancestry' : OMOP_CONCEPT_COLUMN.test(name) ? 'concept' : 'plain';
    if (own === undefined && byKind.has(kind)) return byKind.get(kind)!;
    const values = [...(own ?? base), ...sentinels];
    if (kind === 'ancestry') values.push(...ANCESTRY_MISSING_MARKERS);
    else if (kind === 'concept') values.push('0');
    const markers = shared(values);
    if (own === undefined) byKind.set(kind, markers);
    return markers;
  });
}
