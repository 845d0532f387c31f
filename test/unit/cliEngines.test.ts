// The CLI's engines: --engine duckdb (the SQL profile), `cohort-lint sql` printing the profile
// query, and --profile linting from its result; what is said about the engine that ran.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { duckdb } from '../../server/src/cli/duckdb';
import { cliPath, repoRoot } from './helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cohort-lint-engines-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], script = cliPath) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', cwd: dir });
}
const codes = (stdout: string) => (JSON.parse(stdout) as { code: string }[]).map((f) => f.code).sort();

const rows = Array.from({ length: 60 }, (_, i) => `P${i},${['White', 'White', 'White', 'Asian', 'Black'][i % 5]},${i % 2 ? 'F' : 'M'},${i % 7 === 0 ? 'NA' : 30 + i},${i % 3 === 0 ? '' : 'HP:0001250'}`);
const CSV = ['participant_id,race,sex,age,hpo_terms', ...rows].join('\n') + '\n';
const ehr = path.join(repoRoot, 'examples', 'ehr_extract.csv');

describe('cohort-lint sql', () => {
  test('prints a BigQuery query for a warehouse table named with its columns', () => {
    const run = cli(['sql', '--dialect', 'bigquery', '--columns', 'person_id,race,sex', 'proj.dataset.person']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /FROM `proj`\.`dataset`\.`person`/);
    assert.match(run.stdout, /ARRAY_AGG\(CASE WHEN .* IGNORE NULLS\)/);
    assert.match(run.stdout, / IN UNNEST\(mk0\)/);
    assert.match(run.stdout, /GROUP BY GROUPING SETS \(/);
  });

  test('a warehouse table without its columns is a usage error', () => {
    const run = cli(['sql', '--dialect', 'spark', 'db.cohort']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--columns/);
  });

  test('the printed query, run on DuckDB, is linted by --profile with the findings --engine duckdb gives', async (t) => {
    const db = await duckdb();
    if (!db) { t.skip('@duckdb/node-api is not installed'); return; }
    const file = path.join(dir, 'cohort.csv');
    writeFileSync(file, CSV);
    const printed = cli(['sql', file]);
    assert.equal(printed.status, 0, printed.stderr);
    const instance = await db.DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const result = await connection.runAndReadAll(printed.stdout);
    const results = path.join(dir, 'results.json');
    writeFileSync(results, JSON.stringify(result.getRowObjectsJson()));
    connection.closeSync();
    const fromResults = cli(['--format', 'json', '--profile', results]);
    assert.ok(fromResults.status === 0 || fromResults.status === 1, fromResults.stderr);
    assert.match(fromResults.stderr, /engine sql \(profile results\); not checked, they read rows: .*consent-value-missing/);
    const direct = cli(['--format', 'json', '--engine', 'duckdb', file]);
    assert.match(direct.stderr, /engine duckdb \(SQL profile\)/);
    assert.deepEqual(codes(fromResults.stdout), codes(direct.stdout));
    assert.ok(codes(direct.stdout).some((c) => c.startsWith('ancestry-')) && codes(direct.stdout).includes('phenotype-values-missing'), codes(direct.stdout).join());
  });

  test('results computed under another policy are refused', async (t) => {
    if (!(await duckdb())) { t.skip('@duckdb/node-api is not installed'); return; }
    const results = path.join(dir, 'stale.json');
    writeFileSync(results, JSON.stringify([{ part: 'column', col: 0, val: 'race' }, { part: 'plan', val: 'v1-00000000' }]));
    const run = cli(['--profile', results]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /another header or policy/);
  });
});

describe('--engine duckdb', () => {
  test('a file DuckDB cannot read strictly (a short row) is linted by the JavaScript engine, which says so', async (t) => {
    if (!(await duckdb())) { t.skip('@duckdb/node-api is not installed'); return; }
    const file = path.join(dir, 'ragged.csv');
    writeFileSync(file, CSV + 'P99,White\n');
    const run = cli(['--format', 'json', '--engine', 'duckdb', file]);
    assert.match(run.stderr, /engine js \(DuckDB could not profile it/);
    assert.ok(codes(run.stdout).includes('table-malformed'));
  });

  test('without DuckDB installed the JavaScript engine runs every rule and says so', () => {
    // The bundle copied away from node_modules cannot resolve @duckdb/node-api.
    const lone = path.join(dir, 'cli.js');
    copyFileSync(cliPath, lone);
    const run = cli(['--format', 'json', '--engine', 'duckdb', ehr], lone);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.match(run.stderr, /engine js: DuckDB \(@duckdb\/node-api\) is not installed/);
    assert.deepEqual(codes(run.stdout), codes(cli(['--format', 'json', ehr]).stdout));
  });
});
