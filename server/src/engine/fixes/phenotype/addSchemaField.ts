// phenotype-field-missing on a Table Schema: appends a field for the missing concept,
// keeping the file's own formatting (structured/edits.ts touches only the new text).
import type { StructuredAnalysis } from '../../documents/lintStructured';
import { readTableSchema } from '../../schema/readTableSchema';
import { addSchemaField } from '../../structured/edits';
import type { Fix } from '../../types';
import { inHeaderStyle } from './headerStyle';

/** What a new field says about itself, per concept; a field required by name gets only a type. */
const FIELD_TEMPLATES: Record<string, { type: string; description: string }> = {
  sex: { type: 'string', description: 'Sex recorded at birth (gender identity, if collected, in its own field).' },
  age: { type: 'integer', description: 'Age in years at enrolment (or give a birth year or date instead).' },
  diagnosis: { type: 'string', description: 'Diagnosis as an ontology id: MONDO, ICD-10 or OMIM.' },
};

export function addSchemaFieldFix(analysis: StructuredAnalysis, requirement: string, fieldName: string): Fix | undefined {
  const schema = readTableSchema(analysis.doc.value, analysis.path);
  if (!schema) return undefined;
  const name = inHeaderStyle(fieldName, schema.fields.map((f) => f.name));
  const template = FIELD_TEMPLATES[requirement.toLowerCase()] ?? { type: 'string', description: `Required by the policy (phenotype.required: ${requirement}).` };
  let edits;
  try {
    edits = addSchemaField(analysis.doc, [], { name, ...template });
  } catch {
    return undefined; // `fields` is not an array the edit can extend
  }
  return {
    title: `Add field "${name}" (${template.type}) to the schema`,
    changes: [{ path: analysis.path, edits }],
    isPreferred: true,
  };
}
