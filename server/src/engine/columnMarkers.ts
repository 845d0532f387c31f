// Which values mean missing in each column. Precedence: a Table Schema field's own
// missingValues, then the schema's, then the policy's `missingValues`, then the
// defaults. On top: refusals and OMOP concept 0 in ancestry columns, concept 0 in any
// OMOP *_concept_id column, and numeric sentinels only where the policy enables them.
import { labelKey } from './ancestry/labelKey';
import { AncestryMissingMarkers } from './ancestry/missingAncestry';
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
  // Most columns share the default list: built once, so a header of 500,000 fields costs
  // one lookup per field, not one list and one JSON key each.
  const plain = shared([...base, ...sentinels]);
  const plainWithZero = shared([...base, ...sentinels, '0']);
  const ancestry = new Set(ancestryColumns);
  return header.map((name, index) => {
    const own = fields.size > 0 ? fields.get(labelKey(name))?.missingValues : undefined;
    if (own === undefined && !ancestry.has(index)) return OMOP_CONCEPT_COLUMN.test(name) ? plainWithZero : plain;
    const values = [...(own ?? base), ...sentinels];
    if (ancestry.has(index)) return new AncestryMissingMarkers([...values, ...ANCESTRY_MISSING_MARKERS]);
    if (OMOP_CONCEPT_COLUMN.test(name)) values.push('0');
    return shared(values);
  });
}
