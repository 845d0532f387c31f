// table-encoding-legacy: a file that is not UTF-8 but reads cleanly in a single-byte
// encoding (table/legacyEncoding.ts) gets one file-level finding naming the encoding and the
// columns affected, instead of a table-malformed error on every line with an accented letter.
// Nothing is rewritten: in an editor the text already shows U+FFFD for those bytes, and
// saving it would make the loss permanent, so the finding says how to reopen or convert.
import type { LegacyEncodingId } from '../table/legacyEncoding';
import type { Table } from '../table/parse';
import { count, percent } from '../format';
import type { DatasetRule } from './rule';

const ICONV: Record<LegacyEncodingId, string> = { 'windows-1252': 'WINDOWS-1252', 'iso-8859-1': 'ISO-8859-1', macintosh: 'MACINTOSH' };
const EDITOR: Record<LegacyEncodingId, string> = { 'windows-1252': 'Western (Windows 1252)', 'iso-8859-1': 'Western (ISO 8859-1)', macintosh: 'Western (Mac Roman)' };

/** Columns whose cells on the undecodable lines show U+FFFD (the header's own names included). */
function affectedColumns(table: Table): number[] {
  const decoding = table.decoding!;
  if (decoding.replacementColumns) return decoding.replacementColumns;
  const lines = new Set(decoding.report.invalidLines);
  const found = new Set<number>();
  const rows = table.headerRow ? [table.headerRow, ...table.rows] : table.rows;
  for (const row of rows) {
    if (!lines.has(table.lines.positionAt(row.start).line)) continue;
    row.values.forEach((v, i) => { if (v.includes('\uFFFD')) found.add(i); });
  }
  return [...found].sort((a, b) => a - b);
}

export const tableEncodingLegacy: DatasetRule = {
  id: 'table-encoding-legacy',
  defaultSeverity: 'warning',
  description: 'The file is not UTF-8 but reads cleanly as Windows-1252, MacRoman or Latin-1: one finding naming the encoding and the columns affected.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    legacyEncoding: 'A file that is not UTF-8 but reads cleanly in a legacy encoding.',
  },
  check({ table }) {
    const legacy = table.decoding?.report.legacy;
    if (!legacy) return [];
    const report = table.decoding!.report;
    const columns = affectedColumns(table).map((i) => (i < table.header.length && !table.header[i].includes('\uFFFD') ? table.header[i] : `column ${i + 1}`));
    const named = columns.length > 0 ? `Columns affected: ${columns.slice(0, 10).map((c) => `"${c}"`).join(', ')}${columns.length > 10 ? ` and ${count(columns.length - 10)} more` : ''}. ` : '';
    const line = report.invalidLines[0] ?? 0;
    return [{
      messageId: 'legacyEncoding',
      range: table.lines.lineRange(line < table.lines.lineCount ? line : 0),
      message:
        `Not UTF-8: ${count(report.invalidLineCount)} ${report.invalidLineCount === 1 ? 'line reads' : 'lines read'} as ${legacy.name} (first on line ${line + 1}); ` +
        `${columns.length === 1 ? '1 column' : `${count(columns.length)} columns`} affected`,
      detail:
        `The file is not UTF-8: ${count(report.invalidLineCount)} ${report.invalidLineCount === 1 ? 'line holds' : 'lines hold'} bytes that are not valid UTF-8 (the first on line ${line + 1}), ` +
        `and they read cleanly as ${legacy.name} (${percent(legacy.letterShare)} of their ${count(legacy.bytes)} non-ASCII bytes are letters there), the encoding the file was most likely saved in. ` +
        named +
        `Read as UTF-8 these characters show as \uFFFD, so a value such as a name or a label with an accent is not read as written. ` +
        `Convert the file to UTF-8 (iconv -f ${ICONV[legacy.id]} -t UTF-8), or in VS Code use "Reopen with Encoding" → ${EDITOR[legacy.id]} before editing: ` +
        `saving the text as it is shown now would replace each of these characters with \uFFFD for good.`,
      data: {
        kind: 'legacy-encoding', encoding: legacy.id, encodingName: legacy.name, lines: report.invalidLineCount, line: line + 1,
        bytes: legacy.bytes, letterShare: legacy.letterShare, columns,
      },
    }];
  },
};
