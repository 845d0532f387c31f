// A required phenotype concept (sex, age, diagnosis by default) that no column answers,
// in a dataset or (checkDocument) in a Table Schema.
import type { DatasetRule } from '../rule';
import type { StructuredRule } from '../../documents/structuredRule';
import { rolesOf } from './roles';
import { phenotypeFieldsMissingInSchema } from './phenotypeFieldMissingSchema';
import { missingRequirementText, missingRequirementVerdict, PHENOTYPE_FIELD_MISSING_ID, type PhenotypeFieldMissingMessages } from './phenotypeFieldMissingText';

export { missingRequirementText, PHENOTYPE_FIELD_MISSING_ID };

/** ` "Outcome" holds yes/no (0/1) values and may be the diagnosis, or another outcome.` */
function candidateText(names: string[], requirement: string): string {
  if (names.length === 0) return '';
  const list = names.map((n) => `"${n}"`).join(', ');
  return ` ${list} ${names.length === 1 ? 'holds' : 'hold'} yes/no (0/1) values and may be the ${requirement}, or another outcome: its name does not say which.` +
    ` If ${names.length === 1 ? 'it is' : 'one is'}, name it in phenotype.required instead of the concept.`;
}

export const phenotypeFieldMissing: DatasetRule<PhenotypeFieldMissingMessages> & StructuredRule<PhenotypeFieldMissingMessages> = {
  id: PHENOTYPE_FIELD_MISSING_ID,
  defaultSeverity: 'warning',
  description: 'A required phenotype concept (sex, age, diagnosis, or what the policy requires) has no column (dataset) or no field (Table Schema).',
  fixable: true,
  appliesTo: ['dataset', 'tableSchema'],
  messages: {
    missingColumn: 'A required concept has no column in the dataset: names it, its source (policy or default) and the recognised names.',
    missingField: 'A required concept has no field in the Table Schema.',
  },
  checkDocument: phenotypeFieldsMissingInSchema,
  check(context) {
    const { table, policy, profile } = context;
    // A header with no rows is reported once, by table-malformed ("nothing can be assessed").
    if (!table.headerRow || table.header.length === 0 || profile.rowCount === 0) return [];
    const headerLine = table.lines.positionAt(table.headerRow.start).line;
    const range = { start: table.lines.positionAt(table.headerRow.start), end: table.lines.positionAt(table.headerRow.end) };
    const fromPolicy = policy.phenotype.required !== undefined;
    const findings: ReturnType<typeof phenotypeFieldMissing.check> = [];
    for (const { requirement, columns, candidates = [] } of rolesOf(context).required) {
      if (columns.length > 0) continue;
      const names = candidates.map((i) => table.header[i]);
      findings.push({
        messageId: 'missingColumn',
        range,
        message: missingRequirementVerdict(requirement, 'column', fromPolicy),
        detail: `${missingRequirementText(requirement, 'column', table.header.length, fromPolicy)}${candidateText(names, requirement.name)} Add the column, or say which column holds it in the policy file (phenotype.required).`,
        data: {
          requirement: requirement.name,
          kind: requirement.kind,
          newColumn: requirement.column,
          columns: table.header.length,
          headerLine,
          fromPolicy,
          candidates: names,
        },
      });
    }
    return findings;
  },
};
