// consent-field-missing on a Table Schema: no field records consent.
import type { StructuredRule } from '../../documents/structuredRule';
import type { RawFinding } from '../rule';
import { consentFields, schemasIn } from './schemaConsent';

export const schemaConsentFieldMissing: StructuredRule = {
  id: 'consent-field-missing',
  defaultSeverity: 'warning',
  description: 'No consent column (data) or consent field (Table Schema): whether each row may be used for the intended purpose cannot be checked.',
  fixable: true,
  appliesTo: 'tableSchema',
  kinds: ['tableSchema', 'dataPackage'],
  check(context) {
    const findings: RawFinding[] = [];
    const named = context.policy.consent.column;
    for (const schema of schemasIn(context)) {
      const fields = (schema.value as { fields?: unknown } | undefined)?.fields;
      if (!Array.isArray(fields)) continue;
      if (consentFields(schema, context.policy).some((f) => f.role === 'codes' || f.role === 'status')) continue;
      findings.push({
        range: context.doc.locate([...schema.pointer, 'fields'], 'key'),
        message:
          `${schema.where}No consent field: none of the ${schema.fields.length} fields is ${named ? `"${named}" (consent.column in the policy)` : 'named like consent, consent_status, informed_consent, data_use or duo'}, ` +
          'so the datasets it describes need not say what each participant consented to. Add a required field of DUO codes.',
        data: { kind: 'schema', pointer: schema.pointer, fields: schema.fields.length, column: named ?? 'consent' },
      });
    }
    return findings;
  },
};
