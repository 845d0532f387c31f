// Runs the profile query on DuckDB, an optional dependency of the CLI (never of the VS Code
// extension, which ships no native binary). Absent, the CLI uses the JavaScript engine.
import type { ProfileRow } from '../engine/sql/readProfile';

type DuckDbModule = typeof import('@duckdb/node-api');

let loaded: Promise<DuckDbModule | undefined> | undefined;

/** The DuckDB bindings, or undefined when they are not installed. */
export function duckdb(): Promise<DuckDbModule | undefined> {
  loaded ??= import('@duckdb/node-api').then((m) => m, () => undefined);
  return loaded;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * One thread: the profile numbers a CSV's rows in file order, which DuckDB does on one thread
 * whatever the setting, and every further thread only adds its own copy of each of the
 * query's hash tables (measured: no faster, some 10% more peak memory; bench/README.md).
 * No pushing of filters into shared CTEs: the query reads its per-column results with one
 * filter per column, and combining 50 of them into the CTE cost more to plan (0.9 s against
 * 0.4 s on diabetic_data.csv) than it saved.
 */
const PROFILE_SETTINGS: Record<string, string> = { threads: '1', disabled_optimizers: 'cte_filter_pusher' };

async function openDatabase(db: DuckDbModule, settings: Record<string, string>) {
  try {
    return await db.DuckDBInstance.create(':memory:', { ...PROFILE_SETTINGS, ...settings });
  } catch {
    // A DuckDB without that optimizer (renamed in a later version) runs the same query with its defaults.
    return db.DuckDBInstance.create(':memory:', settings);
  }
}

/** Runs the query in an in-memory database and returns its rows as profile rows. */
export async function runProfileQuery(sql: string, settings: Record<string, string> = {}): Promise<ProfileRow[]> {
  const db = await duckdb();
  if (!db) throw new Error('DuckDB (@duckdb/node-api) is not installed');
  const instance = await openDatabase(db, settings);
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjects().map((r) => ({ part: String(r.part), col: num(r.col), grp: str(r.grp), grp2: str(r.grp2), val: str(r.val), n: num(r.n), first: num(r.first) }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
