// Quick fixes of the privacy rules, by rule id: move the identifier columns to an
// identifiers file keyed by a pseudonym (losing nothing), or generalise a column in place
// (dates to the year, ZIP-5 to ZIP-3, ages over 89 to 90+).
import type { DatasetAnalysis } from '../lintDataset';
import type { DocumentAnalysis } from '../lintDocument';
import { privacyDate } from '../rules/privacy/privacyDate';
import { privacyDirectIdentifier } from '../rules/privacy/privacyDirectIdentifier';
import { privacyGeography } from '../rules/privacy/privacyGeography';
import { identifiersPath } from '../privacy/identifiersName';
import { privacyState } from '../rules/privacy/common';
import type { Fix } from '../types';
import type { FixContext } from './fixProvider';
import { ruleFixes } from './ruleFixes';
import { cellsText, generaliseFix, to90Plus, toYear, toZip3 } from './privacy/generalise';
import { moveIdentifiersFix } from './privacy/moveIdentifiers';

/** The move fix, computed once per analysis and identifiers-file state. */
const cache = new WeakMap<DatasetAnalysis, { key: string; fix: Fix | undefined }>();

function move(analysis: DatasetAnalysis, context: FixContext): Fix[] {
  const state = privacyState(analysis);
  if (!state) return [];
  let entry = cache.get(analysis);
  const key = [1, 2, 3].map((attempt) => (context.read(identifiersPath(analysis.path, attempt)) === undefined ? '0' : '1')).join('');
  if (!entry || entry.key !== key) {
    entry = { key, fix: moveIdentifiersFix(analysis, state, context.read) };
    cache.set(analysis, entry);
  }
  return entry.fix ? [entry.fix] : [];
}

const direct = (analysis: DocumentAnalysis, _finding: unknown, context: FixContext): Fix[] => (analysis.kind === 'dataset' ? move(analysis, context) : []);

/** Generalises one column's cells in place (dates to the year, ZIP-5 to ZIP-3, ages to 90+). */
function generalise(analysis: DatasetAnalysis, column: number, rewrite: Parameters<typeof generaliseFix>[2], title: (cells: number, name: string) => string): Fix[] {
  const name = analysis.table.header[column];
  const fix = generaliseFix(analysis, column, rewrite, (n) => title(n, name));
  return fix ? [fix] : [];
}

const toZip3Fix = (analysis: DatasetAnalysis, column: number) =>
  generalise(analysis, column, toZip3, (n, name) => `Generalise ${cellsText(n)} in "${name}" to ZIP-3 (000 for restricted areas)`);

export const PRIVACY_FIXES = Object.fromEntries([
  ruleFixes(privacyDirectIdentifier, { identifier: direct }),
  ruleFixes(privacyDate, {
    age: (analysis, { data }) => (analysis.kind === 'dataset' ? generalise(analysis, data.columnIndex, to90Plus, (n, name) => `Aggregate ${cellsText(n)} over 89 in "${name}" to 90+`) : []),
    ageTopCoded: (analysis, { data }) => (analysis.kind === 'dataset' ? generalise(analysis, data.columnIndex, to90Plus, (n, name) => `Label ${cellsText(n)} of 90 in "${name}" as 90+`) : []),
    date: (analysis, { data }, context) => (analysis.kind === 'dataset'
      ? [...generalise(analysis, data.columnIndex, toYear, (n, name) => `Keep only the year of ${cellsText(n)} in "${name}"`), ...move(analysis, context)]
      : []),
    // A shifted year means nothing: moving the column out is the only fix.
    dateShifted: (analysis, _finding, context) => (analysis.kind === 'dataset' ? move(analysis, context) : []),
  }),
  ruleFixes(privacyGeography, {
    zip5: (analysis, { data }, context) => (analysis.kind === 'dataset' ? [...toZip3Fix(analysis, data.columnIndex), ...move(analysis, context)] : []),
    'zip3-restricted': (analysis, { data }) => (analysis.kind === 'dataset' ? toZip3Fix(analysis, data.columnIndex) : []),
    geography: direct,
  }),
]);
