// "Move N rows without usable consent to <name>.quarantine.<ext>": one workspace edit
// that writes those rows, verbatim and in order, under the dataset's header to the
// quarantine file (created, or appended to when it exists with the same header) and
// removes them from the dataset. Nothing is lost: the rows of both files together are
// the original rows; undoing the edit restores the original text.
import * as path from 'node:path';
import { quarantinePath } from '../../consent/quarantineName';
import { rows as rowsText } from '../../format';
import type { DatasetAnalysis } from '../../lintDataset';
import { LineIndex } from '../../table/lineIndex';
import { isSymbolicLink } from '../../workspace';
import { consentState } from '../../rules/consent/common';
import { parseTable, type TableRow } from '../../table/parse';
import type { Fix } from '../../types';
import { toTextEdits, type OffsetEdit } from '../mergeEdits';
import { breakAt, breakBefore, lineBreakOf } from '../lineBreaks';
import { withoutBom } from '../../table/bom';

/** How many `-2`, `-3`, ... names are tried when a quarantine file has another header. */
const MAX_ATTEMPTS = 9;

/**
 * The rows whose consent is not usable, in file order: the ones the analysis' consent
 * scan judged so (under the analysis' clock), so the rows moved are the rows reported.
 */
export function unusableRows(analysis: DatasetAnalysis): TableRow[] {
  const state = consentState(analysis);
  if (!state) return [];
  return state.unusable.toArray().map((i) => analysis.table.rows[i]).filter((row): row is TableRow => row !== undefined);
}

/** Deletions that remove the rows with their line breaks, merged where they touch. */
export function removalEdits(text: string, rows: readonly TableRow[]): OffsetEdit[] {
  const spans: OffsetEdit[] = [];
  for (const row of rows) {
    const after = breakAt(text, row.end);
    // The last row without a trailing line break takes the break before it instead.
    const span = after > 0 ? { start: row.start, end: row.end + after } : { start: row.start - breakBefore(text, row.start), end: row.end };
    const last = spans[spans.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else spans.push({ ...span, newText: '' });
  }
  return spans;
}

function sameHeader(existing: string, header: readonly string[], delimiter: string): boolean {
  const parsed = parseTable(withoutBom(existing), delimiter);
  return parsed.header.length === header.length && parsed.header.every((h, i) => h === header[i]);
}

/** What goes into the quarantine file, and where: created, appended, or a free name. */
function target(datasetPath: string, header: readonly string[], delimiter: string, read: (p: string) => string | undefined) {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const file = quarantinePath(datasetPath, attempt);
    // A name that is a symbolic link is taken: rows are never written through one.
    if (isSymbolicLink(file)) continue;
    const existing = read(file);
    if (existing === undefined) return { file, existing: undefined };
    if (existing.trim() === '' || sameHeader(existing, header, delimiter)) return { file, existing };
  }
  return undefined;
}

export function quarantineFix(analysis: DatasetAnalysis, read: (p: string) => string | undefined): Fix | undefined {
  const { table } = analysis;
  // A streamed analysis keeps no rows: its fixes could not name them.
  if (!table.headerRow || table.rows.length === 0) return undefined;
  const moved = unusableRows(analysis);
  if (moved.length === 0) return undefined;
  const where = target(analysis.path, table.header, table.delimiter, read);
  if (!where) return undefined;
  const { text } = table;
  const datasetEol = lineBreakOf(text);
  // Rows are copied verbatim; the breaks between them follow the quarantine file's own.
  const eol = where.existing === undefined ? datasetEol : lineBreakOf(where.existing, datasetEol);
  const body = moved.map((r) => text.slice(r.start, r.end)).join(eol) + eol;
  const headerText = text.slice(table.headerRow.start, table.headerRow.end);

  let quarantine: Fix['changes'][number];
  if (where.existing === undefined) {
    quarantine = { path: where.file, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: headerText + eol + body }] };
  } else {
    const lines = new LineIndex(where.existing);
    if (where.existing.trim() === '') {
      quarantine = { path: where.file, edits: [{ range: lines.range(0, where.existing.length), newText: headerText + eol + body }] };
    } else {
      const end = lines.positionAt(where.existing.length);
      const separator = breakBefore(where.existing, where.existing.length) > 0 ? '' : eol;
      quarantine = { path: where.file, edits: [{ range: { start: end, end }, newText: separator + body }] };
    }
  }
  const dataset = { path: analysis.path, edits: toTextEdits(text, table.lines, removalEdits(text, moved)) };
  return {
    title: `Move ${rowsText(moved.length)} without usable consent to ${path.basename(where.file)}`,
    changes: [quarantine, dataset],
    isPreferred: false,
  };
}
