// Quick fixes of the privacy rules, by rule id: move the identifier columns to an
// identifiers file keyed by a pseudonym (losing nothing), or generalise a column in place
// (dates to the year, ZIP-5 to ZIP-3, ages over 89 to 90+).
import type { DatasetAnalysis } from '../lintDataset';
import { identifiersPath } from '../privacy/identifiersName';
import { privacyState } from '../rules/privacy/common';
import type { Fix } from '../types';
import type { FixContext, FixProvider } from './fixProvider';
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

function columnOf(data: Record<string, unknown>): number | undefined {
  return typeof data.columnIndex === 'number' ? data.columnIndex : undefined;
}

const direct: FixProvider = (analysis, _finding, context) => (analysis.kind === 'dataset' ? move(analysis, context) : []);

const date: FixProvider = (analysis, finding, context) => {
  if (analysis.kind !== 'dataset') return [];
  const data = finding.data ?? {};
  const column = columnOf(data);
  if (column === undefined) return [];
  const name = analysis.table.header[column];
  if (data.kind === 'age') {
    const fix = generaliseFix(analysis, column, to90Plus, (n) => `Aggregate ${cellsText(n)} over 89 in "${name}" to 90+`);
    return fix ? [fix] : [];
  }
  const year = generaliseFix(analysis, column, toYear, (n) => `Keep only the year of ${cellsText(n)} in "${name}"`);
  return [...(year ? [year] : []), ...move(analysis, context)];
};

const geography: FixProvider = (analysis, finding, context) => {
  if (analysis.kind !== 'dataset') return [];
  const data = finding.data ?? {};
  const column = columnOf(data);
  if (column === undefined) return [];
  const name = analysis.table.header[column];
  if (data.kind === 'zip5' || data.kind === 'zip3-restricted') {
    const fix = generaliseFix(analysis, column, toZip3, (n) => `Generalise ${cellsText(n)} in "${name}" to ZIP-3 (000 for restricted areas)`);
    return [...(fix ? [fix] : []), ...(data.kind === 'zip5' ? move(analysis, context) : [])];
  }
  return move(analysis, context);
};

export const PRIVACY_FIXES: Record<string, FixProvider> = {
  'privacy-direct-identifier': direct,
  'privacy-date': date,
  'privacy-geography': geography,
};
