// One variable stored twice: an OMOP `race_concept_id` and its `race_source_value`, a code
// and its label (`race_cd` / `race_desc`, `race_code` / `race`). Representation findings are
// reported once, on the column that places more rows in a group (the concept id or code
// when they tie); the other's hover says so.
import type { AncestryAssessment } from './assess';
import { labelKey } from './labelKey';

const SUFFIX = /(sourceconceptid|conceptid|sourcevalue|code|cd|label|name|desc|description|text|display)$/;
const CODE_SUFFIX = /(conceptid|code|cd)$/;

/** The variable a column name encodes: `race_concept_id`, `race_source_value` and `Race` are all "race". */
export function variableStem(name: string): string {
  const key = labelKey(name);
  const suffix = SUFFIX.exec(key);
  return suffix && key.length > suffix[0].length ? key.slice(0, -suffix[0].length) : key;
}

function placedRows(a: AncestryAssessment): number {
  return a.readings.reduce((n, r) => n + (r.group !== undefined ? r.rows : 0), 0);
}

/** Column index -> the column of the same variable whose findings stand for it. */
export function pairedWith(ancestry: readonly AncestryAssessment[]): Map<number, AncestryAssessment> {
  const byStem = new Map<string, AncestryAssessment[]>();
  for (const a of ancestry) {
    const stem = variableStem(a.column);
    byStem.set(stem, [...(byStem.get(stem) ?? []), a]);
  }
  const result = new Map<number, AncestryAssessment>();
  for (const same of byStem.values()) {
    if (same.length < 2) continue;
    const isCode = (a: AncestryAssessment) => (CODE_SUFFIX.test(labelKey(a.column)) ? 1 : 0);
    const kept = [...same].sort((x, y) => placedRows(y) - placedRows(x) || isCode(y) - isCode(x) || x.columnIndex - y.columnIndex)[0];
    for (const a of same) if (a !== kept) result.set(a.columnIndex, kept);
  }
  return result;
}
