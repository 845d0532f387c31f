// Values that mean "no information" (../shared/docs/domain.md, sections A8 and C). They
// are counted as missing, per marker, and never as a group or a category.

/**
 * General missing markers (matched without case or surrounding spaces), each with its source:
 * - pandas' read_csv defaults [S52]: empty, NA, N/A, n/a, NaN, nan, -NaN, -nan, NULL, null,
 *   #N/A, #N/A N/A, #NA, and the C runtime's float renderings 1.#IND, -1.#IND, 1.#QNAN,
 *   -1.#QNAN that spreadsheets and old exports write for "not a number". pandas' `None` is
 *   left out on purpose: in clinical extracts it is usually an answer ("None" = test not
 *   done, no medication; the UCI diabetes file's max_glu_serum), so a policy adds it where
 *   it does mean missing;
 * - VCF's `.` and `./.` [S54];
 * - All of Us survey codes PMI_Skip, PMI_PreferNotToAnswer, PMI_Unanswered, UNSET,
 *   UNMAPPED [S56];
 * - conventions without a standard (judgement): `?` (the UCI repository's marker), unknown,
 *   UNK;
 * - GDC / TCGA Biotab clinical files' bracketed tokens: [Not Available], [Not Applicable],
 *   [Unknown], [Not Evaluated], [Discrepancy], [Not Reported];
 * - survey non-answers written as text in any column: Prefer not to answer, Do not know,
 *   Don't know (UK Biobank's -3 and -1 in words; JCOIN's Table Schema lists "Don't know").
 * Spreadsheet error values (#REF!, #DIV/0!, ...) are added to every column's list in
 * columnMarkers.ts (spreadsheetErrors.ts).
 * OMOP's concept 0 and numeric sentinels (-9, -1, -3) are added per column in columnMarkers.ts.
 */
export const DEFAULT_MISSING_MARKERS: readonly string[] = [
  '', 'NA', 'N/A', 'n/a', 'na', 'NaN', 'nan', '-NaN', '-nan', 'NULL', 'null', 'Null', '#N/A', '#N/A N/A', '#NA',
  '1.#IND', '-1.#IND', '1.#QNAN', '-1.#QNAN',
  '?', '.', './.', 'unknown', 'Unknown', 'UNKNOWN', 'UNK',
  'PMI_Skip', 'PMI_PreferNotToAnswer', 'PMI_Unanswered', 'UNSET', 'UNMAPPED',
  '[Not Available]', '[Not Applicable]', '[Unknown]', '[Not Evaluated]', '[Discrepancy]', '[Not Reported]',
  'Prefer not to answer', 'Do not know', "Don't know",
];

/** Extra markers for ancestry columns: refusals and OMOP's concept 0 ("no information"). */
export const ANCESTRY_MISSING_MARKERS: readonly string[] = [
  'Declined', 'Refused', 'Prefer not to answer', 'Prefer not to say', 'Not reported', 'Not stated',
  'No matching concept', '0', 'Unknown race', 'Unknown ethnicity', 'Patient declined',
];

const MEMO_LIMIT = 100_000;

function key(value: string): string {
  return value.trim().toLowerCase();
}

/** A case- and whitespace-insensitive marker set that reports which marker matched. */
export class MissingMarkers {
  private readonly byKey = new Map<string, string>();
  /** Verdicts per raw value: columns repeat values, so most cells cost one lookup. */
  private readonly memo = new Map<string, string | undefined>();

  /** First characters (lower-cased) a marker can start with: most cells fail this test cheaply. */
  private readonly firstChars = new Set<number>();
  /** The longest marker per first character: a longer value without trailing space is data. */
  private readonly longest = new Map<number, number>();

  constructor(markers: Iterable<string>) {
    for (const marker of markers) {
      const k = key(marker);
      if (!this.byKey.has(k)) this.byKey.set(k, marker);
      if (k.length === 0) continue;
      const c = k.charCodeAt(0);
      this.firstChars.add(c);
      this.longest.set(c, Math.max(this.longest.get(c) ?? 0, k.length));
    }
  }

  /** The keys a value is matched on (trimmed, lower case): what a SQL profile tests cells against. */
  matchKeys(): string[] {
    return [...this.byKey.keys()];
  }

  /** Keys matched after labelKey (punctuation and spacing ignored); none for plain markers. */
  labelKeys(): string[] {
    return [];
  }

  /** The marker a value matches (as the value is written), or undefined when it is data. */
  match(value: string): string | undefined {
    if (value.length === 0) return this.byKey.has('') ? '(empty)' : undefined;
    const first = value.charCodeAt(0);
    // Letters fold to lower case with | 0x20; whitespace takes the slow path (trimmed below),
    // and so does any non-ASCII first character (a no-break space is whitespace to trim()).
    const folded = first >= 65 && first <= 90 ? first | 0x20 : first;
    const ascii = first > 32 && first < 127;
    if (ascii && !this.firstChars.has(folded)) return undefined;
    // Values longer than every marker with their first character are data (numbers starting
    // like `1.#IND` or `-NaN`), unless trailing spaces, trimmed below, make up the difference.
    const last = value.charCodeAt(value.length - 1);
    if (ascii && value.length > this.longest.get(folded)! && last > 32 && last < 127) return undefined;
    const known = this.memo.get(value);
    if (known !== undefined || this.memo.has(value)) return known;
    const k = key(value);
    const verdict = !this.byKey.has(k) ? undefined : k === '' ? '(empty)' : value;
    if (this.memo.size < MEMO_LIMIT) this.memo.set(value, verdict);
    return verdict;
  }
}
