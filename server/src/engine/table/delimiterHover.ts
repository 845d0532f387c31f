// On the header line of a table read with another delimiter than its name gives (a .csv
// split on semicolons or tabs; sniffDelimiter.ts), the hover says which one and why, so a
// reader knows how the columns the findings name were found.
import type { DocumentAnalysis } from '../lintDocument';
import type { Position } from '../types';
import { delimiterChoiceText } from './sniffDelimiter';

export function delimiterHover(analysis: DocumentAnalysis, position: Position): string | undefined {
  if (analysis.kind !== 'dataset') return undefined;
  const { table } = analysis;
  const choice = table.delimiterChoice;
  if (!choice || !table.headerRow) return undefined;
  const line = table.lines.positionAt(table.headerRow.start).line;
  if (position.line !== line) return undefined;
  return `**Cohort Lint: delimiter**\n\n${delimiterChoiceText(choice)}`;
}
