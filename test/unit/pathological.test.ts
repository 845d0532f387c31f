// Inputs built to hit the worst case of a parser or a rule, generated here: a header with
// many ancestry columns, many unclosed quotes, one very long line streamed from disk, a
// catastrophic schema pattern, files with bare CR or mixed line breaks (positions in the
// editor, the stream and the CLI). Cost is checked by what the code did (characters read,
// entries kept), never by the clock; the clock belongs to bench/pathological.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintDataset, lintDatasetFile, lintDocument, type DatasetAnalysis, type StructuredAnalysis } from '../../server/src/engine';
import { MAX_ASSESSED_ANCESTRY_COLUMNS } from '../../server/src/engine/ancestry/detectColumns';
import { parseTable } from '../../server/src/engine/table/parse';
import { byCode, cliPath, fullText, noPolicy, tempDir } from './helpers';

describe('a header with many ancestry columns', () => {
  const races = 150;
  const others = 20_000;
  const names = [...Array.from({ length: races }, () => 'race'), ...Array.from({ length: others }, (_, i) => `c${i}`)];
  const row = (r: number) => names.map((_, i) => (i < races ? ['White', 'Asian', 'Black'][(i + r) % 3] : i % 7 === 0 ? '' : String(r))).join(',');
  const text = [names.join(','), row(0), row(1), row(2)].join('\n') + '\n';

  test(`assesses the first ${MAX_ASSESSED_ANCESTRY_COLUMNS} and says how many were left out`, () => {
    const a = lintDataset('/virtual/wide.csv', text, 'csv', noPolicy());
    assert.equal(a.ancestry.length, MAX_ASSESSED_ANCESTRY_COLUMNS);
    const [many] = byCode(a.findings, 'ancestry-columns-many');
    assert.ok(many, 'ancestry-columns-many reported');
    assert.deepEqual(many.data, { detected: races, assessed: Array(MAX_ASSESSED_ANCESTRY_COLUMNS).fill('race'), maxAssessed: MAX_ASSESSED_ANCESTRY_COLUMNS, notAssessed: races - MAX_ASSESSED_ANCESTRY_COLUMNS });
    assert.match(many.detail ?? '', /^150 columns are named like ancestry, race or ethnicity; at most 6 are assessed: .* Not assessed: "race", .* and 139 more\. Name the columns/);
    assert.deepEqual(many.range.start, { line: 0, character: MAX_ASSESSED_ANCESTRY_COLUMNS * 'race,'.length });
  });

  test('per-group missing tallies hold one entry per column with missing cells, not one per column', () => {
    const a = lintDataset('/virtual/wide.csv', text, 'csv', noPolicy());
    let entries = 0;
    for (const tallies of a.profile.groups.values()) for (const t of tallies.values()) entries += t.missingPerColumn.size;
    const missingCells = Math.ceil(others / 7) * 3;
    assert.ok(entries <= missingCells * MAX_ASSESSED_ANCESTRY_COLUMNS, `${entries} tally entries for ${missingCells} missing cells`);
  });

  test('up to the limit, every ancestry column is assessed and nothing is said', () => {
    const header = ['id', 'race', 'ethnicity', 'race_source_value', 'ethnicity_source_value', 'race_concept_id', 'ethnicity_concept_id'];
    const a = lintDataset('/virtual/omop.csv', `${header.join(',')}\n1,a,b,c,d,8527,38003564\n`, 'csv', noPolicy());
    assert.equal(a.ancestry.length, 6);
    assert.deepEqual(byCode(a.findings, 'ancestry-columns-many'), []);
  });
});

describe('unclosed quotes on many lines', () => {
  test('each is reported on its own line and the text is read a bounded number of times', () => {
    const n = 20_000;
    const lines = ['id,note'];
    for (let i = 0; i < n; i++) lines.push(`${i},"open ${i}`);
    const text = lines.join('\n') + '\n';
    const table = parseTable(text, ',');
    const unclosed = table.problems.filter((p) => p.kind === 'unclosed-quote');
    assert.equal(unclosed.length, n);
    assert.deepEqual(unclosed.slice(0, 2).map((p) => table.lines.positionAt(p.start).line), [1, 2]);
    assert.ok(table.charactersRead! <= 2 * text.length, `${table.charactersRead} characters read for ${text.length}`);
  });

  test('a multi-line quoted cell before an unclosed quote is not read again for each line', () => {
    const cellLines = 5_000;
    const text = `id,note,other\n1,"${Array.from({ length: cellLines }, (_, i) => `line ${i}`).join('\n')}",x,"open\n2,b,c\n`;
    const table = parseTable(text, ',');
    assert.ok(table.charactersRead! <= 2 * text.length, `${table.charactersRead} characters read for ${text.length}`);
    assert.deepEqual(table.rows.map((r) => r.values), [['2', 'b', 'c']]);
  });
});

describe('one very long line, streamed from disk', () => {
  test('every character is read once, and the rows after it keep their lines', async (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'long.csv');
    const out = createWriteStream(file);
    out.write('id,note,consent\n1,');
    const block = 'x'.repeat(1 << 20);
    for (let i = 0; i < 24; i++) if (!out.write(block)) await once(out, 'drain');
    out.write(',GRU\r2,short,\r\n3,"two\rlines",GRU\n4,b,\n');
    out.end();
    await once(out, 'finish');
    const a = await lintDatasetFile(file, 'csv', noPolicy());
    const size = 16 + 2 + 24 * (1 << 20) + 43;
    assert.ok(a.table.charactersRead! <= size, `${a.table.charactersRead} characters read for ${size}`);
    assert.equal(a.profile.rowCount, 4);
    // Rows 2 and 4 have no consent: lines 2 and 5 (row 3's cell holds a CR break).
    const missing = byCode(a.findings, 'consent-value-missing')[0];
    assert.ok(missing, 'consent-value-missing reported');
    assert.match(fullText(missing), /first at lines 3 and 6;/);
  });
});

describe('a catastrophic schema pattern', () => {
  const schema = JSON.stringify({ fields: [{ name: 'id', type: 'integer' }, { name: 'code', type: 'string', constraints: { pattern: '(a+)+' } }] });
  const files: Record<string, string> = { '/ws/d.schema.json': schema };
  const read = (p: string) => files[p];

  test('(a+)+ against 40 "a" and a "!" is matched in linear time and reported', () => {
    const text = `id,code\n1,${'a'.repeat(40)}!\n2,aaaa\n`;
    const a = lintDocument('/ws/d.csv', text, 'csv', { policy: noPolicy(), read, workspaceRoot: '/ws' }) as DatasetAnalysis;
    const [mismatch] = byCode(a.findings, 'schema-data-mismatch');
    assert.ok(mismatch, 'schema-data-mismatch reported');
    assert.equal((mismatch.data as { counts: Record<string, number> }).counts.pattern, 1);
  });

  test('a pattern with lookaround or a backreference is reported on the schema, not run', () => {
    const text = JSON.stringify({ fields: [{ name: 'a', constraints: { pattern: '(?=x)x+' } }, { name: 'b', constraints: { pattern: '(\\d)\\1' } }, { name: 'c', constraints: { pattern: '[a-' } }] }, null, 1);
    const s = lintDocument('/ws/e.schema.json', text, 'json', { policy: noPolicy(), read: () => undefined, workspaceRoot: '/ws' }) as StructuredAnalysis;
    const kinds = byCode(s.findings, 'schema-invalid').map((f) => f.data.kind);
    assert.deepEqual(kinds, ['unsupported-pattern', 'unsupported-pattern', 'bad-pattern']);
    assert.match(fullText(byCode(s.findings, 'schema-invalid')[0]), /field "a" .*lookahead, lookbehind or a backreference.*not checked/);
  });
});

describe('bare CR and mixed line breaks', () => {
  const rows = ['id,race,consent', '1,White,GRU', '2,Asian,', '3,White,"GRU"', '4,Black,'];

  for (const [name, join] of [['CR', () => '\r'], ['mixed', (i: number) => ['\r', '\n', '\r\n'][i % 3]]] as const) {
    test(`${name}: findings sit on the lines VS Code shows, in the editor, the stream and the CLI`, async (t) => {
      const text = rows.map((r, i) => (i === 0 ? r : join(i) + r)).join('') + '\r';
      const doc = TextDocument.create('file:///x.csv', 'csv', 1, text);
      const a = lintDataset('/virtual/x.csv', text, 'csv', noPolicy());
      assert.equal(a.table.rows.length, 4);
      // The column's summary sits on the header; each row's finding on its cell.
      const missing = byCode(a.findings, 'consent-value-missing').filter((f) => f.range.start.line > 0);
      assert.equal(missing.length, 2, 'a consent-value-missing per row without consent');
      for (const f of missing) {
        const line = doc.getText({ start: { line: f.range.start.line, character: 0 }, end: { line: f.range.start.line + 1, character: 0 } });
        assert.match(line, /^[24],/, `finding at line ${f.range.start.line} reads ${JSON.stringify(line)}`);
      }
      const dir = tempDir(t);
      const file = path.join(dir, 'x.csv');
      writeFileSync(file, text);
      const streamed = await lintDatasetFile(file, 'csv', noPolicy());
      const lines = (fs: { code: string; range: { start: { line: number } } }[]) => fs.filter((f) => f.code === 'consent-value-missing').map((f) => f.range.start.line).sort();
      assert.deepEqual(lines(streamed.findings).filter((l) => l > 0), missing.map((f) => f.range.start.line));
      const cli = spawnSync(process.execPath, [cliPath, '--format', 'json', file], { encoding: 'utf8' });
      assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
      assert.deepEqual(lines(JSON.parse(cli.stdout)).filter((l) => l > 0), missing.map((f) => f.range.start.line));
    });
  }
});
