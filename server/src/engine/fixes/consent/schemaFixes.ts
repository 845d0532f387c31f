// Consent quick fixes on Table Schemas, as format-preserving edits (structured/edits.ts):
// add a required consent field of DUO permissions, require it, constrain it.
import { PERMISSION_SHORTHANDS } from '../../consent/duo';
import type { StructuredAnalysis } from '../../documents/lintStructured';
import { addSchemaField, setFieldConstraint, setFieldEnum } from '../../structured/edits';
import type { DocPath } from '../../structured/structuredDocument';
import type { Fix } from '../../types';

export const CONSENT_FIELD_DESCRIPTION =
  'Data use permission the participant consented to: one DUO term (GRU, HMB, DS, POA, NRES). ' +
  'Modifiers such as NPU or IRB and the disease of DS (a MONDO id) go in their own fields.';

function fix(analysis: StructuredAnalysis, title: string, edits: Fix['changes'][number]['edits']): Fix[] {
  return edits.length ? [{ title, changes: [{ path: analysis.path, edits }] }] : [];
}

export function addConsentFieldFix(analysis: StructuredAnalysis, pointer: DocPath, column: string): Fix[] {
  const name = column || 'consent';
  const field = { name, type: 'string', description: CONSENT_FIELD_DESCRIPTION, constraints: { required: true, enum: [...PERMISSION_SHORTHANDS] } };
  return fix(analysis, `Add a required "${name}" field of DUO permissions to the schema`, addSchemaField(analysis.doc, pointer, field));
}

export function requireConsentFieldFix(analysis: StructuredAnalysis, field: string, fieldPath: DocPath): Fix[] {
  return fix(analysis, `Make "${field}" required (constraints.required: true)`, setFieldConstraint(analysis.doc, fieldPath, 'required', true));
}

export function constrainConsentFieldFix(analysis: StructuredAnalysis, field: string, fieldPath: DocPath): Fix[] {
  return fix(analysis, `Constrain "${field}" to the DUO permissions (${PERMISSION_SHORTHANDS.join(', ')})`, setFieldEnum(analysis.doc, fieldPath, [...PERMISSION_SHORTHANDS]));
}
