// `cohort-lint sql --dialect D TABLE` prints the profile query for a table where the data
// lives (Spark on UK Biobank's RAP or Databricks, BigQuery for All of Us, DuckDB), and
// `cohort-lint --profile RESULTS.json` lints from its result. The query is computed for the
// policy in force (--config, or the nearest cohortlint.yaml), whose fingerprint it carries.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodeBytes, findPolicyFile, loadPolicy, type Finding, type LoadedPolicy } from '../engine';
import { PARQUET_FILE } from '../engine/lintParquet';
import { parquetHeader } from '../engine/parquet/readParquet';
import { dialect } from '../engine/sql/dialect';
import { lintProfile } from '../engine/sql/lintProfile';
import { profilePlan } from '../engine/sql/plan';
import { profileQuery, type SqlSource } from '../engine/sql/profileQuery';
import { readProfile, resultHeader, type ProfileRow } from '../engine/sql/readProfile';
import { UsageError, type CliArgs } from './args';
import { csvHead, csvSource, parquetSource } from './sqlSources';

const readText = (file: string): string | undefined => (existsSync(file) ? decodeBytes(readFileSync(file)).text : undefined);

/** --config, else the cohortlint.yaml nearest the file (a local table) or the working folder. */
function policyFor(configPath: string | undefined, cwd: string, near = path.join(cwd, 'table')): LoadedPolicy {
  const root = path.dirname(near).startsWith(cwd) ? cwd : path.dirname(near);
  return loadPolicy(configPath ? path.resolve(configPath) : findPolicyFile(near, root, existsSync), readText, root);
}

function columnsOf(args: CliArgs): string[] {
  if (args.columns?.length) return args.columns;
  if (args.columnsFile) {
    const text = readText(args.columnsFile);
    if (text === undefined) throw new UsageError(`no such columns file: ${args.columnsFile}`);
    const lines = text.split(/\r\n|\n|\r/).map((l) => l.trim()).filter(Boolean);
    return lines.length === 1 ? csvHead(args.columnsFile).header : lines;
  }
  throw new UsageError('cohort-lint sql needs the table\'s columns: --columns A,B,... or --header-file FILE');
}

/** A dotted table name with each part quoted (`project.dataset.table`). */
function tableRef(name: string, quote: (part: string) => string): string {
  return name.split('.').map(quote).join('.');
}

export async function sqlCommand(args: CliArgs, cwd: string): Promise<string> {
  const target = args.paths[1];
  const d = dialect(args.dialect);
  let header: string[];
  let source: SqlSource;
  const local = /\.(csv|tsv|tab|parquet)$/i.test(target) && existsSync(target);
  if (local) {
    if (args.dialect !== 'duckdb') throw new UsageError(`a local file is read by DuckDB: use --dialect duckdb, or name the ${args.dialect} table`);
    const file = path.resolve(target);
    if (PARQUET_FILE.test(file)) {
      header = (await parquetHeader(file)).header;
      source = parquetSource(file, header);
    } else {
      const head = csvHead(file);
      header = head.header;
      source = csvSource(file, head);
    }
  } else {
    header = columnsOf(args);
    source = { from: tableRef(target, d.ident), columns: header.map(d.ident) };
  }
  const plan = profilePlan(header, policyFor(args.config, cwd, local ? path.resolve(target) : undefined).policy);
  return [
    `-- Cohort Lint profile query for ${target} (${args.dialect}). Run it where the data is and save the`,
    '-- result (columns part, col, grp, grp2, val, n, first) as JSON or JSON lines, then:',
    '--   cohort-lint --profile results.json   (with the same policy file)',
    `${profileQuery(plan, source, d)};`,
    '',
  ].join('\n');
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The result as exported: a JSON array, { rows: [...] }, or JSON lines; column names in any case. */
export function readResults(text: string): ProfileRow[] {
  const trimmed = text.trim();
  let records: Record<string, unknown>[];
  if (trimmed.startsWith('[')) records = JSON.parse(trimmed);
  else if (trimmed.startsWith('{') && !trimmed.includes('\n')) records = (JSON.parse(trimmed) as { rows?: Record<string, unknown>[] }).rows ?? [];
  else records = trimmed.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l));
  if (!Array.isArray(records)) throw new Error('the results are not a list of rows');
  return records.map((raw) => {
    const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    return { part: String(r.part), col: num(r.col), grp: str(r.grp), grp2: str(r.grp2), val: str(r.val), n: num(r.n), first: num(r.first) };
  });
}

export interface ProfileLint {
  findings: Finding[];
  notChecked: string[];
}

export function lintResults(file: string, configPath: string | undefined, cwd: string): ProfileLint {
  const text = readText(file);
  if (text === undefined) throw new Error(`no such results file: ${file}`);
  const rows = readResults(text);
  const header = resultHeader(rows);
  if (header.length === 0) throw new Error(`${file} holds no profile query result (no "column" rows)`);
  const loaded = policyFor(configPath, cwd);
  const plan = profilePlan(header, loaded.policy);
  const analysis = lintProfile(file, plan, readProfile(plan, rows), loaded);
  return { findings: analysis.findings, notChecked: analysis.notChecked };
}
