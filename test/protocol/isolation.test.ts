// Per-document isolation in the editor: a dataset whose Table Schema once made the engine
// throw (an object with a null prototype in missingValues) keeps its consent findings; a
// schema nested too deeply is one positioned finding; and with no settings from the
// client, findings are capped at the documented 1,000.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { modes, serverPerSuite } from './harness';

const DATASET = 'id,consent,consent_status\n1,GRU,active\n2,,active\n3,HMB,withdrawn\n4,GRU,active\n';

for (const mode of modes) {
  describe(`isolation (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('a dataset whose schema holds hostile values still gets its consent findings', async () => {
      ws.write('hostile.schema.json', '{"fields": [{"name": "id"}, {"name": "consent", "constraints": {"enum": [{"toString": 1}]}}], "missingValues": [{"__proto__": null}, ""]}');
      const uri = await session.client.open(ws.write('hostile.csv', DATASET), DATASET);
      const items = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'consent-withdrawn'), 'consent findings');
      assert.ok(items.some((d) => d.code === 'consent-value-missing'), `got ${items.map((d) => d.code).join(', ')}`);
      assert.ok(!items.some((d) => d.code === 'internal-error'), 'the schema was read, not failed on');
    });

    it('a schema nested 3,000 levels deep is one positioned schema-invalid finding, not a failure', async () => {
      const text = `{"fields": [], "x": ${'['.repeat(3000)}${']'.repeat(3000)}}`;
      const uri = await session.client.open(ws.write('deep.schema.json', text), text);
      const items = await session.client.diagnostics(uri, (ds) => ds.length > 0);
      assert.deepEqual(items.map((d) => d.code), ['schema-invalid']);
      assert.match(items[0].message as string, /nested more than 256 levels/);
      assert.equal(items[0].range.start.line, 0);
      assert.ok(items[0].range.start.character > 256, 'on the bracket that went too deep');
    });

    it('with no maxProblems from the client, a dataset gets at most 1,000 findings', async () => {
      const header = ['id', ...Array.from({ length: 1500 }, (_, i) => `c${i}`)].join(',');
      // One value besides the id: a row holding only its id is no participant (table-rows-not-participants).
      const row = (n: number) => [n, 'x', ...Array.from({ length: 1499 }, () => '')].join(',');
      const text = [header, row(1), row(2), row(3)].join('\n') + '\n';
      const uri = await session.client.open(ws.write('wide.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => ds.length > 0);
      assert.equal(items.length, 1000);
    });

    it('U+FFFD in the editor\'s text is undecodable only when the file on disk holds invalid UTF-8', async () => {
      const rows = Array.from({ length: 40 }, (_, i) => `${i},White,GRU`).join('\n');
      const text = `id,race,consent\n${rows}\n40,Caf\uFFFD,GRU\n`;
      // Valid UTF-8 holding the character: data.
      const literal = await session.client.open(ws.write('literal.csv', text), text);
      const clean = await session.client.diagnostics(literal, (ds) => ds.some((d) => d.code === 'ancestry-group-small'));
      assert.ok(!clean.some((d) => d.code === 'table-malformed'), clean.map((d) => d.message).join('\n'));
      // On disk an invalid byte, which the editor shows as U+FFFD.
      const path = ws.write('invalid.csv', '');
      // 0xA9 is © in every single-byte encoding: no legacy encoding is guessed, the line is undecodable.
      writeFileSync(path, Buffer.concat([Buffer.from(`id,race,consent\n${rows}\n40,Caf`), Buffer.from([0xa9]), Buffer.from(',GRU\n')]));
      const invalid = await session.client.open(path, text);
      const items = await session.client.diagnostics(invalid, (ds) => ds.some((d) => d.code === 'table-malformed'));
      assert.deepEqual(items.filter((d) => d.code === 'table-malformed').map((d) => [(d.data as { kind: string }).kind, d.range.start.line]), [['undecodable', 41]]);
    });

    it('a Windows-1252 file opened as UTF-8: one table-encoding-legacy diagnostic naming the column, no error per line', async () => {
      const places = ['S\u00e3o Paulo', 'Z\u00fcrich', 'K\u00f6ln', 'M\u00e1laga'];
      const body = `id,race,city\n${Array.from({ length: 40 }, (_, i) => `${i},White,${places[i % 4]}`).join('\n')}\n`;
      const path = ws.write('legacy.csv', '');
      writeFileSync(path, Buffer.from(body, 'latin1'));
      // What VS Code shows for it with files.encoding utf8: each byte above 0x7F as U+FFFD.
      const shown = body.replace(/[\u0080-\u00ff]/g, '\uFFFD');
      const uri = await session.client.open(path, shown);
      const items = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'table-encoding-legacy'));
      const [legacy, ...more] = items.filter((d) => d.code === 'table-encoding-legacy');
      assert.equal(more.length, 0);
      assert.deepEqual([(legacy.data as { encoding: string }).encoding, (legacy.data as { columns: string[] }).columns], ['iso-8859-1', ['city']]);
      assert.deepEqual(items.filter((d) => d.code === 'table-malformed'), []);
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
    });
  });
}
