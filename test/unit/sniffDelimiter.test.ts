// Files named .csv that are not comma-separated: German credit's Kaggle copy (semicolons),
// OMOP CDM exports from ATLAS and the SynPUF sample (tabs, the latter with no header). Read
// on commas each was one column, and every rule reported as missing what the header holds.
// The comma a .csv name gives is kept unless the first rows contradict it (sniffDelimiter.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { csvHead, csvSource } from '../../server/src/cli/sqlSources';
import { hoverAt, lintDatasetFile } from '../../server/src/engine';
import { parseTable, readLayout } from '../../server/src/engine/table/parse';
import { reparseTable } from '../../server/src/engine/table/reparse';
import { sniffDelimiter } from '../../server/src/engine/table/sniffDelimiter';
import { streamTable } from '../../server/src/engine/table/streamTable';
import { GERMAN_SEMICOLON, OMOP_PERSON_COLUMNS, OMOP_PERSON_TABS, SYNPUF_PERSON } from './delimiterFixtures';
import { byCode, cliPath, lint, noPolicy, tempDir } from './helpers';

describe('a .csv that is not comma-separated', () => {
  test('German credit: semicolons, 11 columns, Sex and Age found', () => {
    const table = parseTable(GERMAN_SEMICOLON, ',');
    assert.equal(table.delimiter, ';');
    assert.equal(table.header.length, 11);
    assert.deepEqual(table.rows.map((r) => r.values.length), [11, 11, 11, 11, 11]);
    assert.deepEqual(table.delimiterChoice, { named: ',', used: ';', reason: 'one-column', rows: 6, fields: 11 });
    const a = lint(GERMAN_SEMICOLON, { path: '/virtual/project/german_credit_data.csv' });
    assert.deepEqual(byCode(a.findings, 'phenotype-field-missing').map((f) => f.data.requirement), ['diagnosis']);
    assert.match(byCode(a.findings, 'ancestry-column-missing')[0].message, /among the 11 columns/);
  });

  test('an OMOP PERSON table with tabs named .csv reads as its .tsv copy does', () => {
    const asCsv = lint(OMOP_PERSON_TABS, { path: '/virtual/project/person.csv' });
    const asTsv = lint(OMOP_PERSON_TABS, { path: '/virtual/project/person.tsv' });
    assert.equal(asCsv.table.header.length, 18);
    assert.deepEqual(asCsv.findings.map((f) => [f.code, f.message]), asTsv.findings.map((f) => [f.code, f.message]));
    assert.equal(byCode(asCsv.findings, 'phenotype-field-missing').some((f) => f.data.requirement === 'sex'), false);
  });

  test('a headerless tab table named .csv: tab-read, its header said to be missing, nothing else about that row', () => {
    const a = lint(SYNPUF_PERSON, { path: '/virtual/project/person.csv' });
    assert.equal(a.table.delimiter, '\t');
    assert.equal(a.table.headerRow!.values.length, 18);
    assert.deepEqual(a.findings.map((f) => f.code), ['table-header-missing']);
  });

  test('a header-only table: one line is read on tabs when it splits into three names or more', () => {
    assert.equal(parseTable('person_id\tdeath_date\tdeath_type_concept_id\n', ',').delimiter, '\t');
    assert.equal(parseTable('chest pain; fever\n', ',').delimiter, ',');
  });

  test('a semicolon table with decimal commas: uneven on commas, even on semicolons', () => {
    const text = 'id;weight;height\n1;70,5;1,80\n2;82;1,75\n3;64,2;1,62\n';
    assert.equal(sniffDelimiter(text, 0, ',')?.reason, 'uneven');
    assert.deepEqual(parseTable(text, ',').rows.map((r) => r.values), [['1', '70,5', '1,80'], ['2', '82', '1,75'], ['3', '64,2', '1,62']]);
  });

  test('a comma CSV stays comma-read: semicolons and tabs in its cells, quoted or not, do not count', () => {
    const notes = 'id,diagnosis,notes\n1,E11.9,"fever; cough"\n2,I10,"a\ttab"\n3,J45,wheeze; night\n';
    assert.equal(parseTable(notes, ',').delimiter, ',');
    assert.deepEqual(parseTable(notes, ',').rows.map((r) => r.values.length), [3, 3, 3]);
    // Uneven on commas but not even on anything else either: the comma is kept, the short row reported.
    const ragged = 'id,race\n1,White\n2\n3,Asian;Other\n';
    assert.equal(parseTable(ragged, ',').delimiter, ',');
    // Uneven commas (an unquoted comma in a note) and a pipe in every row's codes: the header has none, so the pipe is uneven too.
    const codes = 'id,codes,note\n1,E11|I10,ok\n2,I10|J45,fine\n3,J45|E11,no, really\n';
    assert.equal(parseTable(codes, ',').delimiter, ',');
    // Even on pipes header included, but naming no more columns than the commas do: the comma is kept.
    assert.equal(sniffDelimiter('a|b,c\nx|y,z,w\np|q\n', 0, ','), undefined);
  });

  test('a genuine one-column CSV (a list of ids) stays one column', () => {
    assert.equal(sniffDelimiter('participant_id\nP001\nP002\nP003\n', 0, ','), undefined);
    assert.equal(parseTable('participant_id\nP001\nP002\nP003\n', ',').header.length, 1);
    // A semicolon in only some lines: uneven, so no delimiter.
    assert.equal(parseTable('comment\nok\nfine; thanks\nnone\n', ',').delimiter, ',');
  });

  test('a quoted field decides with its quotes: a semicolon inside quotes does not split', () => {
    const text = 'id;label\n1;"a;b"\n2;"c;d"\n';
    assert.deepEqual(parseTable(text, ',').rows.map((r) => r.values), [['1', 'a;b'], ['2', 'c;d']]);
  });

  test('a tab hint (.tsv) is never overridden, nor papaparse\'s guess when no name gives one', () => {
    assert.equal(parseTable(GERMAN_SEMICOLON, '\t').delimiter, '\t');
    assert.equal(parseTable(GERMAN_SEMICOLON).delimiterChoice, undefined);
  });

  test('comment lines above the header are split on the delimiter chosen', () => {
    const layout = readLayout('#person_id\tsex\tage\n1\tF\t30\n2\tM\t41\n', ',');
    assert.equal(layout.delimiter, '\t');
    assert.equal(layout.preamble.hashHeader, true);
  });

  test('an edit below the first rows splices with the sniffed delimiter; an edit that changes it parses again', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i};${i % 2 ? 'male' : 'female'};${20 + i}`);
    const text = ['id;sex;age', ...rows].join('\n') + '\n';
    const old = parseTable(text, ',');
    const edited = text.replace('30;female;50', '30;male;50');
    const spliced = reparseTable(old, edited, ',')!;
    assert.ok(spliced);
    assert.equal(spliced.delimiter, ';');
    assert.deepEqual(spliced.rows.map((r) => r.values), parseTable(edited, ',').rows.map((r) => r.values));
    assert.equal(spliced.delimiterChoice?.used, ';');
  });

  test('the hover on the header line says which delimiter was used and why', () => {
    const a = lint(GERMAN_SEMICOLON, { path: '/virtual/project/german_credit_data.csv' });
    const hover = hoverAt(a, { line: 0, character: 1 })!;
    assert.match(hover, /Read as semicolon-separated, not comma-separated/);
    assert.match(hover, /split on semicolons each has 11 fields/);
    assert.doesNotMatch(hoverAt(lint('id,sex\n1,F\n2,M\n'), { line: 0, character: 1 }) ?? '', /delimiter/);
  });
});

describe('every path reads the delimiter alike', () => {
  test('a streamed file (the CLI over 8 MiB) sniffs on its first chunk', async (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'person.csv');
    // Past the stream's first 64 KiB chunk, so the chunk ends inside a row.
    const body = Array.from({ length: 4000 }, (_, i) => `${i}\t8507\t19${(i % 90) + 10}\t1\t1\t\t8527\t38003564\t\t\t\tp${i}\tM\t0\twhite\t0\tnot hispanic\t0`);
    writeFileSync(file, [OMOP_PERSON_COLUMNS.join('\t'), ...body].join('\n') + '\n');
    const { table } = await streamTable(file, ',', () => () => undefined);
    assert.equal(table.delimiter, '\t');
    assert.equal(table.header.length, 18);
    assert.equal(table.delimiterChoice?.used, '\t');
    const streamed = await lintDatasetFile(file, undefined, noPolicy());
    assert.equal(byCode(streamed.findings, 'phenotype-field-missing').some((f) => f.data.requirement === 'sex'), false);
    assert.equal(byCode(streamed.findings, 'table-malformed').length, 0);
  });

  test('the DuckDB source reads the delimiter the JavaScript reader found', (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'german_credit_data.csv');
    writeFileSync(file, GERMAN_SEMICOLON);
    const head = csvHead(file);
    assert.equal(head.header.length, 11);
    assert.match(csvSource(file, head).from, /delim = ';'/);
  });

  test('the CLI: the same findings as the .tsv copy; --verbose notes the delimiter on stderr', (t) => {
    const dir = tempDir(t);
    writeFileSync(path.join(dir, 'person.csv'), OMOP_PERSON_TABS);
    const run = (...args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const csv = run('--format', 'json', 'person.csv');
    writeFileSync(path.join(dir, 'person.tsv'), OMOP_PERSON_TABS);
    const tsv = run('--format', 'json', 'person.tsv');
    const codes = (out: string) => (JSON.parse(out) as { code: string }[]).map((f) => f.code);
    assert.deepEqual(codes(csv.stdout), codes(tsv.stdout));
    const verbose = run('--verbose', 'person.csv');
    assert.match(verbose.stderr, /person\.csv: Read as tab-separated, not comma-separated/);
    assert.doesNotMatch(run('person.csv').stderr, /Read as/);
  });
});
