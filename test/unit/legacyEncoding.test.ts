// Files saved in a single-byte encoding (Windows-1252, MacRoman, ISO-8859-1) get one
// file-level finding naming the encoding and the columns affected, not one error per line.
// Fixtures: test/fixtures/realformats/legacy_windows1252.csv (CRLF, as Excel on Windows
// saves "CSV"), legacy_macroman.csv (CR line ends, as Excel on classic Mac OS saved it).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { lintDatasetFile, loadPolicy } from '../../server/src/engine';
import { decodeBytes } from '../../server/src/engine/table/decode';
import { byCode, cliPath, repoRoot, tempDir } from './helpers';

const fixturePath = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'realformats', name);

function cli(file: string): { code: string; data: Record<string, unknown>; range: { start: { line: number } } }[] {
  const r = spawnSync(process.execPath, [cliPath, '--format', 'json', file], { encoding: 'utf8' });
  assert.ok(r.stdout, r.stderr);
  return JSON.parse(r.stdout);
}

describe('legacy encodings', () => {
  test('the encoding is guessed from the bytes of the lines that are not UTF-8', () => {
    assert.equal(decodeBytes(readFileSync(fixturePath('legacy_windows1252.csv'))).report.legacy?.id, 'windows-1252');
    assert.equal(decodeBytes(readFileSync(fixturePath('legacy_macroman.csv'))).report.legacy?.id, 'macintosh');
    // Accented letters only (no byte in 0x80-0x9F): ISO-8859-1 and Windows-1252 read it alike.
    assert.equal(decodeBytes(Buffer.from('id,city\n1,S\u00e3o Paulo\n2,K\u00f6ln\n', 'latin1')).report.legacy?.id, 'iso-8859-1');
  });

  test('not guessed: valid UTF-8 beside the invalid bytes (damage, not an encoding), or bytes that are no letters', () => {
    const mixed = Buffer.concat([Buffer.from('id,city\n1,K\u00f6ln\n2,S', 'utf8'), Buffer.from([0xe3]), Buffer.from('o\n')]);
    const report = decodeBytes(mixed).report;
    assert.equal(report.legacy, undefined);
    assert.deepEqual(report.invalidLines, [2]);
    assert.equal(decodeBytes(Buffer.from([0x61, 0x0a, 0xa9, 0xae, 0xb1, 0x0a])).report.legacy, undefined);
  });

  test('CLI: one finding naming the encoding and the affected columns, no table-malformed per line', () => {
    const findings = cli(fixturePath('legacy_windows1252.csv'));
    const legacy = byCode(findings as never, 'table-encoding-legacy');
    assert.equal(legacy.length, 1);
    assert.equal(legacy[0].data.encoding, 'windows-1252');
    assert.deepEqual(legacy[0].data.columns, ['surname', 'city', 'diagnosis']);
    assert.ok((legacy[0].data.lines as number) > 50);
    assert.deepEqual(byCode(findings as never, 'table-malformed'), []);
  });

  test('MacRoman with CR line ends, from the CLI', () => {
    const [legacy] = byCode(cli(fixturePath('legacy_macroman.csv')) as never, 'table-encoding-legacy');
    assert.equal(legacy.data.encoding, 'macintosh');
    assert.deepEqual(legacy.data.columns, ['surname', 'city', 'diagnosis']);
  });

  test('streamed from disk: the same finding, its columns found while streaming', async (t) => {
    const dir = tempDir(t);
    const big = path.join(dir, 'big.csv');
    writeFileSync(big, readFileSync(fixturePath('legacy_windows1252.csv')));
    const analysis = await lintDatasetFile(big, undefined, loadPolicy(undefined, () => undefined));
    const [legacy] = byCode(analysis.findings, 'table-encoding-legacy');
    assert.equal(legacy.data.encoding, 'windows-1252');
    assert.deepEqual(legacy.data.columns, ['surname', 'city', 'diagnosis']);
    assert.deepEqual(byCode(analysis.findings, 'table-malformed'), []);
  });
});
