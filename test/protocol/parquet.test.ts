// A Parquet file named by Lint Workspace (cohortLint/lintFile) is read from disk by the
// server's bundled pure-JavaScript reader and its findings are pushed: column findings on
// the header line, row findings at the row number.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { serverPerSuite, uriOf, withTimeout } from './harness';

describe('Parquet over the protocol', () => {
  const session = serverPerSuite({ pull: false });

  it('cohortLint/lintFile lints a .parquet file and pushes its findings', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `P${i}`);
    const race = ids.map((_, i) => ['White', 'Black', 'Asian'][i % 3]);
    // Row 5 (1-based) has no consent.
    const consent = ids.map((_, i) => (i === 4 ? null : 'GRU'));
    const file = join(session.ws.root, 'cohort.parquet');
    writeFileSync(file, Buffer.from(parquetWriteBuffer({ columnData: [
      { name: 'participant_id', type: 'STRING', data: ids },
      { name: 'race', type: 'STRING', data: race },
      { name: 'consent', type: 'STRING', data: consent },
    ] })));
    const uri = uriOf(file);
    const result = await withTimeout(session.client.connection.sendRequest('cohortLint/lintFile', { uri }), 'lintFile') as { linted: boolean; findings: number; streamed?: boolean };
    assert.equal(result.linted, true);
    const pushed: Diagnostic[] = await session.client.pushedDiagnostics(uri, (ds) => ds.some((d) => d.code === 'consent-value-missing'), 'Parquet findings pushed');
    assert.equal(pushed.length, result.findings);
    const missing = pushed.filter((d) => d.code === 'consent-value-missing');
    assert.ok(missing.some((d) => d.range.start.line === 0 && d.range.start.character === 'participant_id,race,'.length), 'the summary on the consent column');
    assert.ok(missing.some((d) => d.range.start.line === 5), 'the row without consent at row number 5');
  });
});
