// Undecodable is decided on the bytes: a U+FFFD stored as valid UTF-8 is data, an invalid
// sequence is reported on its line (counting \r\n, \n and \r as the editor does), in one
// buffer or chunk by chunk; UTF-16 with a byte order mark is decoded. Files are built here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintDatasetFile, loadPolicy } from '../../server/src/engine';
import { ByteDecoder, decodeBytes } from '../../server/src/engine/table/decode';
import { byCode, cliPath, groupsCsv, tempDir } from './helpers';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decoding table bytes', () => {
  test('a literal U+FFFD in valid UTF-8 is data; an invalid byte is reported on its line', () => {
    assert.deepEqual(decodeBytes(bytes('a,b\n1,Caf\uFFFD\n')).report.invalidLines, []);
    const { text, report } = decodeBytes(bytes('a,b\n1,ok\n2,Caf', [0xe9], '\n3,ok\n'));
    assert.deepEqual(report.invalidLines, [2]);
    assert.equal(text.split('\n')[2], '2,Caf\uFFFD');
  });

  test('lines are counted as the editor counts them: \\r\\n, \\n and \\r', () => {
    assert.deepEqual(decodeBytes(bytes('a\r\nb\r\n', [0xff], '\r\n')).report.invalidLines, [2]);
    assert.deepEqual(decodeBytes(bytes('a\rb\rc', [0xc3], '\r')).report.invalidLines, [2]);
    assert.deepEqual(decodeBytes(bytes('a\n\rb\r\n\nx', [0x80])).report.invalidLines, [4]);
    assert.deepEqual(decodeBytes(bytes('truncated ', [0xe2, 0x82])).report.invalidLines, [0]);
  });

  test('chunk boundaries change nothing: fed one byte at a time, or split inside characters', () => {
    const input = bytes('id,name\r\n1,Zoë\r2,\u{1F600}\n3,', [0xf0, 0x9f], '\r\n4,\uFFFD ok\n5,', [0xc0, 0xaf], '\n');
    const whole = decodeBytes(input);
    assert.deepEqual(whole.report.invalidLines, [3, 5]);
    for (const size of [1, 2, 3, 5, 7]) {
      const decoder = new ByteDecoder();
      let text = '';
      for (let i = 0; i < input.length; i += size) text += decoder.write(input.subarray(i, i + size));
      text += decoder.end();
      assert.equal(text, whole.text, `chunks of ${size}`);
      assert.deepEqual(decoder.report().invalidLines, whole.report.invalidLines, `chunks of ${size}`);
    }
  });

  test('UTF-16 with a byte order mark is decoded, both byte orders', () => {
    const text = 'id,race\n1,Zoë\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(decodeBytes(le), { text, report: { encoding: 'utf-16le', invalidLines: [], invalidLineCount: 0 } });
    const be = Buffer.from(le);
    be.swap16();
    assert.equal(decodeBytes(be).text, text);
    assert.equal(decodeBytes(be).report.encoding, 'utf-16be');
  });
});

describe('the CLI and the stream decide on the bytes', () => {
  const csv = groupsCsv('race', { White: 60, Asian: 60 });

  test('CLI: literal U+FFFD is no finding, an invalid byte is undecodable on its line, UTF-16 is linted', (t) => {
    const dir = tempDir(t);
    // Like csv-spectrum's location_coordinates.csv: valid UTF-8 holding U+FFFD.
    writeFileSync(path.join(dir, 'literal.csv'), bytes('id,race,place\n', csv.split('\n').slice(1).filter(Boolean).map((l) => `${l},Caf\uFFFD\n`).join('')));
    // 0xA9 reads as © in every single-byte encoding: no letter, so no legacy encoding is guessed
    // and the line is undecodable (a lone 0xE9, é in Latin-1, is table-encoding-legacy's: legacyEncoding.test.ts).
    writeFileSync(path.join(dir, 'invalid.csv'), bytes(csv, '121,White', [0xa9], '\n'));
    writeFileSync(path.join(dir, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    const r = spawnSync(process.execPath, [cliPath, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const rows = JSON.parse(r.stdout) as { file: string; code: string; data: { kind?: string }; range: { start: { line: number } } }[];
    const malformed = (name: string) => rows.filter((f) => path.basename(f.file) === name && f.code === 'table-malformed');
    assert.deepEqual(malformed('literal.csv'), []);
    assert.deepEqual(malformed('invalid.csv').map((f) => [f.data.kind, f.range.start.line]), [['undecodable', 121]]);
    assert.deepEqual(malformed('utf16.csv'), []);
    assert.ok(rows.some((f) => path.basename(f.file) === 'utf16.csv' && f.code === 'ancestry-group-absent'), 'the UTF-16 file was read as a table');
  });

  test('stream: the same verdicts for a file streamed from disk', async (t) => {
    const dir = tempDir(t);
    const literal = path.join(dir, 'literal.csv');
    writeFileSync(literal, bytes(csv, '121,Caf\uFFFD\n'));
    const invalid = path.join(dir, 'invalid.csv');
    writeFileSync(invalid, bytes(csv, '121,Caf', [0xa9], '\n122,White\n'));
    const policy = loadPolicy(undefined, () => undefined);
    assert.deepEqual(byCode((await lintDatasetFile(literal, undefined, policy)).findings, 'table-malformed'), []);
    const found = byCode((await lintDatasetFile(invalid, undefined, policy)).findings, 'table-malformed');
    assert.deepEqual(found.map((f) => [f.data.kind, f.range.start.line]), [['undecodable', 121]]);
  });
});
