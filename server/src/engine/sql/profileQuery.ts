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
//
// The table is read twice, each time as one stream into one aggregation (GROUPING SETS), so
// no row and no cell is ever held:
//   1. every column's distinct values with their rows and first row (`g1`). Missing markers
//      are then matched once per distinct value, not once per cell (the match is costly: case,
//      trimming, label keys), which also yields the cap's cut row and the condition columns;
//   2. per row, its missing pattern (a cell is missing when its value is one of the markers
//      step 1 found in its column), grouped by pattern, by ancestry group and pattern, by
//      condition value and pattern, by value before the cap's cut, and by participant (`g2`).
// Both reads number the rows the same way (the engine's row order), as every reference to a
// row number in one query must.
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
  /** A row number in file order that `from` provides itself (else the dialect's numbering). */
  rowNumber?: string;
}

const OUT = ['part', 'col', 'grp', 'grp2', 'val', 'n', 'first'];
/** Result sets of read 2 numbered from here are ancestry columns' groups (past any column index). */
const ANCESTRY = 1_000_000;

function pattern(indices: number[], bit: (i: number) => string): string {
  return `concat(${indices.map((i) => `CASE WHEN ${bit(i)} THEN '1' ELSE '0' END`).join(', ')})`;
}

export function profileQuery(plan: ProfilePlan, source: SqlSource, d: Dialect): string {
  const S = 'STRING';
  const nullS = `CAST(NULL AS ${S})`;
  const row = (part: string, col: string, grp: string, grp2: string, val: string, n: string, first: string) =>
    `SELECT '${part}' AS part, CAST(${col} AS BIGINT) AS col, ${grp} AS grp, ${grp2} AS grp2, ${val} AS val, CAST(${n} AS BIGINT) AS n, CAST(${first} AS BIGINT) AS first`;
  const cols = plan.columns;
  const all = cols.map((col) => col.index);
  const c = (i: number) => `c${i}`;
  /** Cell i is missing: its value is one of the markers found in column i. */
  const x = (i: number) => `x${i}`;
  const ancestry = plan.ancestryColumns;
  const who = plan.participant;

  // The table as text, numbered; written out once per read so that each read streams it.
  const table = `SELECT ${source.rowNumber ?? d.rowNumber} AS rn, ${source.columns.map((e, i) => `coalesce(CAST(${e} AS ${S}), '') AS ${c(i)}`).join(', ')} FROM ${source.from}`;
  /** Grouping sets, each with keys of its own, as one long table: which set (`s`), then its keys. */
  const long = (select: string[], ofSet: [string, string][], from: string, sets: string[], out: Record<string, string>) =>
    `SELECT CASE ${ofSet.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(' ')} END AS s, ${Object.entries(out).map(([name, e]) => `${e} AS ${name}`).join(', ')}, n, first FROM (SELECT ${select.join(', ')}, count(*) AS n, min(rn) AS first FROM ${from} GROUP BY GROUPING SETS (${sets.join(', ')})) gs`;

  const ctes: string[] = [
    `src1 AS (${table})`,
    // Read 1. In the grouping set of column i only c_i is set (a value is never NULL here).
    `g1 AS (SELECT s AS col, v, n, first FROM (${long(all.map(c), all.map((i) => [`${c(i)} IS NOT NULL`, String(i)]), 'src1', all.map((i) => `(${c(i)})`), { v: `coalesce(${all.map(c).join(', ')})` })}) g)`,
    `vals AS (${cols.map((col) => `SELECT col, v, n, first, ${markerSql(d, col, 'v')} AS m FROM g1 WHERE col = ${col.index}`).join(' UNION ALL ')})`,
    `ranked AS (SELECT col, v, n, first, row_number() OVER (PARTITION BY col ORDER BY first) AS r, count(*) OVER (PARTITION BY col) AS nd FROM vals WHERE m IS NULL)`,
    // One row: per column the markers present, the cap's cut (the first row of the first value
    // past the cap, 0 when none: the JavaScript profile stops counting there) and whether it
    // has few enough values to be a condition column.
    `markers AS (SELECT ${all.map((i) => `${d.listAgg('v', `col = ${i} AND m IS NOT NULL`)} AS mk${i}`).join(', ')} FROM vals)`,
    `cuts AS (SELECT ${cols.map((col) => `coalesce(min(CASE WHEN col = ${col.index} AND r = ${col.cap + 1} THEN first END), 0) AS cut${col.index}, coalesce(max(CASE WHEN col = ${col.index} THEN nd END), 0) <= ${CONDITION_VALUE_CAP} AS cond${col.index}`).join(', ')} FROM ranked)`,
    // Read 2, one row at a time.
    `src2 AS (${table})`,
    `t AS (SELECT src2.*, ${all.map((i) => `coalesce(${d.listContains(`mk${i}`, c(i))}, FALSE) AS ${x(i)}`).join(', ')}, ${all.map((i) => `cut${i}, cond${i}`).join(', ')} FROM src2 CROSS JOIN markers CROSS JOIN cuts)`,
    `p AS (SELECT *, ${pattern(all, x)} AS pat FROM t)`,
  ];
  // Grouping keys of read 2 and their sets; `s` names the set a result row is of:
  // -1 patterns, ANCESTRY + k ancestry column k's groups, i column i's counted values,
  // -2 participants' patterns, -3 - k participants' values in ancestry column k.
  const keys: string[] = ['pat'];
  const sets: string[] = ['(pat)'];
  const ofSet: [string, string][] = [];
  const v: string[] = [];
  const w: string[] = [];
  const b: string[] = [];
  if (who) {
    const id = who.index;
    // A row without an id is a participant of its own. pid is set only in these sets, so they
    // are told apart first: pv_k is the same expression as ka_k, which an engine may merge.
    keys.push(`CASE WHEN NOT ${x(id)} THEN concat('v', ${c(id)}) ELSE concat('r', CAST(rn AS ${S})) END AS pid`);
    sets.push('(pid, pat)');
    ofSet.push(['pid IS NOT NULL AND pat IS NOT NULL', '-2']);
    v.push('pid');
    ancestry.forEach((a, k) => {
      keys.push(`CASE WHEN NOT ${x(a)} THEN ${c(a)} END AS pv${k}`);
      sets.push(`(pid, pv${k})`);
      ofSet.push([`pid IS NOT NULL AND pv${k} IS NOT NULL`, String(-3 - k)]);
    });
  }
  ancestry.forEach((a, k) => {
    keys.push(`CASE WHEN NOT ${x(a)} THEN ${c(a)} END AS ka${k}`, `CASE WHEN NOT ${x(a)} THEN pat END AS pa${k}`);
    sets.push(`(ka${k}, pa${k})`);
    ofSet.push([`ka${k} IS NOT NULL`, String(ANCESTRY + k)]);
    v.push(`ka${k}`);
    w.push(`pa${k}`);
  });
  for (const i of all) {
    // Value i where it is counted: in a condition column (with the pattern), or before the cut.
    keys.push(`CASE WHEN NOT ${x(i)} AND (cond${i} OR rn < cut${i}) THEN ${c(i)} END AS k${i}`, `CASE WHEN cond${i} THEN pat END AS pc${i}`, `rn < cut${i} AS b${i}`);
    sets.push(`(k${i}, pc${i}, b${i})`);
    ofSet.push([`k${i} IS NOT NULL`, String(i)]);
    v.push(`k${i}`);
    w.push(`pc${i}`);
    b.push(`b${i}`);
  }
  if (who) ancestry.forEach((_, k) => w.push(`pv${k}`));
  ofSet.push(['pat IS NOT NULL', '-1']);
  w.push('pat');
  const names = keys.map((k) => (k.includes(' AS ') ? k.slice(k.lastIndexOf(' AS ') + 4) : k));
  ctes.push(
    `keyed AS (SELECT rn, ${keys.join(', ')} FROM p)`,
    `g2 AS (SELECT * FROM (${long(names, ofSet, 'keyed', sets, { v: `coalesce(${v.join(', ')})`, w: `coalesce(${w.join(', ')})`, b: `coalesce(${b.join(', ')})` })}) g WHERE s IS NOT NULL)`,
  );
  const isColumn = `s >= 0 AND s < ${ANCESTRY}`;

  const parts: string[] = [
    ...cols.map((col) => row('column', String(col.index), nullS, nullS, d.string(col.name), 'NULL', 'NULL')),
    row('plan', 'NULL', nullS, nullS, d.string(planFingerprint(plan)), 'NULL', 'NULL'),
    `${row('pattern', '-1', nullS, nullS, 'w', 'n', 'first')} FROM g2 WHERE s = -1`,
    `${row('pattern', `s - ${ANCESTRY}`, 'v', nullS, 'w', 'n', 'first')} FROM g2 WHERE s >= ${ANCESTRY}`,
    // Several ways of writing a marker (' NA', 'NA ') are one marker.
    `${row('marker', 'col', nullS, nullS, 'm', 'sum(n)', 'min(first)')} FROM vals WHERE m IS NOT NULL GROUP BY col, m`,
    // All values of a column within its cap; the kept ones, counted up to the cut, past it.
    `${row('value', 'col', nullS, nullS, 'v', 'n', 'first')} FROM ranked WHERE ${cols.map((col) => `(col = ${col.index} AND nd <= ${col.cap})`).join(' OR ')}`,
    `${row('value', 's', nullS, nullS, 'v', 'sum(n)', 'min(first)')} FROM g2 WHERE ${isColumn} AND b GROUP BY s, v`,
    `${row('distinct', 'col', nullS, nullS, nullS, 'max(nd)', 'NULL')} FROM ranked GROUP BY col`,
    `${row('condition', 's', 'v', nullS, 'w', 'sum(n)', 'min(first)')} FROM g2 WHERE ${isColumn} AND w IS NOT NULL GROUP BY s, v, w`,
  ];
  if (who) {
    ctes.push(
      `firsts AS (SELECT v AS pid, sum(n) AS nrows, min(first) AS prn, ${all.map((i) => `max(CASE WHEN substr(w, ${i + 1}, 1) = '0' THEN 1 ELSE 0 END) AS h${i}`).join(', ')} FROM g2 WHERE s = -2 GROUP BY v)`,
      // Per participant and ancestry column, its values in the order first seen: the first and the first other.
      ...ancestry.map((_, k) => `seen${k} AS (SELECT v AS pid, w AS value, row_number() OVER (PARTITION BY v ORDER BY first) AS r FROM g2 WHERE s = ${-3 - k})`),
      ...ancestry.map((_, k) => `two${k} AS (SELECT pid, max(CASE WHEN r = 1 THEN value END) AS f${k}, max(CASE WHEN r = 2 THEN value END) AS s${k} FROM seen${k} WHERE r <= 2 GROUP BY pid)`),
      `pp AS (SELECT firsts.nrows, firsts.prn${ancestry.map((_, k) => `, two${k}.f${k}, two${k}.s${k}`).join('')}, ${pattern(all, (i) => `firsts.h${i} = 1`)} AS present FROM firsts${ancestry.map((_, k) => ` LEFT JOIN two${k} ON firsts.pid = two${k}.pid`).join('')})`,
    );
    parts.push(
      `${row('participant', '-1', nullS, nullS, 'present', 'count(*)', 'sum(nrows)')} FROM pp GROUP BY present`,
      ...ancestry.map((_, k) => `${row('participant', String(k), `f${k}`, `s${k}`, 'present', 'count(*)', 'min(prn)')} FROM pp GROUP BY f${k}, s${k}, present`),
    );
  }
  return `WITH ${ctes.join(',\n')}\n${parts.join('\nUNION ALL\n')}`;
}

export const PROFILE_RESULT_COLUMNS = OUT;
