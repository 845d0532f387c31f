// The profile of a table as one SQL query, for DuckDB, Spark SQL or BigQuery. Its result is
// one long table (part, col, grp, grp2, val, n, first) that readProfile turns into exactly
// the TableProfile the JavaScript ProfileBuilder makes (profile/profile.ts):
//   column     col, val = name                       the header, in order
//   plan       val = fingerprint                     which policy the query was written for
//   pattern    col = -1, val = missing pattern, n    rows per pattern ('1' = missing), all rows;
//              col = k, grp = group                  and per ancestry column k's group
//   marker     col, val = marker, n                  missing cells per column and marker
//   value      col, val = value, n                   distinct values kept (the first `cap` seen)
//   distinct   col, n                                distinct non-missing values per column
//   condition  col, grp = value, val = pattern, n    per value of a column with <= 20 values
//   participant col = -1 | k, grp = first value, grp2 = first other value, val = columns
//              the participant has a value in, n = participants, first = rows (col -1)
//              or the first row of the first participant (col k)
// `first` is the smallest row number, so values keep the order they are first seen in.
import { CONDITION_VALUE_CAP } from '../profile/missingnessSketch';
import type { Dialect } from './dialect';
import { markerSql } from './markerSql';
import { planFingerprint } from './fingerprint';
import type { ProfilePlan } from './plan';

export interface SqlSource {
  /** The FROM item: a table name, read_csv(...), read_parquet(...). */
  from: string;
  /** Each column of the plan as an expression over `from`. */
  columns: string[];
}

const NO_ROW = '9223372036854775807';
const OUT = ['part', 'col', 'grp', 'grp2', 'val', 'n', 'first'];

function pattern(plan: ProfilePlan, bit: (i: number) => string): string {
  return `concat(${plan.columns.map((c) => `CASE WHEN ${bit(c.index)} THEN '1' ELSE '0' END`).join(', ')})`;
}

export function profileQuery(plan: ProfilePlan, source: SqlSource, d: Dialect): string {
  const S = 'STRING';
  const nullS = `CAST(NULL AS ${S})`;
  const row = (part: string, col: string, grp: string, grp2: string, val: string, n: string, first: string) =>
    `SELECT '${part}' AS part, CAST(${col} AS BIGINT) AS col, ${grp} AS grp, ${grp2} AS grp2, ${val} AS val, CAST(${n} AS BIGINT) AS n, CAST(${first} AS BIGINT) AS first`;
  const cols = plan.columns;
  const c = (i: number) => `c${i}`;
  const m = (i: number) => `m${i}`;
  const defaultCap = Math.min(...cols.map((col) => col.cap));
  const capOf = plan.ancestryColumns.length === 0 ? String(defaultCap) : `CASE ${plan.ancestryColumns.map((a) => `WHEN col = ${a} THEN ${cols[a].cap}`).join(' ')} ELSE ${defaultCap} END`;

  const ctes: string[] = [
    `src AS (SELECT ${d.rowNumber} AS rn, ${source.columns.map((e, i) => `coalesce(CAST(${e} AS ${S}), '') AS ${c(i)}`).join(', ')} FROM ${source.from})`,
    `t AS (SELECT rn, ${cols.map((col) => c(col.index)).join(', ')}, ${cols.map((col) => `${markerSql(d, col, c(col.index))} AS ${m(col.index)}`).join(', ')} FROM src)`,
    `p AS (SELECT t.*, ${pattern(plan, (i) => `${m(i)} IS NOT NULL`)} AS pat FROM t)`,
    `cells AS (${d.unnest(['rn', 'pat'], cols.map((col) => ({ col: String(col.index), v: c(col.index), m: m(col.index) })), 'p')})`,
    `vals AS (SELECT col, v, count(*) AS n, min(rn) AS first FROM cells WHERE m IS NULL GROUP BY col, v)`,
    `ranked AS (SELECT col, v, n, first, row_number() OVER (PARTITION BY col ORDER BY first) AS r, count(*) OVER (PARTITION BY col) AS nd FROM vals)`,
    `cuts AS (SELECT col, first AS cut FROM ranked WHERE r = ${capOf} + 1)`,
    // Past the cap the JavaScript profile stops counting: kept values count the rows before the first value it could not keep.
    `kept AS (SELECT col, v, n, first FROM ranked WHERE col NOT IN (SELECT col FROM cuts) UNION ALL SELECT cells.col, cells.v, count(*) AS n, min(cells.rn) AS first FROM cells JOIN cuts ON cells.col = cuts.col WHERE cells.m IS NULL AND cells.rn < cuts.cut GROUP BY cells.col, cells.v)`,
  ];
  const parts: string[] = [
    ...cols.map((col) => row('column', String(col.index), nullS, nullS, d.string(col.name), 'NULL', 'NULL')),
    row('plan', 'NULL', nullS, nullS, d.string(planFingerprint(plan)), 'NULL', 'NULL'),
    `${row('pattern', '-1', nullS, nullS, 'pat', 'count(*)', 'min(rn)')} FROM p GROUP BY pat`,
    ...plan.ancestryColumns.map((a, k) => `${row('pattern', String(k), c(a), nullS, 'pat', 'count(*)', 'min(rn)')} FROM p WHERE ${m(a)} IS NULL GROUP BY ${c(a)}, pat`),
    `${row('marker', 'col', nullS, nullS, 'm', 'count(*)', 'min(rn)')} FROM cells WHERE m IS NOT NULL GROUP BY col, m`,
    `${row('value', 'col', nullS, nullS, 'v', 'n', 'first')} FROM kept`,
    `${row('distinct', 'col', nullS, nullS, nullS, 'max(nd)', 'NULL')} FROM ranked GROUP BY col`,
    `${row('condition', 'col', 'v', nullS, 'pat', 'count(*)', 'min(rn)')} FROM cells WHERE m IS NULL AND col IN (SELECT col FROM ranked WHERE nd <= ${CONDITION_VALUE_CAP}) GROUP BY col, v, pat`,
  ];
  const who = plan.participant;
  if (who) {
    const id = who.index;
    const okRn = (a: number, extra = '') => `CASE WHEN ${m(a)} IS NULL${extra} THEN rn ELSE ${NO_ROW} END`;
    const okVal = (a: number, extra = '') => `CASE WHEN ${m(a)} IS NULL${extra} THEN ${c(a)} END`;
    ctes.push(
      `pt AS (SELECT CASE WHEN ${m(id)} IS NULL THEN concat('v', ${c(id)}) ELSE concat('r', CAST(rn AS ${S})) END AS pid, t.* FROM t)`,
      `firsts AS (SELECT pid, count(*) AS nrows, min(rn) AS prn, ${cols.map((col) => `max(CASE WHEN ${m(col.index)} IS NULL THEN 1 ELSE 0 END) AS h${col.index}`).join(', ')}${plan.ancestryColumns.map((a, k) => `, ${d.minBy(okVal(a), okRn(a))} AS f${k}`).join('')} FROM pt GROUP BY pid)`,
      `seconds AS (SELECT pt.pid${plan.ancestryColumns.map((a, k) => `, ${d.minBy(okVal(a, ` AND ${c(a)} <> firsts.f${k}`), okRn(a, ` AND ${c(a)} <> firsts.f${k}`))} AS s${k}`).join('')} FROM pt JOIN firsts ON pt.pid = firsts.pid GROUP BY pt.pid)`,
      `pp AS (SELECT firsts.*${plan.ancestryColumns.map((_, k) => `, seconds.s${k}`).join('')}, ${pattern(plan, (i) => `h${i} = 1`)} AS present FROM firsts JOIN seconds ON firsts.pid = seconds.pid)`,
    );
    parts.push(
      `${row('participant', '-1', nullS, nullS, 'present', 'count(*)', 'sum(nrows)')} FROM pp GROUP BY present`,
      ...plan.ancestryColumns.map((_, k) => `${row('participant', String(k), `f${k}`, `s${k}`, 'present', 'count(*)', 'min(prn)')} FROM pp GROUP BY f${k}, s${k}, present`),
    );
  }
  return `WITH ${ctes.join(',\n')}\n${parts.join('\nUNION ALL\n')}`;
}

export const PROFILE_RESULT_COLUMNS = OUT;
