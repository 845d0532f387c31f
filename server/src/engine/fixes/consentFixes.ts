// Quick fixes of the consent rules, by rule id: move rows without usable consent to a
// quarantine file (losing none), correct near-miss DUO codes, add the consent column or
// schema field.
import { quarantinePath } from '../consent/quarantineName';
import type { StructuredAnalysis } from '../documents/lintStructured';
import type { DatasetAnalysis } from '../lintDataset';
import type { DocumentAnalysis } from '../lintDocument';
import { consentFieldMissing } from '../rules/consent/consentFieldMissing';
import { consentScopeMismatch } from '../rules/consent/consentScopeMismatch';
import { consentValueInvalid, type ConsentValueInvalidMessages } from '../rules/consent/consentValueInvalid';
import { consentValueMissing } from '../rules/consent/consentValueMissing';
import { consentWithdrawn } from '../rules/consent/consentWithdrawn';
import { schemaConsentNotRequired } from '../rules/consent/schemaConsentNotRequired';
import { schemaConsentUnconstrained } from '../rules/consent/schemaConsentUnconstrained';
import type { LoadedPolicy } from '../policy/loadPolicy';
import type { Fix } from '../types';
import { addConsentColumnFix } from './consent/addColumn';
import { quarantineFix } from './consent/quarantine';
import { addConsentFieldFix, constrainConsentFieldFix, requireConsentFieldFix } from './consent/schemaFixes';
import type { FixContext } from './fixProvider';
import { normaliseLabelFix } from './normaliseLabel';
import { ruleFixes, type MessageFix } from './ruleFixes';

/** The quarantine fix, computed once per analysis, policy and quarantine-file text. */
const cache = new WeakMap<DatasetAnalysis, { policy: LoadedPolicy; existing: string | undefined; fix: Fix | undefined }>();

function quarantine(analysis: DatasetAnalysis, context: FixContext): Fix[] {
  const existing = context.read(quarantinePath(analysis.path));
  let entry = cache.get(analysis);
  if (!entry || entry.policy !== context.policy || entry.existing !== existing) {
    entry = { policy: context.policy, existing, fix: quarantineFix(analysis, context.policy.policy, context.read) };
    cache.set(analysis, entry);
  }
  return entry.fix ? [entry.fix] : [];
}

const moveRows = (analysis: DocumentAnalysis, _finding: unknown, context: FixContext): Fix[] => (analysis.kind === 'dataset' ? quarantine(analysis, context) : []);

/** Every message of a rule whose rows the quarantine fix moves. */
const quarantined = { summary: moveRows, cell: moveRows, more: moveRows };

const isSchema = (analysis: DocumentAnalysis): analysis is StructuredAnalysis => analysis.kind === 'tableSchema' || analysis.kind === 'dataPackage';

/** A near-miss DUO code corrected in place, then the quarantine. */
const invalidValue: MessageFix<ConsentValueInvalidMessages, 'summary' | 'cell'> = (analysis, { data }, context) => {
  if (analysis.kind !== 'dataset') return [];
  const near = data.value !== undefined && data.suggestion !== undefined ? normaliseLabelFix(analysis, data.columnIndex, data.value, data.suggestion) : undefined;
  return [...(near ? [near] : []), ...quarantine(analysis, context)];
};

export const CONSENT_FIXES = Object.fromEntries([
  ruleFixes(consentFieldMissing, {
    'policy-column': (analysis, { data }) => addColumn(analysis, data.column),
    'no-column': (analysis) => addColumn(analysis, 'consent'),
    schema: (analysis, { data }) => (isSchema(analysis) ? addConsentFieldFix(analysis, data.pointer, data.column) : []),
  }),
  ruleFixes(consentValueMissing, { summary: moveRows, cell: moveRows }),
  ruleFixes(consentValueInvalid, { summary: invalidValue, cell: invalidValue, more: moveRows }),
  ruleFixes(consentWithdrawn, quarantined),
  ruleFixes(consentScopeMismatch, quarantined),
  ruleFixes(schemaConsentNotRequired, { notRequired: (analysis, { data }) => (isSchema(analysis) ? requireConsentFieldFix(analysis, data.field, data.fieldPath) : []) }),
  ruleFixes(schemaConsentUnconstrained, { unconstrained: (analysis, { data }) => (isSchema(analysis) ? constrainConsentFieldFix(analysis, data.field, data.fieldPath) : []) }),
]);

function addColumn(analysis: DocumentAnalysis, name: string): Fix[] {
  if (analysis.kind !== 'dataset') return [];
  const fix = addConsentColumnFix(analysis, name || 'consent');
  return fix ? [fix] : [];
}
