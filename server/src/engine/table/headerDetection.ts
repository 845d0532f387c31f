// Where the header is in a file that opens with `#` lines, decided from the shape of the
// lines rather than from the `#` alone:
// - cBioPortal clinical files (data_clinical_patient.txt, data_clinical_sample.txt) open
//   with four `#` lines, display names, descriptions, datatypes and priorities, and then
//   the real header without `#` [cBioPortal file formats, "Clinical data"];
// - VCF and PLINK 2 `.psam`/`.pvar` files put the header itself on the last `#` line
//   (`#CHROM POS ...`, `#IID SEX`) and data follows [VCF 4.3 section 1.5; PLINK 2 formats];
// - other `#` lines are comments above the header;
// - a first line of generic names (`X1 ... X23, Y`, `V1`, `Unnamed: 0`) above a line of real
//   names is a spreadsheet's second header row: UCI's "default of credit card clients.xls"
//   has both rows (`,X1,X2,...,X23,Y` over `ID,LIMIT_BAL,SEX,...`), and its CSV copies keep
//   them. The real names are the header; the generic line is metadata.
// The first line after the `#` lines is the header when its fields read as names (unique,
// filled, not numbers) and its values do not recur below it; otherwise the last `#` line
// is, when it has as many fields. CR-only, LF and CRLF line breaks all end a line.

export type MetadataKind = 'comment' | 'display-names' | 'descriptions' | 'datatypes' | 'priorities' | 'generic-names';

export interface MetadataLine {
  /** 0-based line number. */
  line: number;
  kind: MetadataKind;
}

/** Per header column: what a cBioPortal file says about it. */
export interface ColumnNote {
  displayName?: string;
  description?: string;
  datatype?: string;
}

export interface HeaderDetection {
  /** Offset of the header line's first character. */
  headerStart: number;
  /** 0-based line of the header. */
  headerLine: number;
  /** True when the header is itself a `#` line (VCF, PLINK 2). */
  hashHeader: boolean;
  /** The lines above the header, and what each was read as. */
  metadata: MetadataLine[];
  /** 'cbioportal' when the four metadata lines of a cBioPortal clinical file were found. */
  format?: 'cbioportal';
  /** Column notes by header position (cBioPortal only). */
  columns: ColumnNote[];
}

interface Line {
  start: number;
  text: string;
}

/** How many lines past the `#` block are read to decide; enough to see values repeat. */
const LOOKAHEAD = 50;

/** Splits the head of a text into lines, treating \r\n, \n and a lone \r as line breaks. */
function headLines(text: string, wanted: (lines: Line[]) => boolean): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let i = start;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    lines.push({ start, text: text.slice(start, i) });
    if (i >= text.length) { start = text.length; break; }
    start = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (!wanted(lines)) break;
  }
  return lines;
}

function guessDelimiter(line: string): string {
  return line.includes('\t') ? '\t' : ',';
}

function fields(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((f) => f.trim());
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const CBIO_DATATYPES = new Set(['STRING', 'NUMBER', 'BOOLEAN']);

/** Fields that read as column names: filled, unique, not numbers. */
function looksLikeNames(values: string[]): boolean {
  const filled = values.filter((v) => v !== '');
  if (filled.length < values.length - countTrailingEmpty(values)) return false;
  if (filled.some((v) => NUMBER.test(v))) return false;
  return new Set(filled.map((v) => v.toLowerCase())).size === filled.length;
}

function countTrailingEmpty(values: string[]): number {
  let n = 0;
  for (let i = values.length - 1; i > 0 && values[i] === ''; i--) n++;
  return n;
}

/** True when some field of `candidate` recurs in the same column of the lines below it. */
function valuesRecur(candidate: string[], below: string[][]): boolean {
  return candidate.some((value, i) => value !== '' && below.some((row) => row[i] === value));
}

/**
 * The four cBioPortal metadata lines: names, descriptions, datatypes, priorities. Real
 * files end every line with a tab, and the priorities line may leave its last fields empty,
 * so trailing empty fields are not counted.
 */
function cbioportalBlock(hashFields: string[][], width: number): boolean {
  if (hashFields.length < 4) return false;
  const block = hashFields.slice(-4);
  const [, , datatypes, priorities] = block.map(withoutTrailingEmpty);
  if (!block.every((f) => f.length === width || withoutTrailingEmpty(f).length <= width)) return false;
  if (datatypes.length === 0 || priorities.length === 0) return false;
  return datatypes.every((d) => CBIO_DATATYPES.has(d.toUpperCase())) && priorities.every((p) => p === '' || /^-?\d+$/.test(p));
}

function withoutTrailingEmpty(values: string[]): string[] {
  let n = values.length;
  while (n > 0 && values[n - 1] === '') n--;
  return values.slice(0, n);
}

/** A generic column name a tool writes when it has none: `X1`, `Y`, `V3`, `Unnamed: 0`, `Column2`, `col_4`. */
const GENERIC_NAME = /^(x\d+|y|v\d+|var\d+|col(umn)?[ _]?\d+|field[ _]?\d+|unnamed: ?\d+)$/i;
/** *Judgement:* fields a generic line has at least, and numbered names among them (`Y` and an empty index cell aside). */
const GENERIC_MIN_FIELDS = 3;

/**
 * True when the first line is generic names (every field one, or empty: the index column's
 * cell) and the second line reads as names that do not recur below: a spreadsheet's second
 * header row, the real one. A generic line over data stays the header (nothing better names
 * the columns), as does one over a line of numbers.
 */
function genericNamesAbove(lines: Line[], delimiterHint: string | undefined): boolean {
  if (lines.length < 3) return false;
  const delimiter = delimiterHint ?? guessDelimiter(lines[0].text);
  const generic = fields(lines[0].text.replace(/^\uFEFF/, ''), delimiter);
  const names = fields(lines[1].text, delimiter);
  if (generic.length < GENERIC_MIN_FIELDS || withoutTrailingEmpty(names).length !== withoutTrailingEmpty(generic).length) return false;
  const filled = generic.filter((f) => f !== '');
  if (generic.length - filled.length > 1 || filled.length < GENERIC_MIN_FIELDS || !filled.every((f) => GENERIC_NAME.test(f))) return false;
  if (names.some((n) => GENERIC_NAME.test(n))) return false;
  return looksLikeNames(names) && !valuesRecur(names, lines.slice(2).map((l) => fields(l.text, delimiter)));
}

function stripHash(line: string): string {
  return line.replace(/^#+/, '');
}

export function detectHeader(text: string, delimiterHint?: string): HeaderDetection {
  let hashCount = 0;
  const lines = headLines(text, (seen) => {
    const last = seen[seen.length - 1];
    if (last.text.startsWith('#') && hashCount === seen.length - 1) { hashCount++; return true; }
    return seen.length - hashCount < LOOKAHEAD;
  });
  if (hashCount === lines.length && lines.length > 0 && lines[lines.length - 1].text.startsWith('#')) {
    // Only `#` lines: nothing follows, so the header is past them (an empty table).
    return { headerStart: text.length, headerLine: lines.length, hashHeader: false, metadata: lines.map((_, line) => ({ line, kind: 'comment' })), columns: [] };
  }
  if (hashCount === 0) {
    if (genericNamesAbove(lines, delimiterHint)) {
      return { headerStart: lines[1].start, headerLine: 1, hashHeader: false, metadata: [{ line: 0, kind: 'generic-names' }], columns: [] };
    }
    return { headerStart: 0, headerLine: 0, hashHeader: false, metadata: [], columns: [] };
  }

  const first = lines[hashCount];
  const delimiter = delimiterHint ?? guessDelimiter(first.text);
  const plain = fields(first.text, delimiter);
  const hashFields = lines.slice(0, hashCount).map((l) => fields(stripHash(l.text), delimiter));
  const comments = (n: number): MetadataLine[] => Array.from({ length: n }, (_, line) => ({ line, kind: 'comment' as const }));

  if (cbioportalBlock(hashFields, plain.length)) {
    const base = hashCount - 4;
    const [names, descriptions, datatypes] = hashFields.slice(-4);
    const kinds: MetadataKind[] = ['display-names', 'descriptions', 'datatypes', 'priorities'];
    return {
      headerStart: first.start,
      headerLine: hashCount,
      hashHeader: false,
      format: 'cbioportal',
      metadata: [...comments(base), ...kinds.map((kind, i) => ({ line: base + i, kind }))],
      columns: plain.map((_, i) => ({ displayName: names[i], description: descriptions[i], datatype: datatypes[i] })),
    };
  }

  const lastHash = lines[hashCount - 1];
  const lastFields = hashFields[hashCount - 1];
  // Prose comments read "# text"; a header-like `#` line has no space after its "#".
  const lastCanBeHeader = !/^#\s/.test(lastHash.text) && lastFields.length >= 2 && lastFields.length === plain.length && looksLikeNames(lastFields);
  const below = lines.slice(hashCount + 1).map((l) => fields(l.text, delimiter));
  const plainIsHeader = below.length > 0 && looksLikeNames(plain) && !valuesRecur(plain, below);
  if (lastCanBeHeader && !plainIsHeader) {
    return { headerStart: lastHash.start, headerLine: hashCount - 1, hashHeader: true, metadata: comments(hashCount - 1), columns: [] };
  }
  return { headerStart: first.start, headerLine: hashCount, hashHeader: false, metadata: comments(hashCount), columns: [] };
}
