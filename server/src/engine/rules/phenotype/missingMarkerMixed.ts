// A phenotype column that writes "missing" in more than one way (NA and ?, empty and
// unknown): every reader then has to know all of them.
import { count } from '../../format';
import { isSpreadsheetError } from '../../spreadsheetErrors';
import type { DatasetRule, RawFindingOf } from '../rule';
import { firstFitting } from '../verdictFit';
import { markerList, rolesOf } from './roles';

export type MissingMarkerMixedMessages = {
  mixed: { column: string; columnIndex: number; markers: Record<string, number>; [fact: string]: unknown };
};

export const missingMarkerMixed: DatasetRule<MissingMarkerMixedMessages> = {
  id: 'missing-marker-mixed',
  defaultSeverity: 'information',
  description: 'A phenotype column uses more than one missing marker (NA and ?, empty and unknown, ...).',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    mixed: 'A column that writes missing values in several ways.',
  },
  check(context) {
    const { profile, policy, headerCell } = context;
    const target = policy.phenotype.missingValue;
    const findings: RawFindingOf<MissingMarkerMixedMessages>[] = [];
    for (const i of rolesOf(context).phenotype) {
      const column = profile.columns[i];
      if (column.missingByMarker.size < 2) continue;
      // Spreadsheet error values are no marker anyone chose (table-spreadsheet-errors); a fix never blanks them.
      const byMarker = new Map([...column.missingByMarker].filter(([m]) => !isSpreadsheetError(m)));
      if (byMarker.size < 2) continue;
      const markers = Object.fromEntries([...byMarker].sort((a, b) => b[1] - a[1]));
      findings.push({
        messageId: 'mixed',
        range: headerCell(i),
        message: firstFitting(
          `"${column.name}" writes missing values ${byMarker.size} ways: ${markerList(byMarker, count)}`,
          `"${column.name}" writes missing values ${byMarker.size} ways`,
        ),
        detail:
          `Column "${column.name}" writes missing values ${byMarker.size} ways: ${markerList(byMarker, count)} ` +
          `(${count(column.missing)} missing in all). One marker (phenotype.missingValue: ${target === '' ? 'an empty cell' : JSON.stringify(target)}) keeps every tool reading them alike.`,
        data: { column: column.name, columnIndex: i, markers, missing: column.missing, missingValue: target },
      });
    }
    return findings;
  },
};
