// table-rows-not-participants: rows under the header that the table leaves out because they
// are not participants (table/nonParticipantRows.ts): metadata rows (a TCGA Biotab alias
// header and CDE_ID row, a repeated header) and rows holding only an identifier. Said once
// per kind, with how many rows, so nobody wonders why the counts are lower than the lines.
import { count, rows } from '../format';
import type { MetadataKind } from '../table/nonParticipantRows';
import type { Range } from '../types';
import type { DatasetRule, RawFinding } from './rule';

const KIND_TEXT: Record<MetadataKind, string> = {
  'alias-header': 'a second header row of field aliases (GDC / TCGA Biotab)',
  'data-dictionary': 'a data-dictionary row of CDE_ID: references (GDC / TCGA Biotab)',
  'repeated-header': 'a repeated header row',
};

export const tableRowsNotParticipants: DatasetRule = {
  id: 'table-rows-not-participants',
  defaultSeverity: 'warning',
  description: 'Rows left out as not participants: metadata rows under the header (TCGA Biotab alias and CDE_ID rows, repeated headers) and rows holding only an id.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    metadata: 'Rows under the header that are metadata (a repeated header, a data-dictionary row), not participants.',
    idOnly: 'Rows that hold only an identifier.',
  },
  check({ table }) {
    const counts = table.nonParticipants;
    if (!counts || !table.headerRow) return [];
    const headerLine = table.lines.positionAt(table.headerRow.start).line;
    const at = (line: number): Range => table.lines.lineRange(line < table.lines.lineCount ? line : headerLine);
    const findings: RawFinding[] = [];
    const metadata = counts.metadata;
    if (metadata.length > 0) {
      const total = metadata.reduce((n, m) => n + m.rows, 0);
      findings.push({
        messageId: 'metadata',
        range: at(metadata[0].firstLine),
        message: `${rows(total)} under the header ${total === 1 ? 'was' : 'were'} read as metadata, not participants (first on line ${metadata[0].firstLine + 1})`,
        detail:
          `${rows(total)} under the header ${total === 1 ? 'was' : 'were'} read as metadata, not participants: ` +
          `${metadata.map((m) => `${m.rows === 1 ? KIND_TEXT[m.kind] : `${count(m.rows)} × ${KIND_TEXT[m.kind]}`} (line ${m.firstLine + 1})`).join(', ')}. ` +
          'They are left out of every count and of every per-row check.',
        data: { kind: 'metadata', rows: total, rowsByKind: Object.fromEntries(metadata.map((m) => [m.kind, m.rows])), line: metadata[0].firstLine + 1 },
        defaultSeverity: 'information',
      });
    }
    if (counts.idOnly > 0) {
      findings.push({
        messageId: 'idOnly',
        range: at(counts.idOnlyFirstLine ?? headerLine),
        message: `${rows(counts.idOnly)} ${counts.idOnly === 1 ? 'holds' : 'hold'} only an id ("${counts.idColumn}"), left out as not participants`,
        detail:
          `${rows(counts.idOnly)} ${counts.idOnly === 1 ? 'holds' : 'hold'} only an id (column "${counts.idColumn}"; every other cell empty), the first on line ${(counts.idOnlyFirstLine ?? 0) + 1}: ` +
          'an id with no data is not a participant, so these rows are left out of every count, denominator and per-row finding. ' +
          'Remove them, or fill in their data.',
        data: { kind: 'id-only', rows: counts.idOnly, column: counts.idColumn, line: (counts.idOnlyFirstLine ?? 0) + 1 },
      });
    }
    return findings;
  },
};
