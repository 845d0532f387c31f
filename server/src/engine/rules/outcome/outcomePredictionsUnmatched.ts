// outcome-predictions-unmatched: rows of the cohort and of the predictions table
// (outcome.predictions) that do not find each other on outcome.join. They are left out
// of every outcome figure, so the count is reported rather than dropped silently.
import { count, percent } from '../../format';
import type { DatasetRule } from '../rule';
import { outcomeOf } from './common';

export type OutcomePredictionsUnmatchedMessages = {
  unmatched: { predictions: string; join: string | undefined; labelledRows: number; unmatchedRows: number; predictionRows: number; unmatchedPredictionKeys: number; duplicateKeys: number; emptyKeys: number };
};

export const outcomePredictionsUnmatched: DatasetRule<OutcomePredictionsUnmatchedMessages> = {
  id: 'outcome-predictions-unmatched',
  defaultSeverity: 'information',
  description: 'Labelled cohort rows without a row in the predictions table (outcome.predictions, matched on outcome.join), or prediction rows matching no cohort row: left out of the outcome figures.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    unmatched: 'Predictions rows that match no dataset row, or dataset rows with no prediction.',
  },
  check(context) {
    const a = outcomeOf(context);
    const p = a?.columns.predictions;
    if (!a || !p || !a.columns.hasOutput) return [];
    const s = a.state;
    const labelled = s.rows - s.labelMissing;
    const orphans = p.byKey.size - s.matchedKeys.size;
    if (s.unmatched === 0 && orphans === 0 && p.duplicateKeys === 0 && p.emptyKeys === 0) return [];
    const parts: string[] = [];
    const short: string[] = [];
    if (s.unmatched > 0) short.push(`${count(s.unmatched)} of ${count(labelled)} labelled rows have no prediction`);
    if (orphans > 0) short.push(`${count(orphans)} prediction ${orphans === 1 ? 'key matches' : 'keys match'} no row`);
    if (p.duplicateKeys > 0) short.push(`${count(p.duplicateKeys)} prediction ${p.duplicateKeys === 1 ? 'row repeats' : 'rows repeat'} a key`);
    if (p.emptyKeys > 0) short.push(`${count(p.emptyKeys)} prediction ${p.emptyKeys === 1 ? 'row has' : 'rows have'} no key`);
    const others = short.length - 1;
    if (s.unmatched > 0) parts.push(`${count(s.unmatched)} of ${count(labelled)} labelled rows (${percent(labelled > 0 ? s.unmatched / labelled : 0)}) have no row in "${p.name}" with the same "${a.columns.outcome.join}"`);
    if (orphans > 0) parts.push(`${count(orphans)} of its ${count(p.byKey.size)} keys match no row here`);
    if (p.duplicateKeys > 0) parts.push(`${count(p.duplicateKeys)} of its rows repeat an earlier key (the first is used)`);
    if (p.emptyKeys > 0) parts.push(`${count(p.emptyKeys)} of its rows have no key`);
    return [{
      messageId: 'unmatched',
      range: context.headerCell(Math.max(0, a.columns.joinIndex)),
      message: `Predictions in "${p.name}": ${short[0]}${others > 0 ? ` (and ${others} more ${others === 1 ? 'mismatch' : 'mismatches'})` : ''}`,
      detail: `Predictions joined from "${p.name}" on "${a.columns.outcome.join}": ${parts.join('; ')}. Unmatched rows are left out of the outcome figures.`,
      data: { predictions: p.name, join: a.columns.outcome.join, labelledRows: labelled, unmatchedRows: s.unmatched, predictionRows: p.rows, unmatchedPredictionKeys: orphans, duplicateKeys: p.duplicateKeys, emptyKeys: p.emptyKeys },
    }];
  },
};
