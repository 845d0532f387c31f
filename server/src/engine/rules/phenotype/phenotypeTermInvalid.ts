// Malformed HPO, MONDO and OMIM ids in term columns, each marked at its cell. Term
// columns are those named for a system (hpo_terms, mondo_id, omim) and those whose
// values are mostly such ids. A row scan collects them, so streamed files are covered.
import { columnMarkers } from '../../columnMarkers';
import { count } from '../../format';
import type { MissingMarkers } from '../../missing';
import { isIdentifierColumn } from '../../phenotype/identifiers';
import { attemptedSystem, isValidTerm, suggestedTerm, systemNamedBy, termTokens, type TermSystem } from '../../phenotype/terms';
import type { DatasetRule, RawFindingOf, RowScan } from '../rule';

/** Cells marked per file; the messages give the total. */
export const MAX_TERM_FINDINGS = 100;
/** A column not named for a system stops being examined after this many values with no id attempt among them. */
const SNIFF_LIMIT = 1000;
const CELL_HINT = /(?:^|[;|,\s])(?:hpo?|mondo|o?mim)(?![a-z])/i;

interface Malformed {
  line: number;
  token: string;
  system: TermSystem;
}

interface ColumnState {
  named?: TermSystem;
  /** Non-missing cells seen, and those holding at least one id attempt. */
  values: number;
  withAttempt: number;
  malformed: number;
  /** Well-formed ids seen. */
  valid: number;
  /**
   * An identifier column by name (`sample`, `patient_id`) not named for a system. Its values
   * are ids such as HP1001 that look like malformed terms; it counts as a term column only
   * when most ids in it are well-formed terms.
   */
  identifier: boolean;
  kept: Malformed[];
  dropped: boolean;
}

interface TermScanState {
  markers: MissingMarkers[];
  columns: ColumnState[];
  /**
   * The columns not dropped, in order: most columns are dropped within their first
   * thousand values, and a row then costs nothing (an editor runs this scan over every row
   * of a 100,000-row file on each edit).
   */
  live: number[];
}

const scan: RowScan<TermScanState> = {
  begin({ header, policy, ancestryColumns, schema }) {
    const columns = header.map((name, i): ColumnState => {
      const named = ancestryColumns.includes(i) ? undefined : systemNamedBy(name);
      return { named, values: 0, withAttempt: 0, malformed: 0, valid: 0, identifier: !named && isIdentifierColumn(name), kept: [], dropped: ancestryColumns.includes(i) };
    });
    return { markers: columnMarkers(header, policy, ancestryColumns, schema), columns, live: columns.flatMap((c, i) => (c.dropped ? [] : [i])) };
  },
  row(state, values, line) {
    let dropped = false;
    for (const i of state.live) {
      if (i >= values.length) break;
      const column = state.columns[i];
      const value = values[i];
      if (!column.named && !CELL_HINT.test(value)) {
        if (value.length > 0 && state.markers[i].match(value) === undefined && ++column.values > SNIFF_LIMIT && column.withAttempt === 0) dropped = column.dropped = true;
        continue;
      }
      if (state.markers[i].match(value) !== undefined) continue;
      column.values++;
      let attempted = false;
      for (const token of termTokens(value)) {
        const system = attemptedSystem(token) ?? (column.named && /\d/.test(token) ? column.named : undefined);
        if (!system) continue;
        attempted = true;
        if (isValidTerm(token)) { column.valid++; continue; }
        column.malformed++;
        if (column.kept.length < MAX_TERM_FINDINGS) column.kept.push({ line, token, system });
      }
      if (attempted) column.withAttempt++;
    }
    if (dropped) state.live = state.live.filter((i) => !state.columns[i].dropped);
  },
};

function shown(token: string): string {
  return JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}…` : token);
}

export type PhenotypeTermInvalidMessages = {
  invalid: { column: string; columnIndex: number; line: number; token: string; system: string; suggestion: string | undefined; total: number; marked: number };
};

export const phenotypeTermInvalid: DatasetRule<PhenotypeTermInvalidMessages> = {
  id: 'phenotype-term-invalid',
  defaultSeverity: 'warning',
  description: 'A malformed HPO (HP: + 7 digits), MONDO (MONDO: + 7 digits) or OMIM (OMIM: + 6 digits) id in a term column, marked at its cell.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    invalid: 'Terms that are not valid codes of their ontology.',
  },
  scan,
  check({ table, scans, cellRange }) {
    const state = scans.get(scan);
    if (!state) return [];
    // A column named for a system, or one where most values hold an id attempt (and, in an
    // identifier column, most of those ids are well-formed terms).
    const isTermColumn = (c: ColumnState): boolean =>
      c.named !== undefined || (!c.dropped && c.withAttempt > 0 && c.withAttempt * 2 >= c.values && (!c.identifier || c.valid > c.malformed));
    const termColumns = state.columns.flatMap((c, i) => (isTermColumn(c) ? [i] : []));
    const total = termColumns.reduce((sum, i) => sum + state.columns[i].malformed, 0);
    if (total === 0) return [];
    const marked = termColumns
      .flatMap((i) => state.columns[i].kept.map((m) => ({ ...m, columnIndex: i })))
      .sort((a, b) => a.line - b.line || a.columnIndex - b.columnIndex)
      .slice(0, MAX_TERM_FINDINGS);
    const tail = total > marked.length ? `${count(total)} malformed term ids in this file; the first ${marked.length} are marked.` : `${count(total)} malformed term ${total === 1 ? 'id' : 'ids'} in this file.`;
    return marked.map((m): RawFindingOf<PhenotypeTermInvalidMessages> => {
      const column = table.header[m.columnIndex];
      const suggestion = suggestedTerm(m.token, m.system);
      return {
        messageId: 'invalid',
        range: cellRange(m.line, m.columnIndex) ?? { start: { line: m.line, character: 0 }, end: { line: m.line, character: 0 } },
        message: `${shown(m.token)} is not a well-formed ${m.system.id} id${suggestion ? `; did you mean ${suggestion}?` : ''}`,
        detail:
          `${shown(m.token)} in column "${column}" (line ${m.line + 1}) is not a well-formed ${m.system.id} id: ${m.system.prefix}: followed by ${m.system.digits} digits, e.g. ${m.system.example}` +
          `${suggestion ? `; did you mean ${suggestion}?` : '.'} ${tail}`,
        data: { column, columnIndex: m.columnIndex, line: m.line + 1, token: m.token, system: m.system.id, suggestion, total, marked: marked.length },
      };
    });
  },
};
