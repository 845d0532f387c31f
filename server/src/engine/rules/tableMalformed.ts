import { omopOptionalColumns } from '../cohort/omopFields';
import { count } from '../format';
import type { TermTable } from '../table/termTable';
import type { TableProblem } from '../table/parse';
import type { DatasetRule, RawFindingOf } from './rule';

/** Positioned field-count findings per file; past this, one summary on the header says how many more. */
const MAX_ROW_FINDINGS = 100;

const PER_PERSON_TABLES = new Set(['person', 'observation_period']);

/**
 * The OMOP CDM table a file is, by its name and fields (a person table) or, as the header
 * already told (termTable.ts), a vocabulary or system table: a CDM leaves empty the tables
 * a source has no data for (no devices, no notes), so such a table with no rows is not a fault.
 */
function cdmTableOf(path: string, header: readonly string[], termTable: TermTable | undefined): string | undefined {
  return omopOptionalColumns(path, header)?.table ?? (termTable?.kind === 'omop' || termTable?.kind === 'omop-system' ? termTable.table : undefined);
}

/** A table problem's verdict, and the detail behind it where there is more to say. */
export function problemMessage(problem: TableProblem, line: number): { message: string; detail?: string } {
  const at = `line ${line + 1}`;
  switch (problem.kind) {
    case 'empty': return { message: 'The file is empty: a dataset needs a header row and data rows.' };
    case 'no-rows': return { message: 'The table has a header but no data rows, so nothing can be assessed.' };
    case 'binary': return { message: 'The file looks binary (it contains NUL bytes), not CSV or TSV text; nothing else was checked.' };
    case 'arff':
      return {
        message: `Weka ARFF file (${problem.expected} @attribute lines, then @data), not CSV or TSV text: nothing else was checked`,
        detail: 'ARFF (Attribute-Relation File Format) names its columns on @attribute lines and holds comma-separated rows after @data, with ? for a missing value. ' +
          'Read as CSV, every @attribute line would be a malformed row, so the file is reported once instead. To lint it, save it as CSV with the attribute names as the header row ' +
          '(Weka: "Save as CSV"; Python: scipy.io.arff.loadarff, then pandas to_csv) and keep ? as the missing marker.',
      };
    case 'undecodable': return { message: `The row at ${at} contains bytes that are not valid UTF-8 (shown as �) or NUL characters.` };
    case 'unclosed-quote': return { message: `Unclosed quote in the row at ${at}: its field never ends`, detail: 'The row was skipped and linting resumed on the next line.' };
    case 'bad-quote': return { message: `Malformed quoting in the row at ${at} (a quote inside an unquoted field, or text after a closing quote).` };
    case 'field-count': return { message: `The row at ${at} has ${problem.actual} fields; the header has ${problem.expected}.` };
    case 'ragged-header':
      return {
        message: `The header has ${problem.actual} fields but only ${problem.expected} are named (trailing delimiters)`,
        detail: `The last ${problem.actual! - problem.expected!} header fields are empty (trailing delimiters). Data rows are checked against the ${problem.expected} named columns, ` +
          'so nothing is lost; removing the trailing delimiters makes the header match the rows.',
      };
  }
}

/** A table problem's line and field counts (expected: the header's; actual: the row's). */
type ProblemData = { kind: Exclude<TableProblem['kind'], 'ragged-header'>; line: number; expected: number | undefined; actual: number | undefined };

export type TableMalformedMessages = {
  empty: ProblemData;
  'no-rows': ProblemData;
  binary: ProblemData;
  arff: ProblemData;
  undecodable: ProblemData;
  'unclosed-quote': ProblemData;
  'bad-quote': ProblemData;
  'field-count': ProblemData;
  'field-count-summary': { kind: 'field-count-summary'; rows: number };
};

export const tableMalformed: DatasetRule<TableMalformedMessages> = {
  id: 'table-malformed',
  defaultSeverity: 'error',
  description: 'The text is not a well-formed table: unclosed quote, a row whose field count differs from the header, undecodable bytes, no rows.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    empty: 'The file is empty.',
    'no-rows': 'A header with no data rows.',
    binary: 'The file looks binary.',
    arff: 'A Weka ARFF file, not CSV or TSV: reported once, not linted.',
    undecodable: 'A row with bytes that are not UTF-8.',
    'unclosed-quote': 'A row with an unclosed quote.',
    'bad-quote': 'A row with malformed quoting.',
    'field-count': 'A row whose field count differs from the header\'s.',
    'field-count-summary': 'How many rows have a different field count, past the first marked.',
  },
  check({ table, path, termTable }) {
    const findings: RawFindingOf<TableMalformedMessages>[] = [];
    const fieldCount = table.problems.filter((p) => p.kind === 'field-count');
    let rowFindings = 0;
    for (const problem of table.problems) {
      // Trailing empty header fields are reported by table-header-trailing-fields, at information level.
      if (problem.kind === 'ragged-header') continue;
      if (problem.kind === 'field-count' && ++rowFindings > MAX_ROW_FINDINGS) continue;
      // A streamed table keeps only its head's text: later lines get a range without it.
      const line = problem.line ?? table.lines.positionAt(problem.start).line;
      const range = line < table.lines.lineCount
        ? table.lines.lineRange(line)
        : { start: { line, character: 0 }, end: { line, character: problem.end - problem.start } };
      const data = { kind: problem.kind, line: line + 1, expected: problem.expected, actual: problem.actual } as const;
      const cdmTable = problem.kind === 'no-rows' ? cdmTableOf(path, table.header, termTable) : undefined;
      // PERSON and OBSERVATION_PERIOD must hold a row per person: empty, they are a fault.
      if (cdmTable && !PER_PERSON_TABLES.has(cdmTable)) {
        findings.push({
          messageId: 'no-rows', range, data, defaultSeverity: 'information',
          message: `The OMOP CDM table ${cdmTable.toUpperCase()} has no rows: nothing in it to assess`,
          detail: 'An OMOP CDM instance ships every table and leaves empty those its source has no data for (OMOP CDM v5.4: only PERSON and OBSERVATION_PERIOD must hold a row for every person), so an empty table is not a fault.',
        });
        continue;
      }
      // Not a fault of the data, only of the format it is in: a warning, as nothing was checked.
      const severity = problem.kind === 'arff' ? { defaultSeverity: 'warning' as const } : {};
      findings.push({ messageId: problem.kind, range, ...problemMessage(problem, line), data, ...severity });
    }
    if (fieldCount.length > MAX_ROW_FINDINGS && table.headerRow) {
      findings.push({
        messageId: 'field-count-summary',
        range: table.lines.lineRange(table.lines.positionAt(table.headerRow.start).line),
        message: `${count(fieldCount.length)} rows have a field count different from the header's ${table.header.length}; the first ${MAX_ROW_FINDINGS} are marked.`,
        data: { kind: 'field-count-summary', rows: fieldCount.length },
      });
    }
    return findings;
  },
};
