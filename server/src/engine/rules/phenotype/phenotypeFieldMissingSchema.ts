// phenotype-field-missing on a Table Schema: a required concept that no field answers.
// The finding sits on the schema's `fields` key.
import { detectAncestryColumns } from '../../ancestry/detectColumns';
import type { StructuredContext } from '../../documents/structuredRule';
import { columnRoles } from '../../phenotype/columnRoles';
import { readTableSchema } from '../../schema/readTableSchema';
import type { RawFindingOf } from '../rule';
import { missingRequirementText, missingRequirementVerdict, type PhenotypeFieldMissingMessages } from './phenotypeFieldMissingText';

export function phenotypeFieldsMissingInSchema({ doc, path, policy }: StructuredContext): RawFindingOf<PhenotypeFieldMissingMessages, 'missingField'>[] {
  const schema = readTableSchema(doc.value, path);
  if (!schema) return [];
  const names = schema.fields.map((f) => f.name);
  const roles = columnRoles(names, policy, detectAncestryColumns(names, policy.ancestry.columns));
  const fromPolicy = policy.phenotype.required !== undefined;
  const range = doc.locate(['fields'], 'key');
  const findings: RawFindingOf<PhenotypeFieldMissingMessages, 'missingField'>[] = [];
  for (const { requirement, columns } of roles.required) {
    if (columns.length > 0) continue;
    findings.push({
      messageId: 'missingField',
      range,
      message: missingRequirementVerdict(requirement, 'field', fromPolicy),
      detail: `${missingRequirementText(requirement, 'field', names.length, fromPolicy)} Add the field, or name the field that holds it in the policy file (phenotype.required).`,
      data: { requirement: requirement.name, kind: requirement.kind, newField: requirement.column, fields: names.length, fromPolicy },
    });
  }
  return findings;
}
