// A Parquet file gets the same findings as the CSV of the same data: column findings on
// the column's header cell, row findings by row number. Fixtures are written at test
// time from the parsed examples and real-data files (nothing binary is committed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { lintDataset, lintParquetFile } from '../../server/src/engine';
import { cellText, readParquet } from '../../server/src/engine/parquet/readParquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { cliPath, noPolicy, realdataDir } from './helpers';
import { comparable, exampleTables, realdataTables, rowsAreLines, writeParquet, type TableFile } from './tableFiles';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cohort-lint-parquet-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function sameFindings(t: { skip(m: string): void }, { file, policy, schemaEnv }: TableFile): Promise<void> {
  const env = { schema: schemaEnv.schema, findings: schemaEnv.findings };
  const parsed = lintDataset(file, readFileSync(file, 'utf8'), undefined, policy, {}, env);
  // Comment lines above the header are no part of the data: the CSV compared starts at its header.
  const csv = parsed.table.headerRow?.start ? lintDataset(file, parsed.table.text.slice(parsed.table.headerRow.start), undefined, policy, {}, env) : parsed;
  if (!rowsAreLines(csv)) { t.skip(`${path.basename(file)}: rows are not one line each, so CSV lines are not row numbers`); return; }
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  const out = path.join(dir, `${stem}.parquet`);
  writeParquet(csv, out);
  const parquet = await lintParquetFile(out, policy, {}, env);
  assert.equal(parquet.profile.rowCount, csv.profile.rowCount);
  assert.ok(csv.findings.length > 0, 'the file has findings to compare');
  // Quick fixes name sibling files (identifiers, quarantine) after the dataset's own extension.
  const rename: [RegExp, string][] = [[new RegExp(`${stem.replace(/\W/g, '\\$&')}\\.(\\w+)\\.parquet`, 'g'), `${stem}.$1${path.extname(file)}`]];
  assert.deepEqual(comparable(parquet.findings, rename), comparable(csv.findings));
}

describe('Parquet gives the CSV findings', () => {
  for (const table of exampleTables()) {
    test(`examples/${path.basename(table.file)}`, (t) => sameFindings(t, table));
  }
  const real = realdataTables();
  if (real.length === 0) test('real data', (t) => t.skip(`realdata folder absent: ${realdataDir}`));
  for (const table of real) {
    test(`realdata/${path.basename(table.file)}`, (t) => sameFindings(t, table));
  }
});

describe('Parquet cells as text', () => {
  test('typed values read as a CSV export writes them', () => {
    assert.equal(cellText(null), '');
    assert.equal(cellText(12345678901234567890n), '12345678901234567890');
    assert.equal(cellText(1.5), '1.5');
    assert.equal(cellText(false), 'false');
    assert.equal(cellText(new Date('2020-03-01T00:00:00Z')), '2020-03-01');
    assert.equal(cellText(new Date('2020-03-01T10:20:30Z')), '2020-03-01T10:20:30Z');
    assert.equal(cellText({ a: 1n }), '{"a":1}');
  });

  test('rows come out whole and in order over many row groups and pages, nulls and all', async () => {
    // Columns are decoded chunk by chunk (a page each) and turned into rows one at a time:
    // row groups of 7 rows and pages of a few values make every boundary fall mid-group.
    const n = 100;
    const ids = Array.from({ length: n }, (_, i) => `P${i}`);
    const race = Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : ['White', 'Asian', 'Black or African American'][i % 3]));
    const age = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : 20 + i));
    const out = path.join(dir, 'groups.parquet');
    writeFileSync(out, Buffer.from(parquetWriteBuffer({
      columnData: [{ name: 'participant_id', type: 'STRING', data: ids }, { name: 'race', type: 'STRING', data: race }, { name: 'age', type: 'INT32', data: age }],
      rowGroupSize: 7, pageSize: 16,
    })));
    const rows: string[][] = [];
    const numbers: number[] = [];
    await readParquet(out, () => (values, rowNumber) => { rows.push(values); numbers.push(rowNumber); });
    assert.deepEqual(numbers, Array.from({ length: n }, (_, i) => i + 1));
    assert.deepEqual(rows, ids.map((id, i) => [id, race[i] ?? '', age[i] === null ? '' : String(age[i])]));
  });

  test('an empty Parquet file (header, no rows) is a table with no rows', async () => {
    const out = path.join(dir, 'empty.parquet');
    writeFileSync(out, Buffer.from(parquetWriteBuffer({ columnData: [{ name: 'race', type: 'STRING', data: [] }] })));
    const analysis = await lintParquetFile(out, noPolicy());
    assert.equal(analysis.profile.rowCount, 0);
    assert.ok(analysis.findings.some((f) => f.code === 'table-malformed' && f.range.start.line === 0));
  });
});

describe('cohort-lint FILE.parquet', () => {
  test('the CLI lints a Parquet file named on the command line and finds its columns', () => {
    const source = path.join(dir, 'cli-source.csv');
    writeFileSync(source, 'participant_id,race,sex,age\n' + Array.from({ length: 40 }, (_, i) => `P${i},${i % 8 === 0 ? 'Asian' : 'White'},${i % 2 ? 'F' : 'M'},${30 + i}`).join('\n') + '\n');
    const out = path.join(dir, 'cli.parquet');
    writeParquet(lintDataset(source, readFileSync(source, 'utf8'), undefined, noPolicy()), out);
    const run = spawnSync(process.execPath, [cliPath, '--format', 'json', out], { encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const findings = JSON.parse(run.stdout) as { file: string; code: string; range: { start: { line: number; character: number } } }[];
    const consent = findings.find((f) => f.code === 'consent-field-missing');
    assert.ok(consent && consent.file === out, 'a column-level finding on the Parquet file');
    assert.ok(findings.every((f) => f.code !== 'internal-error' && f.code !== 'table-malformed'));
  });
});
