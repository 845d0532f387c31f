// What the missingness rules say about the optional fields of an OMOP CDM table, which they
// leave out (OMOP_CDMv5.3/v5.4_Field_Level.csv isRequired "No"): the finding on a required
// field names them, and the hover of an optional field says why it is not counted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine';
import { omopOptionalColumns } from '../../server/src/engine/cohort/omopFields';
import { byCode, lint } from './helpers';

const HEADER = 'condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_type_concept_id,stop_reason,condition_source_value';

function conditions(): string {
  const rows = [HEADER];
  // condition_concept_id 0 on 4 of 10 rows (required); stop_reason empty everywhere (optional).
  for (let i = 1; i <= 10; i++) rows.push(`${i},${i},${i <= 4 ? 0 : 201826},2020-01-0${(i % 9) + 1},32020,,E11.9`);
  return rows.join('\n') + '\n';
}

describe('optional fields of an OMOP CDM table', () => {
  test('recognised by the table name and the required fields in the header', () => {
    assert.deepEqual(omopOptionalColumns('/x/condition_occurrence.csv', HEADER.split(',')), { table: 'condition_occurrence', columns: [5, 6] });
    assert.equal(omopOptionalColumns('/x/conditions.csv', HEADER.split(',')), undefined);
    // A person.csv without the CDM's required fields is some other table.
    assert.equal(omopOptionalColumns('/x/person.csv', ['person_id', 'name', 'month_of_birth']), undefined);
  });

  test('the finding on a required field names the optional fields left out, and why', () => {
    const a = lint(conditions(), { path: '/virtual/project/condition_occurrence.csv' });
    const findings = byCode(a.findings, 'phenotype-values-missing');
    assert.deepEqual(findings.map((f) => f.data.column), ['condition_concept_id']);
    assert.match(findings[0].detail ?? '', /Only the fields the CDM requires of CONDITION_OCCURRENCE are counted: 1 optional field missing above the maximum \("stop_reason"\) is left out, because the OMOP CDM \(v5\.3\/v5\.4 Field_Level "isRequired"\) marks it optional/);
  });

  test('the hover of an optional field says it is not counted', () => {
    const a = lint(conditions(), { path: '/virtual/project/condition_occurrence.csv' });
    const hover = hoverAt(a, a.headerCell(5).start) ?? '';
    assert.match(hover, /"stop_reason" is an optional field of the OMOP CDM CONDITION_OCCURRENCE table/);
    assert.match(hover, /10 of 10 rows have no value/);
  });
});
