// When the engine throws, the file gets one "could not be analysed" diagnostic, the log
// says what failed without the row value in the error, and the server keeps serving.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { raceCsv } from './fixtures';
import { rowValueInError } from './failingEngineServer';
import { modes, serverPerSuite } from './harness';

for (const mode of modes) {
  describe(`engine failure (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull, script: join(__dirname, 'failingEngineServer.js') });
    const ws = session.ws;

    it('reports one analysis-failed diagnostic at 0:0', async () => {
      const text = raceCsv();
      const uri = await session.client.open(ws.write('race.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => ds.length > 0);
      assert.equal(items.length, 1);
      const [d] = items;
      assert.equal(d.code, 'internal-error');
      assert.match(d.codeDescription!.href, /internal-error\.md$/);
      assert.equal(d.source, 'cohort-lint');
      assert.equal(d.severity, 1);
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(typeof d.message === 'string' ? d.message : d.message.value, /could not analyse/i);
    });

    it('keeps answering hovers, code actions and later changes', async () => {
      const uri = (await session.client.open(ws.write('other.csv', 'id,race\n1,White\n'), 'id,race\n1,White\n'));
      const [d] = await session.client.diagnostics(uri, (ds) => ds.length > 0);
      assert.equal(await session.client.hover(uri, { line: 0, character: 3 }), null);
      assert.deepEqual(await session.client.codeActions(uri, d.range, [d]), []);
      await session.client.change(uri, 'id,race\n1,Asian\n');
      await session.client.diagnostics(uri, (ds) => ds.length === 1);
    });

    it('logs the failure without the error message that quotes a row value', async () => {
      await session.client.until(() => (session.client.logs.some((l) => /could not analyse/i.test(l)) ? true : undefined), 'the failure in the log');
      const failure = session.client.logs.find((l) => /could not analyse/i.test(l))!;
      assert.match(failure, /TypeError/);
      for (const line of session.client.logs) assert.ok(!line.includes(rowValueInError), `row value in the log: ${line}`);
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
    });
  });
}
