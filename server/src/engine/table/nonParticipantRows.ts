// Rows under the header that are not participants, left out of the table so they are in
// no count, no denominator and no per-row finding:
// - metadata: GDC / TCGA Biotab's alias header and `CDE_ID:` data-dictionary rows directly
//   under the header; a repeated header row anywhere (files concatenated with their
//   headers). (A ROBOT template's directive row is dropped by the parser, templateRow.ts.)
// - a row holding only an identifier, every other cell empty: an id with no data is not a
//   participant who answered. Decided only when the header has at least three columns and
//   a record id column (the participant column, else a first column named like an id), and
//   counted so table-rows-not-participants can say how many.
// Rows are left out of the analysis, never out of the file or the table's rows.
import { labelKey } from '../ancestry/labelKey';
import { isIdentifierColumn } from '../phenotype/identifiers';
import { participantColumn } from '../profile/participants';
import type { Table, TableRow } from './parse';

export type MetadataKind = 'alias-header' | 'data-dictionary' | 'repeated-header';

export interface NonParticipantCounts {
  /** Metadata rows by kind, with the 0-based line of the first. */
  metadata: { kind: MetadataKind; rows: number; firstLine: number }[];
  /** Rows holding only an identifier. */
  idOnly: number;
  idOnlyFirstLine?: number;
  /** The identifier column those rows fill. */
  idColumn?: string;
}

const CDE = /^CDE_ID:\d*$/i;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const empty = (v: string) => v.length === 0 || (v.charCodeAt(0) <= 32 && v.trim() === '');

const filled = (values: readonly string[]) => values.map((v) => v.trim()).filter((v) => v !== '');

function sameAsHeader(values: readonly string[], header: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < values.length && i < header.length; i++) if (values[i].trim() !== '' && labelKey(values[i]) === labelKey(header[i])) n++;
  return n;
}

export class NonParticipantRows {
  readonly counts: NonParticipantCounts = { metadata: [], idOnly: 0 };
  /** The record's id column: the participant column, else a first column named like an id. */
  private readonly idColumn: number;

  constructor(private readonly header: readonly string[]) {
    const participant = participantColumn(header)?.index;
    this.idColumn = header.length < 3 ? -1 : participant ?? (isIdentifierColumn(header[0]) ? 0 : -1);
    if (this.idColumn >= 0) this.counts.idColumn = header[this.idColumn];
  }

  /**
   * True when the row is left out; `dataRows` is how many rows were kept before it. `line`
   * is the row's line, or how to find it (read only for a row left out).
   */
  skip(values: readonly string[], dataRows: number, line: number | (() => number)): boolean {
    const reason = this.reason(values, dataRows);
    if (reason === undefined) return false;
    this.count(reason, typeof line === 'number' ? line : line());
    return true;
  }

  /** Why the row is left out (see skip), without counting it; undefined when it is kept. */
  reason(values: readonly string[], dataRows: number): MetadataKind | 'id-only' | undefined {
    return this.metadataKind(values, dataRows) ?? (this.idColumn >= 0 && this.onlyIdentifier(values) ? 'id-only' : undefined);
  }

  /** Counts a row left out for `reason`, on 0-based line `line`. */
  count(reason: MetadataKind | 'id-only', line: number): void {
    if (reason === 'id-only') {
      this.counts.idOnly++;
      this.counts.idOnlyFirstLine ??= line;
      return;
    }
    const seen = this.counts.metadata.find((m) => m.kind === reason);
    if (seen) seen.rows++;
    else this.counts.metadata.push({ kind: reason, rows: 1, firstLine: line });
  }

  private metadataKind(values: readonly string[], dataRows: number): MetadataKind | undefined {
    // Past the first rows only a repeated header is looked for, and it repeats the first name verbatim.
    if (dataRows > 0 && values[0] !== this.header[0]) return undefined;
    const cells = filled(values);
    if (cells.length < 2) return undefined;
    const same = sameAsHeader(values, this.header);
    if (same === cells.length) return 'repeated-header';
    if (dataRows > 0) return undefined;
    if (cells.filter((c) => CDE.test(c)).length * 2 >= cells.length) return 'data-dictionary';
    // Biotab's second header row: field names, half of them the header's own.
    if (cells.every((c) => NAME.test(c)) && same * 2 >= cells.length && same < cells.length) return 'alias-header';
    return undefined;
  }

  /** The id cell is filled and every other cell is empty. */
  private onlyIdentifier(values: readonly string[]): boolean {
    const id = values[this.idColumn];
    if (id === undefined || empty(id)) return false;
    for (let i = 0; i < values.length; i++) if (i !== this.idColumn && !empty(values[i])) return false;
    return true;
  }
}

/** Marks the rows of a parsed (or spliced) table that are not participants, and counts them. */
export function markNonParticipants(table: Table): Table {
  delete table.excludedRows;
  delete table.nonParticipants;
  const rows = new NonParticipantRows(table.header);
  // A plain loop and no closure per row: a splice runs this over every row of the table after each edit.
  const all = table.rows;
  let excluded: Set<TableRow> | undefined;
  for (let index = 0; index < all.length; index++) {
    const row = all[index];
    const reason = rows.reason(row.values, index - (excluded?.size ?? 0));
    if (reason === undefined) continue;
    rows.count(reason, table.lines.positionAt(row.start).line);
    (excluded ??= new Set()).add(row);
  }
  if (excluded) table.excludedRows = excluded;
  if (rows.counts.metadata.length > 0 || rows.counts.idOnly > 0) table.nonParticipants = rows.counts;
  return table;
}
