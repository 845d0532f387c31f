// privacy-schema-identifier: a Table Schema field (in a schema file or a Data Package)
// that declares a Safe Harbor identifier, by its name (the same categories as the dataset
// rules) or by its format (email, uri), unless the policy names it as the pseudonym. A
// field with an enum is a closed vocabulary, not an identifier, whatever its name.
import type { DocPath } from '../../structured/structuredDocument';
import { labelKey } from '../../ancestry/labelKey';
import type { StructuredRule } from '../../documents/structuredRule';
import { CATEGORIES, categoryOfHeader, type CategoryKey } from '../../privacy/categories';
import type { RawFindingOf } from '../rule';
import { schemasIn } from '../schema/schemasInDocument';
import { safeHarborItem } from './common';

const BY_FORMAT: Record<string, CategoryKey> = { email: 'email', uri: 'url' };

function categoryOfField(name: string, value: Record<string, unknown>): { key: CategoryKey; by: 'name' | 'format' } | undefined {
  const format = typeof value.format === 'string' ? BY_FORMAT[value.format] : undefined;
  if (format) return { key: format, by: 'format' };
  const constraints = value.constraints as { enum?: unknown } | undefined;
  if (constraints && Array.isArray(constraints.enum) && constraints.enum.length > 0) return undefined;
  const key = categoryOfHeader(name);
  return key ? { key, by: 'name' } : undefined;
}

export type PrivacySchemaIdentifierMessages = {
  identifier: { field: string; name: string; fieldPath: DocPath; category: string; item: string };
};

export const privacySchemaIdentifier: StructuredRule<PrivacySchemaIdentifierMessages> = {
  id: 'privacy-schema-identifier',
  defaultSeverity: 'warning',
  description: 'A Table Schema field that declares a Safe Harbor identifier (by name, or by format email/uri) and is not the policy\'s pseudonym.',
  fixable: false,
  appliesTo: ['tableSchema', 'dataPackage'],
  messages: {
    identifier: 'A Table Schema field that names an identifier.',
  },
  checkDocument(context) {
    const pseudonym = context.policy.privacy.pseudonym;
    const findings: RawFindingOf<PrivacySchemaIdentifierMessages>[] = [];
    for (const schema of schemasIn(context)) {
      for (const field of schema.fields) {
        if (pseudonym !== undefined && labelKey(pseudonym) === labelKey(field.name)) continue;
        const found = categoryOfField(field.name, field.value);
        if (!found) continue;
        const category = CATEGORIES[found.key];
        findings.push({
          messageId: 'identifier',
          range: context.doc.locate([...field.path, found.by === 'format' ? 'format' : 'name']),
          message: `${schema.where}Field "${field.name}" declares ${category.label} (Safe Harbor item ${category.item})`,
          detail: `Field "${field.name}" declares ${category.label} (${safeHarborItem(category.item)}), by its ${found.by}. ` +
            `Datasets following this schema carry an identifier: keep it in a separate identifiers file keyed by a study pseudonym, ` +
            `or name the field as the pseudonym (privacy.pseudonym) if it is one.`,
          data: { field: found.by, name: field.name, fieldPath: field.path, category: category.id, item: category.item },
        });
      }
    }
    return findings;
  },
};
