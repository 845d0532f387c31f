// schema-consent-unconstrained: a consent-codes field that accepts any string.
import type { DocPath } from '../../structured/structuredDocument';
import { PERMISSION_SHORTHANDS } from '../../consent/duo';
import type { StructuredRule } from '../../documents/structuredRule';
import type { RawFindingOf } from '../rule';
import { consentFieldsIn } from './schemaConsent';

const STRING_TYPES = new Set([undefined, 'string', 'any']);

export type SchemaConsentUnconstrainedMessages = {
  unconstrained: { field: string; fieldPath: DocPath; [fact: string]: unknown };
};

export const schemaConsentUnconstrained: StructuredRule<SchemaConsentUnconstrainedMessages> = {
  id: 'schema-consent-unconstrained',
  defaultSeverity: 'warning',
  description: "A Table Schema's consent-codes field accepts any string instead of DUO terms (no enum or pattern).",
  fixable: true,
  appliesTo: ['tableSchema', 'dataPackage'],
  messages: {
    unconstrained: 'The consent field has no enum or pattern limiting it to DUO codes.',
  },
  checkDocument(context) {
    const findings: RawFindingOf<SchemaConsentUnconstrainedMessages>[] = [];
    for (const { schema, field, role, constraints } of consentFieldsIn(context)) {
      const type = typeof field.value.type === 'string' ? field.value.type : undefined;
      if (role !== 'codes' || !STRING_TYPES.has(type)) continue;
      if ((Array.isArray(constraints?.enum) && constraints.enum.length > 0) || typeof constraints?.pattern === 'string') continue;
      findings.push({
        messageId: 'unconstrained',
        range: context.doc.locate([...field.path, 'name']),
        message: `${schema.where}Consent field "${field.name}" accepts any ${type ?? 'value'}, not only DUO terms`,
        detail: `${schema.where}The consent field "${field.name}" accepts any ${type ?? 'value'}: values such as "yes" or "hmb" pass the schema. ` +
          `Constrain it to DUO terms with an enum (${PERMISSION_SHORTHANDS.join(', ')}) or a pattern.`,
        data: { field: field.name, fieldPath: field.path, type: type ?? null },
      });
    }
    return findings;
  },
};
