// Which values mean missing in each column. Precedence: a Table Schema field's own
// missingValues, then the schema's, then the policy's `missingValues`, then the
// defaults. On top: spreadsheet error values everywhere, refusals and OMOP concept 0 in ancestry columns, concept 0 in any
// OMOP *_concept_id column, and numeric sentinels only where the policy enables them.
import { labelKey } from './ancestry/labelKey';
import { AncestryMissingMarkers } from './ancestry/missingAncestry';
import { ANCESTRY_MISSING_MARKERS, DEFAULT_MISSING_MARKERS, MissingMarkers } from './missing';
import type { Policy } from './policy/policy';
import type { TableSchema } from './schema/model';
import { SPREADSHEET_ERRORS } from './spreadsheetErrors';

/** PLINK's -9 and UK Biobank's -1 (do not know) and -3 (prefer not to answer) [S53,S55]. */
export const DEFAULT_NUMERIC_SENTINELS = ['-9', '-1', '-3'];

const OMOP_CONCEPT_COLUMN = /_concept_id$/i;

export function numericSentinels(policy: Policy): string[] {
  const setting = policy.phenotype.numericSentinels;
  if (setting === true) return DEFAULT_NUMERIC_SENTINELS;
  return Array.isArray(setting) ? setting : [];
}

export function columnMarkers(header: string[], policy: Policy, ancestryColumns: number[], schema?: TableSchema): MissingMarkers[] {
  const base = schema?.declaredMissingValues ?? policy.missingValues ?? [...DEFAULT_MISSING_MARKERS];
  const sentinels = numericSentinels(policy);
  const fields = new Map((schema?.fields ?? []).map((f) => [labelKey(f.name), f]));
  const ancestry = new Set(ancestryColumns);
  // Columns share one matcher per (field's own list, kind of column): a header of 500,000
  // columns builds a handful, not one each.
  const shared = new Map<string[] | undefined, MissingMarkers[]>();
  return header.map((name, index) => {
    const own = fields.size > 0 ? fields.get(labelKey(name))?.missingValues : undefined;
    const kind = ancestry.has(index) ? 1 : OMOP_CONCEPT_COLUMN.test(name) ? 2 : 0;
    let byKind = shared.get(own);
    if (!byKind) shared.set(own, (byKind = []));
    byKind[kind] ??= kind === 1
      ? new AncestryMissingMarkers([...(own ?? base), ...sentinels, ...SPREADSHEET_ERRORS, ...ANCESTRY_MISSING_MARKERS])
      : new MissingMarkers([...(own ?? base), ...sentinels, ...SPREADSHEET_ERRORS, ...(kind === 2 ? ['0'] : [])]);
    return byKind[kind];
  });
}
