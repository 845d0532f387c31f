// consent-field-missing on a Table Schema: no field records consent.
import type { StructuredContext } from '../../documents/structuredRule';
import type { RawFindingOf } from '../rule';
import type { ConsentFieldMissingMessages } from './consentFieldMissing';
import { consentFields, schemasIn } from './schemaConsent';

export function consentFieldsMissingInSchema(context: StructuredContext): RawFindingOf<ConsentFieldMissingMessages, 'schema'>[] {
  const findings: RawFindingOf<ConsentFieldMissingMessages, 'schema'>[] = [];
  const named = context.policy.consent.column;
  for (const schema of schemasIn(context)) {
    const fields = (schema.value as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(fields)) continue;
    if (consentFields(schema, context.policy).some((f) => f.role === 'codes' || f.role === 'status')) continue;
    findings.push({
      messageId: 'schema',
      range: context.doc.locate([...schema.pointer, 'fields'], 'key'),
      message: `${schema.where}No consent field`,
      detail:
        `${schema.where}No consent field: none of the ${schema.fields.length} fields is ${named ? `"${named}" (consent.column in the policy)` : 'named like consent, consent_status, informed_consent, data_use or duo'}, ` +
        'so the datasets it describes need not say what each participant consented to. Add a required field of DUO codes.',
      data: { kind: 'schema', pointer: schema.pointer, fields: schema.fields.length, column: named ?? 'consent' },
    });
  }
  return findings;
}
