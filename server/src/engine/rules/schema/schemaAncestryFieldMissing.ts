import type { StructuredRule } from '../../documents/structuredRule';
import type { RawFindingOf } from '../rule';
import { schemaAncestry, schemasIn } from './schemasInDocument';

export type SchemaAncestryFieldMissingMessages = {
  missing: { fields: number; policyColumns: string[]; pointer: (string | number)[] };
};

export const schemaAncestryFieldMissing: StructuredRule<SchemaAncestryFieldMissingMessages> = {
  id: 'schema-ancestry-field-missing',
  defaultSeverity: 'warning',
  description: 'A Table Schema declares no ancestry, race or ethnicity field (and no set of per-group yes/no fields), so datasets following it cannot be checked for representation.',
  fixable: false,
  appliesTo: ['tableSchema', 'dataPackage'],
  messages: {
    missing: 'A Table Schema with no ancestry field.',
  },
  checkDocument(context) {
    const findings: RawFindingOf<SchemaAncestryFieldMissingMessages>[] = [];
    for (const schema of schemasIn(context)) {
      const fields = schema.value && typeof schema.value === 'object' ? (schema.value as { fields?: unknown }).fields : undefined;
      if (!Array.isArray(fields)) continue; // schema-invalid reports it
      const ancestry = schemaAncestry(schema, context.policy);
      if (ancestry.fields.length > 0 || ancestry.indicators) continue;
      const named = context.policy.ancestry.columns;
      const why = named.length > 0
        ? `the policy names ${named.map((c) => `"${c}"`).join(', ')} as the ancestry column, and none of its ${schema.fields.length} fields has that name`
        : `none of its ${schema.fields.length} fields is named like ancestry, race, ethnicity, population or super_pop, and there is no set of per-group yes/no fields (race_white, race_black, ...)`;
      const n = schema.fields.length;
      findings.push({
        messageId: 'missing',
        range: context.doc.locate([...schema.pointer, 'fields'], 'key'),
        message: `${schema.where}No ancestry field among the ${n} ${n === 1 ? 'field' : 'fields'}${named.length > 0 ? ' (none has the policy\'s ancestry.column name)' : ''}: representation cannot be checked`,
        detail: `No ancestry field: ${why}. Datasets that follow this schema cannot be checked for representation; declare one (for example "race" with an enum of the OMB categories) or name it in the policy file (ancestry.column).`,
        data: { fields: schema.fields.length, policyColumns: named, pointer: schema.pointer },
      });
    }
    return findings;
  },
};
