// Weka's Attribute-Relation File Format (ARFF), in which UCI and OpenML distribute many
// machine-learning data sets (UCI's Chronic Kidney Disease is chronic_kidney_disease.arff,
// and copies of it are often renamed .csv): `%` comment lines, `@relation NAME`, one
// `@attribute NAME TYPE` line per column, then `@data` and comma-separated rows with `?` for
// a missing value [Weka, "ARFF (stable version)"]. Read as CSV, every attribute line is a
// row of the wrong width, so the file is recognised and reported once instead.

export interface ArffHead {
  /** The @relation line: its 0-based line number and its name. */
  relationLine: number;
  relation: string;
  attributes: number;
  /** 0-based line of `@data`, when it is in the lines read. */
  dataLine?: number;
}

/** Lines read to find `@relation` after leading comments and blank lines. */
const MAX_LEADING_LINES = 200;

/** The lines of `text`, one at a time (\r\n, \n or \r ends one), without splitting the whole text. */
function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    yield text.slice(start, end);
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
}

/** Undefined unless the first line that is not a `%` comment or blank is `@relation`: a CSV costs one line. */
export function arffHead(text: string): ArffHead | undefined {
  let n = 0;
  let head: ArffHead | undefined;
  for (const raw of linesOf(text)) {
    const line = raw.trimStart();
    if (!head) {
      if (line === '' || line.startsWith('%')) { if (++n >= MAX_LEADING_LINES) return undefined; continue; }
      const relation = /^@relation\s+(.*?)\s*$/i.exec(line);
      if (!relation) return undefined;
      head = { relationLine: n, relation: relation[1].replace(/^(['"])(.*)\1$/, '$2'), attributes: 0 };
    } else if (/^@attribute\s/i.test(line)) head.attributes++;
    else if (/^@data\b/i.test(line)) { head.dataLine = n; break; }
    n++;
  }
  return head;
}
