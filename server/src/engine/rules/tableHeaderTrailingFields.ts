// A header that ends in empty fields the rows do not have (the canonical 1000 Genomes
// panel ends its header with two tabs). The table reads fine, so it is information, not
// an error that would fail every CI run on a standard file.
import { problemMessage } from './tableMalformed';
import type { DatasetRule, RawFindingOf } from './rule';

export type TableHeaderTrailingFieldsMessages = {
  trailing: { kind: 'ragged-header'; line: number; named: number | undefined; fields: number | undefined };
};

export const tableHeaderTrailingFields: DatasetRule<TableHeaderTrailingFieldsMessages> = {
  id: 'table-header-trailing-fields',
  defaultSeverity: 'information',
  description: 'The header ends in empty fields (trailing delimiters); rows are read against the named columns.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    trailing: 'Empty header fields after the last named column (trailing delimiters).',
  },
  check({ table }) {
    const findings: RawFindingOf<TableHeaderTrailingFieldsMessages>[] = [];
    for (const problem of table.problems) {
      if (problem.kind !== 'ragged-header') continue;
      const line = problem.line ?? table.lines.positionAt(problem.start).line;
      findings.push({
        messageId: 'trailing',
        range: table.lines.lineRange(line),
        ...problemMessage(problem, line),
        data: { kind: problem.kind, line: line + 1, named: problem.expected, fields: problem.actual },
      });
    }
    return findings;
  },
};
