// The few places where DuckDB, Spark SQL and BigQuery differ for the profile queries:
// quoting, string and regex literals, a row's position, gathering values into an array and
// testing membership. Everything else
// (GROUPING SETS, window functions) is standard SQL.

export type DialectName = 'duckdb' | 'spark' | 'bigquery';
export const DIALECTS: DialectName[] = ['duckdb', 'spark', 'bigquery'];

export interface Dialect {
  name: DialectName;
  ident(name: string): string;
  string(text: string): string;
  /** A regular expression as a string literal the dialect's regex functions read. */
  regex(pattern: string): string;
  /** Every match of `pattern` in `text` replaced by ''. */
  removeAll(text: string, pattern: string): string;
  /** A number per row, in file order where the engine keeps one. */
  rowNumber: string;
  /** The array of `value` over the rows where `condition` holds (an aggregate). */
  listAgg(value: string, condition: string): string;
  /** Whether the array `list` holds `value` (NULL or FALSE when not). */
  listContains(list: string, value: string): string;
}

const backslashString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;

const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  string: (text) => `'${text.replaceAll("'", "''")}'`,
  regex: (pattern) => `'${pattern.replaceAll("'", "''")}'`,
  removeAll: (t, p) => `regexp_replace(${t}, ${p}, '', 'g')`,
  rowNumber: 'row_number() OVER ()',
  listAgg: (v, c) => `list(${v}) FILTER (WHERE ${c})`,
  listContains: (l, v) => `list_contains(${l}, ${v})`,
};

const spark: Dialect = {
  name: 'spark',
  ident: (name) => `\`${name.replaceAll('`', '``')}\``,
  string: backslashString,
  regex: backslashString,
  removeAll: (t, p) => `regexp_replace(${t}, ${p}, '')`,
  rowNumber: 'monotonically_increasing_id()',
  listAgg: (v, c) => `collect_list(CASE WHEN ${c} THEN ${v} END)`,
  listContains: (l, v) => `array_contains(${l}, ${v})`,
};

const bigquery: Dialect = {
  name: 'bigquery',
  ident: (name) => `\`${name.replaceAll('`', '\\`')}\``,
  string: backslashString,
  regex: backslashString,
  removeAll: (t, p) => `REGEXP_REPLACE(${t}, ${p}, '')`,
  rowNumber: 'ROW_NUMBER() OVER ()',
  listAgg: (v, c) => `ARRAY_AGG(CASE WHEN ${c} THEN ${v} END IGNORE NULLS)`,
  listContains: (l, v) => `${v} IN UNNEST(${l})`,
};

export function dialect(name: DialectName): Dialect {
  return { duckdb, spark, bigquery }[name];
}
