// Weka's Attribute-Relation File Format (ARFF), in which UCI and OpenML distribute many
// machine-learning data sets (UCI's Chronic Kidney Disease is chronic_kidney_disease.arff,
// and copies of it are often renamed .csv): `%` comment lines, `@relation NAME`, one
// `@attribute NAME TYPE` line per column, then `@data` and comma-separated rows with `?` for
// a missing value [Weka, "ARFF (stable version)"]. Read as CSV, every attribute line is a
// row of the wrong width, so the file is recognised and reported once instead.

import type { LineIndex } from './lineIndex';

export interface ArffHead {
  /** 0-based line of `@relation`. */
  relationLine: number;
  /** How many `@attribute` lines follow it before `@data`. */
  attributes: number;
}

/** Lines read to find `@relation` after leading comments and blank lines. */
const MAX_LEADING_LINES = 200;

/** Undefined unless the first line that is not a `%` comment or blank is `@relation`: a CSV costs one line. */
export function arffHead(lines: LineIndex): ArffHead | undefined {
  const line = (i: number) => lines.text.slice(lines.lineStart(i), lines.lineEnd(i)).trimStart();
  let i = 0;
  while (i < lines.lineCount && i < MAX_LEADING_LINES && (line(i) === '' || line(i).startsWith('%'))) i++;
  if (i >= lines.lineCount || !/^@relation\s/i.test(line(i))) return undefined;
  const head: ArffHead = { relationLine: i, attributes: 0 };
  for (let j = i + 1; j < lines.lineCount && !/^@data\b/i.test(line(j)); j++) if (/^@attribute\s/i.test(line(j))) head.attributes++;
  return head;
}
