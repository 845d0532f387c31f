// schema-consent-not-required: a consent field a row may leave empty.
import type { StructuredRule } from '../../documents/structuredRule';
import { consentFieldsIn } from './schemaConsent';

export const schemaConsentNotRequired: StructuredRule = {
  id: 'schema-consent-not-required',
  defaultSeverity: 'warning',
  description: "A Table Schema's consent field is optional (constraints.required is not true), so rows without consent pass validation.",
  fixable: true,
  appliesTo: 'tableSchema',
  kinds: ['tableSchema', 'dataPackage'],
  check(context) {
    return consentFieldsIn(context)
      .filter(({ role, constraints }) => (role === 'codes' || role === 'status') && constraints?.required !== true)
      .map(({ schema, field, role, constraints }) => {
        const why = constraints?.required === false ? 'constraints.required is false' : 'it has no constraints.required';
        return {
          range: context.doc.locate(constraints ? [...field.path, 'constraints'] : [...field.path, 'name'], constraints ? 'key' : 'value'),
          message: `${schema.where}The consent field "${field.name}" is optional (${why}): a row without consent would pass the schema. Set constraints.required to true.`,
          data: { field: field.name, fieldPath: field.path, role },
        };
      });
  },
};
