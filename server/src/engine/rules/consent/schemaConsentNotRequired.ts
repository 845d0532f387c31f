// schema-consent-not-required: a consent field a row may leave empty.
import type { DocPath } from '../../structured/structuredDocument';
import type { StructuredRule } from '../../documents/structuredRule';
import type { RawFindingOf } from '../rule';
import { consentFieldsIn } from './schemaConsent';

export type SchemaConsentNotRequiredMessages = {
  notRequired: { field: string; fieldPath: DocPath; [fact: string]: unknown };
};

export const schemaConsentNotRequired: StructuredRule<SchemaConsentNotRequiredMessages> = {
  id: 'schema-consent-not-required',
  defaultSeverity: 'warning',
  description: "A Table Schema's consent field is optional (constraints.required is not true), so rows without consent pass validation.",
  fixable: true,
  appliesTo: ['tableSchema', 'dataPackage'],
  messages: {
    notRequired: 'The consent field is not required.',
  },
  checkDocument(context) {
    const findings: RawFindingOf<SchemaConsentNotRequiredMessages>[] = [];
    for (const { schema, field, role, constraints } of consentFieldsIn(context)) {
      if (role !== 'codes' && role !== 'status') continue;
      if (constraints?.required === true) continue;
      const why = constraints?.required === false ? 'constraints.required is false' : 'it has no constraints.required';
      findings.push({
        messageId: 'notRequired',
        range: context.doc.locate(constraints ? [...field.path, 'constraints'] : [...field.path, 'name'], constraints ? 'key' : 'value'),
        message: `${schema.where}Consent field "${field.name}" is optional`,
        detail: `${schema.where}The consent field "${field.name}" is optional (${why}): a row without consent would pass the schema. Set constraints.required to true.`,
        data: { field: field.name, fieldPath: field.path, role },
      });
    }
    return findings;
  },
};
