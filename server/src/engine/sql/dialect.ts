// The few places where DuckDB, Spark SQL and BigQuery differ for the profile queries:
// quoting, string and regex literals, counting with a condition, the value at the first row,
// a row's position, and unnesting a row into cells. Everything else is standard SQL.

export type DialectName = 'duckdb' | 'spark' | 'bigquery';
export const DIALECTS: DialectName[] = ['duckdb', 'spark', 'bigquery'];

export interface Dialect {
  name: DialectName;
  ident(name: string): string;
  string(text: string): string;
  /** A regular expression as a string literal the dialect's regex functions read. */
  regex(pattern: string): string;
  countIf(condition: string): string;
  /** `value` on the row where `order` is smallest. */
  minBy(value: string, order: string): string;
  /** Every match of `pattern` in `text` replaced by ''. */
  removeAll(text: string, pattern: string): string;
  /** A number per row, in file order where the engine keeps one. */
  rowNumber: string;
  /** A SELECT turning each row of `from` into one row per struct of `fields` (name -> expression). */
  unnest(keep: string[], structs: Record<string, string>[], from: string): string;
}

const backslashString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;

const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  string: (text) => `'${text.replaceAll("'", "''")}'`,
  regex: (pattern) => `'${pattern.replaceAll("'", "''")}'`,
  countIf: (c) => `count_if(${c})`,
  minBy: (v, o) => `arg_min(${v}, ${o})`,
  removeAll: (t, p) => `regexp_replace(${t}, ${p}, '', 'g')`,
  rowNumber: 'row_number() OVER ()',
  unnest: (keep, structs, from) => `SELECT ${[...keep, 'cell.*'].join(', ')} FROM (SELECT ${keep.join(', ')}, unnest([${structs.map((s) => `{${Object.entries(s).map(([k, v]) => `'${k}': ${v}`).join(', ')}}`).join(', ')}]) AS cell FROM ${from})`,
};

const spark: Dialect = {
  name: 'spark',
  ident: (name) => `\`${name.replaceAll('`', '``')}\``,
  string: backslashString,
  regex: backslashString,
  countIf: (c) => `count_if(${c})`,
  minBy: (v, o) => `min_by(${v}, ${o})`,
  removeAll: (t, p) => `regexp_replace(${t}, ${p}, '')`,
  rowNumber: 'monotonically_increasing_id()',
  unnest: (keep, structs, from) => `SELECT ${[...keep, 'cell.*'].join(', ')} FROM ${from} LATERAL VIEW explode(array(${structs.map((s) => `named_struct(${Object.entries(s).map(([k, v]) => `'${k}', ${v}`).join(', ')})`).join(', ')})) cells AS cell`,
};

const bigquery: Dialect = {
  name: 'bigquery',
  ident: (name) => `\`${name.replaceAll('`', '\\`')}\``,
  string: backslashString,
  regex: backslashString,
  countIf: (c) => `COUNTIF(${c})`,
  minBy: (v, o) => `ANY_VALUE(${v} HAVING MIN ${o})`,
  removeAll: (t, p) => `REGEXP_REPLACE(${t}, ${p}, '')`,
  rowNumber: 'ROW_NUMBER() OVER ()',
  unnest: (keep, structs, from) => `SELECT ${[...keep, 'cell.*'].join(', ')} FROM ${from} CROSS JOIN UNNEST([${structs.map((s) => `STRUCT(${Object.entries(s).map(([k, v]) => `${v} AS ${k}`).join(', ')})`).join(', ')}]) AS cell`,
};

export function dialect(name: DialectName): Dialect {
  return { duckdb, spark, bigquery }[name];
}
