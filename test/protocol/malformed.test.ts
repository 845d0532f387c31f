// Malformed input yields a diagnostic, never a crash, and the server keeps answering.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { superPopTsv } from './fixtures';
import { hoverText, modes, serverPerSuite } from './harness';

/**
 * `hover`: where the race header cell is (line 0) and what its hover says; absent, the
 * hover there is empty (no column to describe, or binary content, which is linted no further).
 */
const inputs: { name: string; file: string; text: string; code?: string; hover?: { character: number; says: RegExp } }[] = [
  { name: 'an unclosed quote', file: 'quote.csv', text: 'id,race\n1,"White\n2,Asian\n3,Asian\n', code: 'table-malformed', hover: { character: 3, says: /ancestry column "race"[\s\S]*2 rows with a value/ } },
  { name: 'binary bytes', file: 'binary.csv', text: 'id,race\n\u0000\u0001\u0002,White\n\u0000,\u0001\n', code: 'table-malformed' },
  { name: 'an empty file', file: 'empty.csv', text: '' },
  { name: 'a header only', file: 'header.csv', text: 'id,race\n', hover: { character: 3, says: /ancestry column "race"[\s\S]*0 rows with a value/ } },
  { name: 'a 1 MB single line', file: 'long.csv', text: 'a,'.repeat(512 * 1024) },
  { name: 'a 1 MB single line, tab separated', file: 'long.tsv', text: `race\t${'x'.repeat(1024 * 1024)}`, hover: { character: 0, says: /ancestry column "race"/ } },
];

for (const mode of modes) {
  describe(`malformed input (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    for (const input of inputs) {
      it(`reports ${input.name} and keeps answering`, async () => {
        const uri = await session.client.open(ws.write(input.file, input.text), input.text);
        const items = await session.client.diagnostics(uri, (ds) => ds.length > 0, `a diagnostic for ${input.name}`);
        if (input.code) assert.ok(items.some((d) => d.code === input.code), `${input.code} among ${items.map((d) => d.code).join(', ')}`);
        assert.ok(!items.some((d) => d.code === 'internal-error'), 'the engine handled it itself');
        for (const d of items) assert.equal(d.source, 'cohort-lint');
        const hover = hoverText(await session.client.hover(uri, { line: 0, character: input.hover?.character ?? 3 }));
        if (input.hover) assert.match(hover, input.hover.says);
        else assert.equal(hover, '');
        // The per-rule actions are offered for any finding, so the server answered for this one.
        const actions = await session.client.codeActions(uri, items[0].range, [items[0]], 1, { ruleActions: true });
        assert.ok(actions.some((a) => a.title === `Show documentation for ${items[0].code}`), actions.map((a) => a.title).join(' | '));
      });
    }

    it('still lints a good file afterwards', async () => {
      const text = superPopTsv();
      const uri = await session.client.open(ws.write('good.tsv', text), text);
      await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'ancestry-underrepresented'));
      assert.equal(session.client.child.exitCode, null);
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
      assert.equal(session.client.stderr, '');
    });
  });
}
