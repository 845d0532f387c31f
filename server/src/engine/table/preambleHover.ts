// Hovers that explain how the lines above the header were read: on the file's first
// line, which lines were metadata and where the header is; on a header cell of a
// cBioPortal clinical file, the column's display name, description and datatype from
// those metadata lines, so a reviewer sees what the curator wrote about it.
import { contains } from '../hover';
import type { DocumentAnalysis } from '../lintDocument';
import type { Position } from '../types';
import type { MetadataKind } from './headerDetection';

const KIND_TEXT: Record<MetadataKind, string> = {
  comment: 'comment',
  'display-names': 'cBioPortal display names',
  descriptions: 'cBioPortal column descriptions',
  datatypes: 'cBioPortal datatypes (STRING, NUMBER, BOOLEAN)',
  priorities: 'cBioPortal priorities',
  'generic-names': 'generic column names (X1, X2, ..., Y) above the real header, a spreadsheet\'s second header row',
};

function md(text: string): string {
  return text.replace(/([\\`*_|[\]<>])/g, '\\$1');
}

export function preambleHover(analysis: DocumentAnalysis, position: Position): string | undefined {
  if (analysis.kind !== 'dataset') return undefined;
  const preamble = analysis.table.preamble;
  if (!preamble || preamble.metadata.length === 0) return undefined;
  const header = analysis.table.header;
  if (position.line === preamble.headerLine && preamble.columns.length > 0) {
    const index = header.findIndex((_, i) => contains(analysis.headerCell(i), position));
    const note = preamble.columns[index];
    if (index < 0 || !note) return undefined;
    return [
      `**Cohort Lint: column "${md(header[index])}"** (from the cBioPortal metadata lines)`,
      '',
      `- display name: ${md(note.displayName ?? '—')}`,
      `- description: ${md(note.description ?? '—')}`,
      `- datatype: ${md(note.datatype ?? '—')}`,
    ].join('\n');
  }
  if (position.line !== 0 || preamble.headerLine === 0) return undefined;
  const lines = preamble.metadata.map((m) => `- line ${m.line + 1}: ${KIND_TEXT[m.kind]}`);
  const headerText = preamble.hashHeader
    ? `The header is line ${preamble.headerLine + 1}, a \`#\` line (VCF / PLINK 2 style): the line below it reads as data.`
    : `The header is line ${preamble.headerLine + 1}${preamble.format === 'cbioportal' ? ' (cBioPortal clinical file: the four `#` lines above it are its metadata)' : ''}.`;
  return [
    `**Cohort Lint: ${preamble.metadata.length === 1 ? 'line 1 was' : `lines 1–${preamble.metadata.length} were`} read as metadata, not data**`,
    '',
    ...lines,
    '',
    `${headerText} None of these lines is counted as a row.`,
  ].join('\n');
}
