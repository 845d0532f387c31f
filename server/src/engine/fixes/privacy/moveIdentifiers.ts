// "Move N identifier columns to <name>.identifiers.<ext>": one workspace edit that takes
// every column the privacy rules found (direct identifiers, full dates, geography smaller
// than a state) out of the dataset and into the identifiers file, keyed by the study
// pseudonym. Where the policy names none (or it is not a unique value per row), a random
// study id column is added to the dataset and the mapping exists only in the identifiers
// file. Cells are copied verbatim; joining both files on the pseudonym gives the original
// rows, and undoing the edit restores the original text.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { labelKey } from '../../ancestry/labelKey';
import type { DatasetAnalysis } from '../../lintDataset';
import { identifiersPath } from '../../privacy/identifiersName';
import type { PrivacyScanState } from '../../privacy/scan';
import { movableColumns } from '../../privacy/verdicts';
import { cellSpans } from '../../table/cellOffsets';
import type { TableRow } from '../../table/parse';
import type { Fix } from '../../types';
import { lineBreakOf } from '../lineBreaks';
import { toTextEdits, type OffsetEdit } from '../mergeEdits';
import { isSymbolicLink } from '../../workspace';

const MAX_ATTEMPTS = 9;
export const NEW_PSEUDONYM = 'study_id';

/** 16 hex digits from the system's cryptographic generator: no one can derive them from the row. */
export type IdSource = () => string;
export const randomStudyId: IdSource = () => randomBytes(8).toString('hex');

/** The raw text of each cell (quotes kept), padded to `width` with empty cells. */
function rawCells(text: string, row: TableRow, delimiter: string, width: number): string[] {
  const cells = cellSpans(text, row.start, row.end, delimiter).map((s) => text.slice(s.start, s.end));
  while (cells.length < width) cells.push('');
  return cells;
}

/** The policy's pseudonym column when every row has its own non-empty value. */
function usablePseudonym(analysis: DatasetAnalysis, index: number | undefined): number | undefined {
  if (index === undefined) return undefined;
  const seen = new Set<string>();
  for (const row of analysis.table.rows) {
    const v = (row.values[index] ?? '').trim();
    if (v === '' || seen.has(v)) return undefined;
    seen.add(v);
  }
  return index;
}

function freeName(header: readonly string[]): string {
  const taken = new Set(header.map(labelKey));
  for (let i = 1; ; i++) {
    const name = i === 1 ? NEW_PSEUDONYM : `${NEW_PSEUDONYM}_${i}`;
    if (!taken.has(labelKey(name))) return name;
  }
}

function target(datasetPath: string, read: (p: string) => string | undefined): string | undefined {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const file = identifiersPath(datasetPath, attempt);
    // Never through a symbolic link: its target may lie outside the workspace and would receive the identifiers.
    if (read(file) === undefined && !isSymbolicLink(file)) return file;
  }
  return undefined;
}

export function moveIdentifiersFix(analysis: DatasetAnalysis, state: PrivacyScanState, read: (p: string) => string | undefined, newId: IdSource = randomStudyId): Fix | undefined {
  const { table } = analysis;
  if (!table.headerRow || table.rows.length === 0) return undefined;
  const moved = movableColumns(state).map((v) => v.index).sort((a, b) => a - b);
  if (moved.length === 0) return undefined;
  const file = target(analysis.path, read);
  if (!file) return undefined;
  const { text, delimiter } = table;
  const width = table.header.length;
  const movedSet = new Set(moved);
  const pseudonym = usablePseudonym(analysis, state.plan.pseudonym);
  const pseudonymName = pseudonym === undefined ? freeName(table.header) : undefined;
  const ids = new Set<string>();
  const fresh = (): string => {
    let id = newId();
    while (ids.has(id)) id = newId();
    ids.add(id);
    return id;
  };

  const split = (cells: string[], key: string | undefined) => {
    const kept = cells.filter((_, i) => !movedSet.has(i));
    const out = moved.map((i) => cells[i]);
    return { dataset: (key === undefined ? kept : [key, ...kept]).join(delimiter), side: [key ?? cells[pseudonym!], ...out].join(delimiter) };
  };
  const headerCells = rawCells(text, table.headerRow, delimiter, width);
  const head = split(headerCells, pseudonymName);
  const edits: OffsetEdit[] = [{ start: table.headerRow.start, end: table.headerRow.end, newText: head.dataset }];
  const sideLines = [head.side];
  for (const row of table.rows) {
    const parts = split(rawCells(text, row, delimiter, width), pseudonymName === undefined ? undefined : fresh());
    edits.push({ start: row.start, end: row.end, newText: parts.dataset });
    sideLines.push(parts.side);
  }
  const eol = lineBreakOf(text);
  const names = moved.map((i) => table.header[i]);
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')}, ...` : names.join(', ');
  const key = pseudonymName !== undefined ? `a new random ${pseudonymName} column` : `the pseudonym ${table.header[pseudonym!]}`;
  return {
    title: `Move ${names.length} identifier column${names.length === 1 ? '' : 's'} (${shown}) to ${path.basename(file)}, keyed by ${key}`,
    changes: [
      { path: file, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: sideLines.join(eol) + eol }] },
      { path: analysis.path, edits: toTextEdits(text, table.lines, edits) },
    ],
    isPreferred: false,
  };
}
