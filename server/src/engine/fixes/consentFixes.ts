// Quick fixes of the consent rules, by rule id: move rows without usable consent to a
// quarantine file (losing none), correct near-miss DUO codes, add the consent column or
// schema field.
import { quarantinePath } from '../consent/quarantineName';
import type { DatasetAnalysis } from '../lintDataset';
import type { Fix } from '../types';
import { addConsentColumnFix } from './consent/addColumn';
import { quarantineFix } from './consent/quarantine';
import { addConsentFieldFix, constrainConsentFieldFix, requireConsentFieldFix } from './consent/schemaFixes';
import type { FixContext, FixProvider } from './fixProvider';
import { normaliseLabelFix } from './normaliseLabel';

/** The quarantine fix, computed once per analysis and quarantine-file text. */
const cache = new WeakMap<DatasetAnalysis, { existing: string | undefined; fix: Fix | undefined }>();

function quarantine(analysis: DatasetAnalysis, context: FixContext): Fix[] {
  const existing = context.read(quarantinePath(analysis.path));
  let entry = cache.get(analysis);
  if (!entry || entry.existing !== existing) {
    entry = { existing, fix: quarantineFix(analysis, context.read) };
    cache.set(analysis, entry);
  }
  return entry.fix ? [entry.fix] : [];
}

const moveRows: FixProvider = (analysis, _finding, context) => (analysis.kind === 'dataset' ? quarantine(analysis, context) : []);

const invalidValue: FixProvider = (analysis, finding, context) => {
  if (analysis.kind !== 'dataset') return [];
  const data = finding.data ?? {};
  const fixes: Fix[] = [];
  if (typeof data.columnIndex === 'number' && typeof data.value === 'string' && typeof data.suggestion === 'string') {
    const near = normaliseLabelFix(analysis, data.columnIndex, data.value, data.suggestion);
    if (near) fixes.push(near);
  }
  return [...fixes, ...quarantine(analysis, context)];
};

const fieldMissing: FixProvider = (analysis, finding) => {
  const data = finding.data ?? {};
  if (analysis.kind === 'dataset') {
    const name = typeof data.column === 'string' && data.column ? data.column : 'consent';
    const fix = addConsentColumnFix(analysis, name);
    return fix ? [fix] : [];
  }
  if (analysis.kind === 'tableSchema' || analysis.kind === 'dataPackage') return addConsentFieldFix(analysis, data);
  return [];
};

export const CONSENT_FIXES: Record<string, FixProvider> = {
  'consent-field-missing': fieldMissing,
  'consent-value-missing': moveRows,
  'consent-value-invalid': invalidValue,
  'consent-withdrawn': moveRows,
  'consent-scope-mismatch': moveRows,
  'schema-consent-not-required': (analysis, finding) =>
    analysis.kind === 'tableSchema' || analysis.kind === 'dataPackage' ? requireConsentFieldFix(analysis, finding.data ?? {}) : [],
  'schema-consent-unconstrained': (analysis, finding) =>
    analysis.kind === 'tableSchema' || analysis.kind === 'dataPackage' ? constrainConsentFieldFix(analysis, finding.data ?? {}) : [],
};
