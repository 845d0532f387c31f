// The consent fields of a Table Schema (a schema file, or inline in a Data Package),
// found the way dataset columns are: by name, or as the policy's consent.* names.
import { consentRoleOf, normaliseHeader, type ConsentRole } from '../../consent/detectColumns';
import type { Policy } from '../../policy/policy';
import type { StructuredContext } from '../../documents/structuredRule';
import { schemasIn, type SchemaField, type SchemaInDocument } from '../schema/schemasInDocument';

export { schemasIn };

export interface ConsentField {
  field: SchemaField;
  role: ConsentRole;
  constraints?: Record<string, unknown>;
}

function roleOf(name: string, policy: Policy): ConsentRole | undefined {
  const same = (named: string | undefined) => named !== undefined && normaliseHeader(named) === normaliseHeader(name);
  if (same(policy.consent.column)) return 'codes';
  if (same(policy.consent.statusColumn)) return 'status';
  if (same(policy.consent.withdrawalColumn)) return 'withdrawal';
  return consentRoleOf(name);
}

export function consentFields(schema: SchemaInDocument, policy: Policy): ConsentField[] {
  return schema.fields.flatMap((field) => {
    const role = roleOf(field.name, policy);
    if (!role) return [];
    const c = field.value.constraints;
    return [{ field, role, constraints: c && typeof c === 'object' && !Array.isArray(c) ? (c as Record<string, unknown>) : undefined }];
  });
}

/** Every consent field of every schema in the document, with the schema it belongs to. */
export function consentFieldsIn(context: StructuredContext): (ConsentField & { schema: SchemaInDocument })[] {
  return schemasIn(context).flatMap((schema) => consentFields(schema, context.policy).map((f) => ({ ...f, schema })));
}
