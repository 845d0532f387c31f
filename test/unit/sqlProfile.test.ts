// The profile computed in SQL (DuckDB) equals the JavaScript profile, for random tables
// (fast-check) and on the examples and real data; and the findings of the rules that read
// only the profile are the same. DuckDB is an optional dependency: without it every test
// here skips, saying so.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import * as fc from 'fast-check';
import { duckdb } from '../../server/src/cli/duckdb';
import { duckdbProfile, lintWithDuckDb } from '../../server/src/cli/duckdbLint';
import { detectAncestryColumns, MAX_ASSESSED_ANCESTRY_COLUMNS } from '../../server/src/engine/ancestry/detectColumns';
import { columnMarkers } from '../../server/src/engine/columnMarkers';
import { lintDataset, lintParquetFile } from '../../server/src/engine';
import { participantColumn } from '../../server/src/engine/profile/participants';
import { ProfileBuilder, type TableProfile } from '../../server/src/engine/profile/profile';
import { parseTable } from '../../server/src/engine/table/parse';
import { noPolicy, realdataDir } from './helpers';
import { comparable, exampleTables, realdataTables, writeParquet, type TableFile } from './tableFiles';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cohort-lint-sql-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Ctx = { skip(message: string): void };
async function withDuckDb(t: Ctx): Promise<boolean> {
  if (await duckdb()) return true;
  t.skip('@duckdb/node-api is not installed (an optional dependency of the CLI)');
  return false;
}

const entries = <K, V>(m: Map<K, V>) => [...m.entries()];
const sortedEntries = <V>(m: Map<number, V>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
const tallies = (groups: Map<number, Map<string, { rows: number; missingPerColumn: Map<number, number> }>>) =>
  entries(groups).map(([a, t]) => [a, entries(t).map(([g, x]) => [g, x.rows, sortedEntries(x.missingPerColumn)])]);

/** Everything the rules read from a profile, as plain data (Map orders kept: they are first-seen orders). */
function plain(p: TableProfile): unknown {
  return {
    rowCount: p.rowCount,
    columns: p.columns.map((c) => [c.name, c.missing, entries(c.missingByMarker), c.valuesTruncated, entries(c.values)]),
    groups: tallies(p.groups),
    groupMissing: entries(p.groupMissing).map(([a, m]) => [a, entries(m)]),
    missingness: p.missingness && {
      bothMissing: [...p.missingness.bothMissing],
      conditions: p.missingness.conditions.map((c) => c && [c.values, [...c.rows], [...c.missing]]),
    },
    participants: p.participants && {
      ...p.participants, groups: tallies(p.participants.groups), missing: [...p.participants.missing],
      ancestryMissing: entries(p.participants.ancestryMissing), conflicts: entries(p.participants.conflicts),
    },
  };
}

/** The JavaScript profile with a distinct-value cap small enough for random tables to pass it. */
function jsProfile(text: string, cap: number, ancestryCap?: number): TableProfile {
  const table = parseTable(text, ',');
  const policy = noPolicy().policy;
  const detected = detectAncestryColumns(table.header, policy.ancestry.columns);
  const ancestryColumns = detected.slice(0, MAX_ASSESSED_ANCESTRY_COLUMNS);
  const builder = new ProfileBuilder(table.header, { markers: columnMarkers(table.header, policy, detected), ancestryColumns, participantColumn: participantColumn(table.header), distinctCap: cap, ancestryDistinctCap: ancestryCap });
  for (const row of table.rows) builder.addRow(row.values);
  return builder.finish();
}

const NAMES = ['participant_id', 'race', 'ethnicity', 'sex', 'age', 'diagnosis', 'hba1c', 'site', 'note'];
const VALUES = ['', ' ', 'NA', ' na ', 'N/A', '?', 'Unknown', 'unknown\t', 'Declined', 'declined to answer', 'Prefer-not-to-answer', '0', '-9',
  'White', 'Asian', 'Black', 'white', 'A', 'B', 'C', 'D', 'E', '1', '2', '3', 'x,y', 'q"uote', '\u00a0NA', 'NULL', 'P1', 'P2', 'P3', 'a\nb'];
const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const tableArb = fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 6 }).chain((header) =>
  fc.record({
    header: fc.constant(header),
    rows: fc.array(fc.array(fc.constantFrom(...VALUES), { minLength: header.length, maxLength: header.length }), { minLength: 1, maxLength: 30 }),
  }));

describe('SQL profile (DuckDB) equals the JavaScript profile', () => {
  test('random tables: every count, marker, value, group, sketch and participant figure', async (t) => {
    if (!(await withDuckDb(t))) return;
    const cap = 3;
    let run = 0;
    await fc.assert(fc.asyncProperty(tableArb, async ({ header, rows }) => {
      const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
      const file = path.join(dir, `random-${run++}.csv`);
      writeFileSync(file, text);
      const { profile } = await duckdbProfile(file, noPolicy(), {}, (plan) => ({ ...plan, columns: plan.columns.map((c) => (plan.ancestryColumns.includes(c.index) ? c : { ...c, cap })) }));
      assert.deepEqual(plain(profile), plain(jsProfile(text, cap)));
    }), { numRuns: 25 });
  });

  test('random tables with every column capped at 2 values: ancestry groups, conditions and counts stop at the cut', async (t) => {
    if (!(await withDuckDb(t))) return;
    const cap = 2;
    let run = 0;
    await fc.assert(fc.asyncProperty(tableArb, async ({ header, rows }) => {
      const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
      const file = path.join(dir, `capped-${run++}.csv`);
      writeFileSync(file, text);
      const { profile } = await duckdbProfile(file, noPolicy(), {}, (plan) => ({ ...plan, columns: plan.columns.map((c) => ({ ...c, cap })) }));
      assert.deepEqual(plain(profile), plain(jsProfile(text, cap, cap)));
    }), { numRuns: 25 });
  });

  test('a value past the cap stops the counts of the kept values where it first appears, in first-seen order', async (t) => {
    if (!(await withDuckDb(t))) return;
    // site: B, A kept (first seen in that order); C is the third value at row 4; the A and B after it are not counted.
    const text = 'participant_id,race,site\nP1,White,B\nP2,Asian,A\nP1,Black,B\nP3,White,C\nP4,Asian,A\nP5,White,B\n';
    const file = path.join(dir, 'cut.csv');
    writeFileSync(file, text);
    const { profile } = await duckdbProfile(file, noPolicy(), {}, (plan) => ({ ...plan, columns: plan.columns.map((c) => ({ ...c, cap: 2 })) }));
    const site = profile.columns[2];
    assert.deepEqual([...site.values.entries()], [['B', 2], ['A', 1]]);
    assert.equal(site.valuesTruncated, true);
    assert.deepEqual(plain(profile), plain(jsProfile(text, 2, 2)));
    // P1's first race is White, then Black: one participant with a conflict.
    assert.deepEqual(profile.participants?.conflicts.get(1)?.pairs, [['White', 'Black', 1]]);
  });
});

async function sameFindings(t: Ctx, { file, policy, schemaEnv }: TableFile, parquet = false): Promise<void> {
  if (!(await withDuckDb(t))) return;
  const env = { schema: schemaEnv.schema, findings: schemaEnv.findings };
  let js = lintDataset(file, readFileSync(file, 'utf8'), undefined, policy, {}, env);
  let target = file;
  if (parquet) {
    target = path.join(dir, path.basename(file).replace(/\.[^.]+$/, '.parquet'));
    writeParquet(js, target);
    js = await lintParquetFile(target, policy, {}, env);
  }
  const sql = await lintWithDuckDb(target, policy, {}, env);
  assert.equal(sql.profile.rowCount, js.profile.rowCount);
  const supported = (f: { code: string }) => !sql.notChecked.includes(f.code);
  assert.ok(js.findings.some(supported), 'the file has findings the SQL route checks');
  // What rows add where they are read (DatasetRule.optionalScan: the age below which a
  // marital status is empty, in phenotype-values-missing's detail) a SQL profile cannot;
  // everything else must be equal.
  const rowFacts = / Every participant younger than \d+ \(by "[^"]*"\) has none: [\d,]+ of the [\d,]+ missing cells \([^)]*\)\./;
  const fromProfile = (fs: typeof js.findings) => fs.filter(supported).map((f) => (f.detail ? { ...f, detail: f.detail.replace(rowFacts, '') } : f));
  const exact = (fs: typeof js.findings) => fromProfile(fs).map((f) => JSON.stringify({ code: f.code, range: f.range, message: f.message, detail: f.detail, data: f.data }));
  assert.deepEqual(parquet ? comparable(fromProfile(sql.findings)) : exact(sql.findings), parquet ? comparable(fromProfile(js.findings)) : exact(js.findings));
}

describe('DuckDB engine: the findings of the profile rules equal the JavaScript engine\'s', () => {
  for (const table of exampleTables()) test(`examples/${path.basename(table.file)}`, (t) => sameFindings(t, table));
  const real = realdataTables();
  if (real.length === 0) test('real data', (t) => t.skip(`realdata folder absent: ${realdataDir}`));
  for (const table of real) test(`realdata/${path.basename(table.file)}`, (t) => sameFindings(t, table));
  for (const table of exampleTables()) test(`examples/${path.basename(table.file)} as Parquet`, (t) => sameFindings(t, table, true));
  for (const table of real.filter((r) => /synthea_patients/.test(r.file))) test(`realdata/${path.basename(table.file)} as Parquet`, (t) => sameFindings(t, table, true));
});

describe('DuckDB engine: rules it does not run', () => {
  test('rules that read rows are listed as not checked, never reported clean', async (t) => {
    if (!(await withDuckDb(t))) return;
    const file = path.join(dir, 'consent.csv');
    writeFileSync(file, 'participant_id,race,consent\nP1,White,GRU\nP2,Asian,\nP3,White,withdrawn\n');
    const sql = await lintWithDuckDb(file, noPolicy());
    for (const id of ['consent-value-missing', 'privacy-direct-identifier', 'phenotype-term-invalid', 'table-malformed']) assert.ok(sql.notChecked.includes(id), id);
    assert.ok(sql.notChecked.every((id) => !sql.findings.some((f) => f.code === id)));
    assert.ok(!sql.notChecked.includes('ancestry-underrepresented') && !sql.notChecked.includes('phenotype-values-missing'));
  });
});

describe('missing markers after Unicode whitespace', () => {
  test('a marker after a no-break space is missing, as trim() reads it (the SQL profile trims the same characters)', () => {
    const profile = jsProfile('race,age\n\u00a0NA,\u00a0NA\nWhite,40\n', 1000);
    assert.deepEqual(profile.columns.map((c) => c.missing), [1, 1]);
  });
});
