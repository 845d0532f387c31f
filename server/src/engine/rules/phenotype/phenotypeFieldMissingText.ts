// The reason phenotype-field-missing gives, shared by its dataset and Table Schema checks,
// and the data of its two messages.
import type { Requirement } from '../../phenotype/concepts';

export const PHENOTYPE_FIELD_MISSING_ID = 'phenotype-field-missing';

export type PhenotypeFieldMissingMessages = {
  /** A dataset has no column for the requirement. */
  missingColumn: { requirement: string; kind: Requirement['kind']; newColumn: string; columns: number; headerLine: number; fromPolicy: boolean; candidates: string[] };
  /** A Table Schema has no field for it. */
  missingField: { requirement: string; kind: Requirement['kind']; newField: string; fields: number; fromPolicy: boolean };
};
/** The message's reason, shared by the dataset and the schema variants. */
export function missingRequirementText(r: Requirement, where: 'column' | 'field', count: number, fromPolicy: boolean): string {
  const source = fromPolicy ? 'required by the policy (phenotype.required)' : 'required by default (sex, age, diagnosis)';
  if (r.kind === 'column') return `No ${where} "${r.name}", ${source}: none of the ${count} ${where} names matches it (case and punctuation ignored).`;
  return `No ${where} for the phenotype concept "${r.name}"${r.label !== r.name ? ` (${r.label})` : ''}, ${source}: none of the ${count} ${where} names reads as one ` +
    `(recognised names include ${r.examples.join(', ')}).`;
}

/** The verdict: `No column for "diagnosis" (required by default)`. */
export function missingRequirementVerdict(r: Requirement, where: 'column' | 'field', fromPolicy: boolean): string {
  const source = fromPolicy ? 'required by the policy' : 'required by default';
  return r.kind === 'column' ? `No ${where} "${r.name}" (${source})` : `No ${where} for "${r.name}" (${source})`;
}
