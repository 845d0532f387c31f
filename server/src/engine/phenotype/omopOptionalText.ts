// What the missingness rules say about the optional fields of an OMOP CDM table, which they
// leave out (rules/phenotype/roles.ts): in the hover of such a field, and beside a
// finding on the same table, so a reader sees what was not counted and why.
import { cdmTableName, type OmopOptionalColumns } from '../cohort/omopFields';
import { count } from '../format';
import { markdownCell as cell } from '../markdown';
import type { TableProfile } from '../profile/profile';

function why(plural: boolean): string {
  const them = plural ? 'them' : 'it';
  return `the OMOP CDM (v5.3/v5.4 Field_Level "isRequired") marks ${them} optional, and an ETL fills ${them} only when its source has ${plural ? 'them' : 'the value'}`;
}

function names(profile: TableProfile, columns: readonly number[], limit = 4): string {
  const shown = columns.slice(0, limit).map((i) => `"${profile.columns[i].name}"`);
  return columns.length > limit ? `${shown.join(', ')} and ${columns.length - limit} more` : shown.join(', ');
}

/**
 * The sentence a phenotype-values-missing finding on an OMOP table ends with: the optional
 * fields that would have been reported (`over`: missing above phenotype.maxMissing).
 */
export function omopOptionalSentence(profile: TableProfile, optional: OmopOptionalColumns | undefined, over: readonly number[]): string {
  if (!optional || over.length === 0) return '';
  const n = over.length;
  return ` Only the fields the CDM requires of ${cdmTableName(optional.table)} are counted: ${n} optional ${n === 1 ? 'field' : 'fields'} missing above the maximum (${names(profile, over)}) ${n === 1 ? 'is' : 'are'} left out, because ${why(n > 1)}; list ${n > 1 ? 'one' : 'it'} in phenotype.columns to count it.`;
}

/** The hover of an optional field. */
export function omopOptionalHover(profile: TableProfile, optional: OmopOptionalColumns, columnIndex: number): string {
  const column = profile.columns[columnIndex];
  const missing = column.missing;
  return [
    `**Cohort Lint: "${cell(column.name)}" is an optional field of the OMOP CDM ${cdmTableName(optional.table)} table**`,
    '',
    `${count(missing)} of ${count(profile.rowCount)} rows have no value. Its missing share is not checked (phenotype-values-missing) and it is not tested for a missingness disparity: ${why(false)}. List it in phenotype.columns to check it.`,
  ].join('\n');
}
