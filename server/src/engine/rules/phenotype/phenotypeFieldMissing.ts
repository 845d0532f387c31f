// A required phenotype concept (sex, age, diagnosis by default) that no column answers.
import type { Requirement } from '../../phenotype/concepts';
import type { DatasetRule, RawFinding } from '../rule';
import { rolesOf } from './roles';

export const PHENOTYPE_FIELD_MISSING_ID = 'phenotype-field-missing';

/** The message's reason, shared by the dataset and the schema variants. */
export function missingRequirementText(r: Requirement, where: 'column' | 'field', count: number, fromPolicy: boolean): string {
  const source = fromPolicy ? 'required by the policy (phenotype.required)' : 'required by default (sex, age, diagnosis)';
  if (r.kind === 'column') return `No ${where} "${r.name}", ${source}: none of the ${count} ${where} names matches it (case and punctuation ignored).`;
  return `No ${where} for the phenotype concept "${r.name}"${r.label !== r.name ? ` (${r.label})` : ''}, ${source}: none of the ${count} ${where} names reads as one ` +
    `(recognised names include ${r.examples.join(', ')}).`;
}

export const phenotypeFieldMissing: DatasetRule = {
  id: PHENOTYPE_FIELD_MISSING_ID,
  defaultSeverity: 'warning',
  description: 'A required phenotype concept (sex, age, diagnosis, or what the policy requires) has no column.',
  fixable: true,
  appliesTo: 'dataset',
  check(context) {
    const { table, policy, profile } = context;
    // A header with no rows is reported once, by table-malformed ("nothing can be assessed").
    if (!table.headerRow || table.header.length === 0 || profile.rowCount === 0) return [];
    const headerLine = table.lines.positionAt(table.headerRow.start).line;
    const range = { start: table.lines.positionAt(table.headerRow.start), end: table.lines.positionAt(table.headerRow.end) };
    const fromPolicy = policy.phenotype.required !== undefined;
    const findings: RawFinding[] = [];
    for (const { requirement, columns } of rolesOf(context).required) {
      if (columns.length > 0) continue;
      findings.push({
        range,
        message: `${missingRequirementText(requirement, 'column', table.header.length, fromPolicy)} Add the column, or say which column holds it in the policy file (phenotype.required).`,
        data: {
          requirement: requirement.name,
          kind: requirement.kind,
          newColumn: requirement.column,
          columns: table.header.length,
          headerLine,
          fromPolicy,
        },
      });
    }
    return findings;
  },
};
