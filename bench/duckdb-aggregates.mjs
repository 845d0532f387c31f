// The DuckDB baseline, run as its own child process so its wall time and peak memory are
// measured exactly like the CLI's. Computes what the linter needs from the file: row counts
// per ancestry group and, per column, missing counts (NULL, '' or '?') per group.
// Usage: node bench/duckdb-aggregates.mjs FILE(.csv|.parquet) [GROUP_COLUMN=race]  -> JSON on stdout
import { DuckDBInstance } from '@duckdb/node-api';

const [file, groupColumn = 'race'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/duckdb-aggregates.mjs FILE [GROUP_COLUMN]');
  process.exit(2);
}

const ident = (name) => `"${name.replaceAll('"', '""')}"`;
const quoted = `'${file.replaceAll("'", "''")}'`;
const source = file.endsWith('.parquet') ? `read_parquet(${quoted})` : `read_csv(${quoted}, header = true, all_varchar = true)`;

const start = process.hrtime.bigint();
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const threads = Number((await con.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0]);
const columns = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRows().map((r) => String(r[0]));
if (!columns.includes(groupColumn)) {
  console.error(`column ${groupColumn} not in ${file}`);
  process.exit(2);
}

const missing = columns.map((c, i) => `count_if(${ident(c)} IS NULL OR CAST(${ident(c)} AS VARCHAR) IN ('', '?')) AS m${i}`);
const sql = `SELECT ${ident(groupColumn)} AS grp, count(*) AS n, ${missing.join(', ')}
  FROM ${source} GROUP BY ALL ORDER BY n DESC, grp`;
const rows = (await con.runAndReadAll(sql)).getRows();
const queryS = Number(process.hrtime.bigint() - start) / 1e9;

const groups = rows.map(([grp, n, ...m]) => ({
  group: grp === null ? null : String(grp),
  count: Number(n),
  missing: Object.fromEntries(columns.map((c, i) => [c, Number(m[i])])),
}));
const total = groups.reduce((sum, g) => sum + g.count, 0);
process.stdout.write(`${JSON.stringify({ threads, queryS, columns: columns.length, total, groups })}\n`);
con.closeSync();
instance.closeSync();
