// The DuckDB engine: a local CSV or Parquet file profiled by one SQL query (engine/sql),
// then linted by the rules that read only the profile. Which rules those are, and how the
// others are reported, is lintProfile's business.
import { type DatasetEnvironment, type LintOptions, type LoadedPolicy } from '../engine';
import { PARQUET_FILE } from '../engine/lintParquet';
import { parquetHeader } from '../engine/parquet/readParquet';
import { dialect } from '../engine/sql/dialect';
import { lintProfile, type ProfileAnalysis } from '../engine/sql/lintProfile';
import { profilePlan, type ProfilePlan } from '../engine/sql/plan';
import { profileQuery, type SqlSource } from '../engine/sql/profileQuery';
import { readProfile } from '../engine/sql/readProfile';
import type { TableProfile } from '../engine/profile/profile';
import { headerTable } from '../engine/table/headerTable';
import type { Table } from '../engine/table/parse';
import { runProfileQuery } from './duckdb';
import { csvHead, csvSource, headOnly, parquetSource } from './sqlSources';

interface LocalTable {
  table: Table;
  source: SqlSource;
}

async function localTable(file: string): Promise<LocalTable> {
  if (PARQUET_FILE.test(file)) {
    const { header } = await parquetHeader(file);
    return { table: headerTable(header), source: parquetSource(file, header) };
  }
  const head = csvHead(file);
  return { table: headOnly(head), source: csvSource(file, head) };
}

/** The plan and the profile DuckDB computes for a local file (and the table it is positioned on). */
export async function duckdbProfile(file: string, loaded: LoadedPolicy, environment: DatasetEnvironment = {}, adjust?: (plan: ProfilePlan) => ProfilePlan): Promise<{ plan: ProfilePlan; profile: TableProfile; table: Table }> {
  const { table, source } = await localTable(file);
  let plan = profilePlan(table.header, loaded.policy, environment.schema);
  if (adjust) plan = adjust(plan);
  const rows = await runProfileQuery(profileQuery(plan, source, dialect('duckdb')));
  return { plan, profile: readProfile(plan, rows), table };
}

export async function lintWithDuckDb(file: string, loaded: LoadedPolicy, options: LintOptions = {}, environment: DatasetEnvironment = {}): Promise<ProfileAnalysis> {
  const { plan, profile, table } = await duckdbProfile(file, loaded, environment);
  return lintProfile(file, plan, profile, loaded, options, environment, table);
}
