// Which single-byte encoding a file that is not UTF-8 was most likely written in. Old
// spreadsheet and statistics exports write Windows-1252 (Excel on Windows, SAS, SPSS),
// MacRoman (Excel on classic Mac OS) or ISO-8859-1; read as UTF-8 each accented letter is
// an invalid byte, so without this every row with a name like "Müller" or "São Paulo" would
// be its own error. The guess is made from the non-ASCII bytes of the lines that are not
// valid UTF-8, and only when no line holds valid multi-byte UTF-8 (a file mixing both is
// damaged, not legacy): the encoding whose reading of those bytes gives the most letters,
// if most of them are letters.
import { TextDecoder } from 'node:util';

export type LegacyEncodingId = 'windows-1252' | 'iso-8859-1' | 'macintosh';

export interface LegacyEncoding {
  id: LegacyEncodingId;
  /** How messages name it. */
  name: string;
  /** Non-ASCII bytes on the lines that are not UTF-8. */
  bytes: number;
  /** Share of them that read as letters in this encoding. */
  letterShare: number;
}

const NAMES: Record<LegacyEncodingId, string> = {
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1 (Latin-1) or Windows-1252',
  macintosh: 'MacRoman',
};

/** Bytes Windows-1252 leaves undefined: a file holding them was not written in it. */
const UNDEFINED_IN_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** *Judgement:* below this share of letters, the bytes are not text in that encoding (binary, damage). */
const MIN_LETTER_SHARE = 0.5;

const LETTER = /\p{L}/u;

function letters(encoding: 'windows-1252' | 'macintosh'): boolean[] {
  const decoder = new TextDecoder(encoding);
  return Array.from({ length: 128 }, (_, i) => LETTER.test(decoder.decode(Uint8Array.of(0x80 + i))));
}

let tables: Record<'windows-1252' | 'macintosh', boolean[]> | undefined;

export class HighByteHistogram {
  private readonly counts = new Array<number>(128).fill(0);
  private total = 0;
  /** A line that is valid UTF-8 and holds non-ASCII characters. */
  sawValidMultibyte = false;

  /** Adds the bytes of a line that is not valid UTF-8. */
  addInvalid(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b >= 0x80) { this.counts[b - 0x80]++; this.total++; }
    }
  }

  /** Notes a valid line: whether it holds multi-byte UTF-8. */
  addValid(bytes: Uint8Array): void {
    if (this.sawValidMultibyte) return;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) { this.sawValidMultibyte = true; return; }
  }

  guess(): LegacyEncoding | undefined {
    if (this.total === 0 || this.sawValidMultibyte) return undefined;
    tables ??= { 'windows-1252': letters('windows-1252'), macintosh: letters('macintosh') };
    const score = (table: boolean[]) => this.counts.reduce((n, c, i) => n + (table[i] ? c : 0), 0);
    const cp1252Possible = UNDEFINED_IN_1252.every((b) => this.counts[b - 0x80] === 0);
    const cp1252 = cp1252Possible ? score(tables['windows-1252']) : -1;
    const mac = score(tables.macintosh);
    const best = cp1252 >= mac ? cp1252 : mac;
    if (best / this.total < MIN_LETTER_SHARE) return undefined;
    let id: LegacyEncodingId = cp1252 >= mac ? 'windows-1252' : 'macintosh';
    // No byte in 0x80-0x9F: the file reads the same in ISO-8859-1 and Windows-1252.
    if (id === 'windows-1252' && this.counts.slice(0, 32).every((c) => c === 0)) id = 'iso-8859-1';
    return { id, name: NAMES[id], bytes: this.total, letterShare: best / this.total };
  }
}
