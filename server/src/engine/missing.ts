// Values that mean "no information" (../shared/docs/domain.md, sections A8 and C). They
// are counted as missing, per marker, and never as a group or a category.

/** General missing markers: pandas' defaults, VCF's `.`, All of Us' PMI_* codes, and `?`. */
export const DEFAULT_MISSING_MARKERS: readonly string[] = [
  '', 'NA', 'N/A', 'n/a', 'na', 'NaN', 'nan', '-NaN', '-nan', 'NULL', 'null', 'Null', '#N/A', '#N/A N/A', '#NA',
  '?', '.', './.', 'unknown', 'Unknown', 'UNKNOWN', 'UNK',
  'PMI_Skip', 'PMI_PreferNotToAnswer', 'PMI_Unanswered', 'UNSET', 'UNMAPPED',
];

/** Extra markers for ancestry columns: refusals and OMOP's concept 0 ("no information"). */
export const ANCESTRY_MISSING_MARKERS: readonly string[] = [
  'Declined', 'Refused', 'Prefer not to answer', 'Prefer not to say', 'Not reported', 'Not stated',
  'No matching concept', '0', 'Unknown race', 'Unknown ethnicity', 'Patient declined',
];

function key(value: string): string {
  return value.trim().toLowerCase();
}

/** A case- and whitespace-insensitive marker set that reports which marker matched. */
export class MissingMarkers {
  private readonly byKey = new Map<string, string>();

  constructor(markers: Iterable<string>) {
    for (const marker of markers) if (!this.byKey.has(key(marker))) this.byKey.set(key(marker), marker);
  }

  /** The marker a value matches (as the value is written), or undefined when it is data. */
  match(value: string): string | undefined {
    const k = key(value);
    if (!this.byKey.has(k)) return undefined;
    return k === '' ? '(empty)' : value;
  }
}
