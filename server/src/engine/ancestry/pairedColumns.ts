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

/**
 * A code column and its label column written side by side (IGSR's `Superpopulation code`
 * and `Superpopulation name`, `pop_code` / `pop_name`, `ancestry_id` / `ancestry_label`):
 * one ancestry attribute. A row has a value when either has one; its group is read from the
 * code, else from the label. IGSR leaves the code empty for its HGDP and SGDP samples and
 * writes their region in the name, so the code alone would call 21% of the rows missing.
 */
export interface LabelPartner {
  code: number;
  label: number;
}

// An OMOP concept id and its source value are not coalesced: concept 0 beside a source value
// naming a group is the ETL's loss, reported by ancestry-concept-unmapped, and analyses
// read the concept.
const PARTNER_CODE = /(code|cd|id)$/;
const PARTNER_LABEL = /(name|label|desc|description|text|display)$/;
const OMOP_PART = /(conceptid|sourcevalue)$/;

function partnerStem(name: string, suffix: RegExp): string | undefined {
  const key = labelKey(name);
  if (OMOP_PART.test(key)) return undefined;
  const m = suffix.exec(key);
  return m && key.length > m[0].length ? key.slice(0, -m[0].length) : undefined;
}

/**
 * The code/label pairs among `header` of which at least one column is an ancestry column
 * (`ancestryColumns`): the code and the label share their stem. Each column is in one pair
 * at most; the first label column of a stem is the code's partner.
 */
export function labelPartners(header: readonly string[], ancestryColumns: readonly number[]): LabelPartner[] {
  const pairs: LabelPartner[] = [];
  const used = new Set<number>();
  const ancestry = new Set(ancestryColumns);
  // By stem, so a header of many columns costs one pass, not their square.
  const labels = new Map<string, number[]>();
  header.forEach((name, i) => {
    const stem = partnerStem(name, PARTNER_LABEL);
    if (stem !== undefined) labels.set(stem, [...(labels.get(stem) ?? []), i]);
  });
  for (let code = 0; code < header.length; code++) {
    const stem = partnerStem(header[code], PARTNER_CODE);
    if (stem === undefined || used.has(code)) continue;
    const label = (labels.get(stem) ?? []).find((i) => i !== code && !used.has(i));
    if (label === undefined || (!ancestry.has(code) && !ancestry.has(label))) continue;
    pairs.push({ code, label });
    used.add(code).add(label);
  }
  return pairs;
}

/** The ancestry columns with each pair's code column standing for its label column (added when only the label was found). */
export function withPartners(ancestryColumns: readonly number[], pairs: readonly LabelPartner[]): number[] {
  const labels = new Set(pairs.map((p) => p.label));
  const result = ancestryColumns.filter((i) => !labels.has(i));
  for (const p of pairs) if (!result.includes(p.code)) result.push(p.code);
  return result.sort((a, b) => a - b);
}
