// A file's name says "comma" (.csv), but many real .csv files are not comma-separated:
// German credit's is semicolon-separated (the spreadsheet default where the comma is the
// decimal mark), OMOP CDM exports (ATLAS, SynPUF) are tab-separated. Read on commas they
// are one column, and every rule then reports columns as missing that are there.
//
// The comma the name gives is kept unless, over the first rows (quotes respected, as the
// tokenizer reads them), it splits them into one column or into differing numbers of
// fields while a semicolon, a tab or a pipe splits every one of them into the same number
// of fields, more than one. Field counts decide, not how often a character occurs: a comma
// CSV whose text cells hold semicolons splits evenly on its commas and stays comma-read; a
// one-column list of ids has no other delimiter splitting it and stays one column.
import { RowTokenizer } from './rowTokenizer';

/** Delimiters tried instead of a named comma, in the order a tie is settled. */
const CANDIDATES = ['\t', ';', '|'] as const;
/** Rows (the header among them) whose field counts are compared. */
export const SNIFF_ROWS = 20;
/**
 * Fields a header with no row under it must split into: one line says nothing about
 * evenness, so only a line that splits into several names is read so (an OMOP death table
 * exported with no deaths), not a one-column phrase with a semicolon in it.
 */
const LONE_HEADER_FIELDS = 3;
/** Characters read at most to find those rows. */
const SNIFF_CHARS = 64 * 1024;

/** Why the named delimiter was not used. */
export type DelimiterReason = 'one-column' | 'uneven';

/** A delimiter chosen by its field counts over the one the file's name or language gives. */
export interface DelimiterChoice {
  /** The delimiter the name or language gave (a comma). */
  named: string;
  /** The one used. */
  used: string;
  reason: DelimiterReason;
  /** Rows compared, the header among them, and the fields each has split on `used`. */
  rows: number;
  fields: number;
}

/** Field counts of the sample's first non-blank rows split on `delimiter`; a row cut by the sample's end is left out. */
function fieldCounts(sample: string, delimiter: string): number[] {
  const counts: number[] = [];
  const tokenizer = new RowTokenizer(delimiter, (row) => {
    if (row.unclosedAt !== undefined) return false;
    if (!(row.values.length === 1 && row.values[0].trim() === '')) counts.push(row.values.length);
    return counts.length < SNIFF_ROWS;
  });
  tokenizer.push(sample);
  tokenizer.finish();
  return counts;
}

function even(counts: number[]): boolean {
  return counts.every((n) => n === counts[0]);
}

/** The first lines from `from`, whole lines only when the text goes on past them (or is not `whole`). */
function sampleOf(text: string, from: number, whole: boolean): string {
  const sample = text.slice(from, from + SNIFF_CHARS);
  if (whole && from + SNIFF_CHARS >= text.length) return sample;
  const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  return cut > 0 ? sample.slice(0, cut) : sample;
}

/**
 * The delimiter to read a text with whose name or language gives `named`, from the header
 * at `from`: another one when `named` is a comma that its first rows contradict; undefined
 * to keep `named`.
 * `whole` is false when `text` is only the first part of a file.
 */
export function sniffDelimiter(text: string, from: number, named: string, whole = true): DelimiterChoice | undefined {
  if (named !== ',') return undefined;
  const sample = sampleOf(text, from, whole);
  if (!CANDIDATES.some((c) => sample.includes(c))) return undefined;
  const comma = fieldCounts(sample, ',');
  if (comma.length === 0) return undefined;
  const oneColumn = comma.every((n) => n === 1);
  if (!oneColumn && even(comma)) return undefined;
  let best: DelimiterChoice | undefined;
  for (const used of CANDIDATES) {
    if (!sample.includes(used)) continue;
    const counts = fieldCounts(sample, used);
    if (counts.length === 0) continue;
    if (counts[0] < (counts.length === 1 ? LONE_HEADER_FIELDS : 2) || !even(counts)) continue;
    // Uneven commas (decimal commas, say) give way only to a delimiter naming more columns.
    if (counts[0] <= comma[0]) continue;
    if (!best || counts[0] > best.fields) best = { named, used, reason: oneColumn ? 'one-column' : 'uneven', rows: counts.length, fields: counts[0] };
  }
  return best;
}

const NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe', ' ': 'space' };

/** "semicolon", "tab": a delimiter as a word. */
export function delimiterName(delimiter: string): string {
  return NAMES[delimiter] ?? `"${delimiter}"`;
}

/** One sentence: which delimiter was used and why the named one was not. */
export function delimiterChoiceText(choice: DelimiterChoice): string {
  const why = choice.reason === 'one-column' ? 'would be one column' : 'would have differing numbers of fields';
  return `Read as ${delimiterName(choice.used)}-separated, not ${delimiterName(choice.named)}-separated as the file's type says: ` +
    `split on ${delimiterName(choice.named)}s ${choice.rows === 1 ? 'its one line' : `its first ${choice.rows} rows`} ${why}, split on ${delimiterName(choice.used)}s ${choice.rows === 1 ? 'it has' : 'each has'} ${choice.fields} fields.`;
}
