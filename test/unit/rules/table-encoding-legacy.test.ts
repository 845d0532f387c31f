import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodeBytes } from '../../../server/src/engine';
import { ruleTester } from './harness';

// Decoded from the file's bytes as the CLI does; the fixture is a Windows-1252 export
// (test/fixtures/realformats), whose accented letters are single bytes UTF-8 rejects.
const fixture = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'realformats', 'legacy_windows1252.csv');
const legacy = decodeBytes(readFileSync(fixture));
const utf8 = decodeBytes(Buffer.from('id,city\n1,S\u00e3o Paulo\n2,K\u00f6ln\n', 'utf8'));

ruleTester('table-encoding-legacy', {
  valid: [
    { name: 'the same letters written in UTF-8', text: utf8.text, decoding: utf8.report },
  ],
  invalid: [
    {
      name: 'a Windows-1252 file: one finding naming the encoding and the columns, at the first line it damaged',
      text: legacy.text,
      decoding: legacy.report,
      findings: [{
        messageId: 'legacyEncoding',
        range: [1, 0, 1, 48],
        severity: 'warning',
        data: { encoding: 'windows-1252', lines: 78, line: 2, columns: ['surname', 'city', 'diagnosis'] },
      }],
    },
  ],
});
