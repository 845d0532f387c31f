// The Spark SQL dialect of the profile query. On a machine with pyspark (scripts/setup-spark.sh)
// the query runs on a local Spark session and must give DuckDB's profile; without it that test
// skips, saying so, and the rest checks what can be checked without Spark: the dialect's
// differences from DuckDB's, and Spark's array test (array_contains) run on DuckDB, which has
// it with Spark's semantics.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { duckdb, runProfileQuery } from '../../server/src/cli/duckdb';
import { readResults } from '../../server/src/cli/sqlCommand';
import { csvHead, csvSource } from '../../server/src/cli/sqlSources';
import { dialect } from '../../server/src/engine/sql/dialect';
import { profilePlan } from '../../server/src/engine/sql/plan';
import { profileQuery } from '../../server/src/engine/sql/profileQuery';
import { readProfile } from '../../server/src/engine/sql/readProfile';
import { noPolicy, repoRoot } from './helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cohort-lint-spark-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const CSV = ['participant_id,race,sex,age,note', 'P1,White,F,40,', 'P1,Black,F,40,NA', 'P2,Asian,M,?,"a, b"', 'P3, NA,F,51,it\'s', 'P4,Declined,M,,x\\y', 'P5,White,,33,'].join('\n') + '\n';
const header = CSV.split('\n')[0].split(',');
const plan = profilePlan(header, noPolicy().policy);
const spark = profileQuery(plan, { from: '`cohort`', columns: header.map((h) => `\`${h}\``) }, dialect('spark'));

function pysparkMissing(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import pyspark'], { encoding: 'utf8' });
  if (probe.error) return 'python3 is not installed';
  return probe.status === 0 ? undefined : 'pyspark is not importable (scripts/setup-spark.sh installs it with a JDK; PyPI is needed)';
}

async function duckdbProfileOf(text: string) {
  const file = path.join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  return readProfile(plan, await runProfileQuery(profileQuery(plan, csvSource(file, csvHead(file)), dialect('duckdb'))));
}

describe('Spark SQL dialect', () => {
  test('on a local Spark session the profile equals DuckDB\'s', async (t) => {
    const missing = pysparkMissing();
    if (missing) { t.skip(`Spark test not run: ${missing}`); return; }
    if (!(await duckdb())) { t.skip('@duckdb/node-api is not installed'); return; }
    const data = path.join(dir, 'cohort.csv');
    const query = path.join(dir, 'query.sql');
    writeFileSync(data, CSV);
    writeFileSync(query, spark);
    const run = spawnSync('python3', [path.join(repoRoot, 'test', 'spark', 'profile_query.py'), data, query], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readProfile(plan, readResults(run.stdout)), await duckdbProfileOf(CSV));
  });

  test('the query uses Spark\'s quoting, literals and functions, none of DuckDB\'s own', () => {
    assert.match(spark, /FROM `cohort`/);
    assert.match(spark, /monotonically_increasing_id\(\)/);
    assert.match(spark, /GROUP BY GROUPING SETS \(/);
    assert.match(spark, /collect_list\(CASE WHEN /);
    assert.match(spark, /array_contains\(mk0, /);
    for (const duckOnly of ['list(v)', 'list_contains(', 'FILTER (WHERE', 'strip_accents(', "'g')", 'row_number() OVER () AS rn']) assert.ok(!spark.includes(duckOnly), duckOnly);
    // Spark reads backslash escapes in string literals: a quote is \' and a backslash \\.
    assert.equal(dialect('spark').string("it's a\\b"), "'it\\'s a\\\\b'");
    assert.equal(dialect('duckdb').string("it's a\\b"), "'it''s a\\b'");
  });

  test('Spark\'s array_contains, run on DuckDB (which has it), gives the same profile', async (t) => {
    if (!(await duckdb())) { t.skip('@duckdb/node-api is not installed'); return; }
    const file = path.join(dir, 'portable.csv');
    writeFileSync(file, CSV);
    const portable = { ...dialect('duckdb'), listContains: dialect('spark').listContains };
    const sparkFunctions = readProfile(plan, await runProfileQuery(profileQuery(plan, csvSource(file, csvHead(file)), portable)));
    assert.deepEqual(sparkFunctions, await duckdbProfileOf(CSV));
    assert.ok(sparkFunctions.participants, 'the table repeats P1, so participants are profiled (first and second groups)');
  });
});
