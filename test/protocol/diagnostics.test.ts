// Diagnostics, hover and document changes over a real connection, once with push
// (publishDiagnostics) and once with pull (textDocument/diagnostic).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { raceCounts, raceCsv, raceHeader, secretMarker, superPopCounts, superPopHeader, superPopTsv } from './fixtures';
import { diagnosticText, hoverText, messageOf, modes, serverPerSuite } from './harness';

function byCode(items: Diagnostic[], code: string): Diagnostic[] {
  return items.filter((d) => d.code === code);
}

function hasGroups(code: string, groups: string[]) {
  return (items: Diagnostic[]): boolean => groups.every((g) => byCode(items, code).some((d) => (d.data as { group?: string })?.group === g));
}

function nonstandardValues(items: Diagnostic[]): string[] {
  return byCode(items, 'ancestry-label-nonstandard').map((d) => String((d.data as { value?: unknown }).value)).sort();
}

for (const mode of modes) {
  describe(`diagnostics (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('flags EAS and SAS as under-represented against the global reference, on the super_pop header cell', async () => {
      const text = superPopTsv();
      const uri = await session.client.open(ws.write('panel.tsv', text), text);
      const items = await session.client.diagnostics(uri, hasGroups('ancestry-underrepresented', ['EAS', 'SAS']), 'EAS and SAS under-represented');

      const start = superPopHeader.indexOf('super_pop');
      const total = Object.values(superPopCounts).reduce((a, b) => a + b, 0);
      for (const group of ['EAS', 'SAS'] as const) {
        const d = byCode(items, 'ancestry-underrepresented').find((x) => (x.data as { group: string }).group === group)!;
        assert.equal(d.source, 'cohort-lint');
        assert.equal(d.severity, 2, 'warning');
        assert.match(d.codeDescription?.href ?? '', /ancestry-underrepresented\.md$/);
        assert.deepEqual(d.range, { start: { line: 0, character: start }, end: { line: 0, character: start + 'super_pop'.length } });
        const data = d.data as Record<string, unknown>;
        assert.equal(data.column, 'super_pop');
        assert.equal(data.count, superPopCounts[group]);
        assert.equal(data.total, total);
        assert.equal(data.reference, 'global');
        assert.ok(typeof data.ratio === 'number' && data.ratio < 0.8);
        // The message is the one-line verdict with its shares; the arithmetic behind it (n of N,
        // the reference) is the related information, at the finding's own place.
        assert.match(messageOf(d), new RegExp(`^${group} under-represented in "super_pop": \\d+(\\.\\d+)?% vs \\d+(\\.\\d+)?% \\(ratio `));
        assert.equal(d.relatedInformation?.length, 1);
        const [detail] = d.relatedInformation!;
        assert.deepEqual(detail.location, { uri, range: d.range });
        assert.match(detail.message, new RegExp(`\\b${superPopCounts[group]} of ${total}\\b`));
        assert.match(detail.message, /global/i);
      }
      assert.equal(byCode(items, 'ancestry-underrepresented').some((d) => (d.data as { group: string }).group === 'EUR'), false);
      assert.ok(hasGroups('ancestry-group-small', ['EAS', 'SAS'])(items), 'EAS and SAS have fewer than 50 rows');
      for (const d of items) {
        assert.equal(d.source, 'cohort-lint');
        assert.ok(d.codeDescription?.href.endsWith(`${d.code}.md`), `docs link for ${d.code}`);
      }
    });

    it('hovers the super_pop header with the group table and the goodness-of-fit test', async () => {
      const text = superPopTsv();
      const uri = await session.client.open(ws.write('hover.tsv', text), text);
      const hover = await session.client.hover(uri, { line: 0, character: superPopHeader.indexOf('super_pop') + 2 });
      assert.ok(hover, 'a hover on the ancestry header');
      const value = hoverText(hover);
      assert.equal((hover.contents as { kind?: string }).kind, 'markdown');
      for (const group of Object.keys(superPopCounts)) assert.match(value, new RegExp(`\\| ${group} \\|`));
      assert.match(value, /\b400\b/);
      assert.match(value, /χ²|chi-square/i);
      assert.equal(await session.client.hover(uri, { line: 3, character: 1 }), null, 'no hover on a data cell');
    });

    it('flags Caucasian and AfricanAmerican as nonstandard in race; ? is missing, not a group', async () => {
      const text = raceCsv();
      const uri = await session.client.open(ws.write('race.csv', text), text);
      const items = await session.client.diagnostics(uri, (ds) => nonstandardValues(ds).length >= 2, 'nonstandard labels');
      assert.deepEqual(nonstandardValues(items), ['AfricanAmerican', 'Caucasian']);
      const start = raceHeader.indexOf('race');
      for (const d of byCode(items, 'ancestry-label-nonstandard')) {
        assert.equal(d.severity, 3, 'information');
        assert.deepEqual(d.range.start, { line: 0, character: start });
        const value = (d.data as { value: keyof typeof raceCounts }).value;
        assert.match(diagnosticText(d), new RegExp(`\\b${raceCounts[value]}\\b`), 'the message gives the count');
      }
      for (const d of items) assert.notEqual((d.data as { group?: string })?.group, '?', `${d.code} treats ? as a group`);
    });

    it('updates the diagnostics when the document changes', async () => {
      const text = raceCsv();
      const uri = await session.client.open(ws.write('edited.csv', text), text);
      await session.client.diagnostics(uri, (ds) => nonstandardValues(ds).includes('Caucasian'));
      await session.client.change(uri, text.replace(/,Caucasian,/g, ',White,'));
      const items = await session.client.diagnostics(uri, (ds) => !nonstandardValues(ds).includes('Caucasian'), 'Caucasian gone after the edit');
      assert.deepEqual(nonstandardValues(items), ['AfricanAmerican']);
      if (!mode.pull) assert.equal(session.client.lastPublished(uri)?.version, session.client.version(uri));
    });

    if (!mode.pull) {
      it('debounces rapid changes and never publishes a version the document has left', async () => {
        const text = raceCsv();
        const uri = await session.client.open(ws.write('typing.csv', text), text);
        await session.client.diagnostics(uri);
        const before = session.client.published.get(uri)!.length;
        for (let i = 0; i < 5; i++) {
          await session.client.change(uri, text.replace(`${secretMarker}1,`, `${secretMarker}1${'x'.repeat(i)},`));
          // A round trip, far shorter than the debounce, lets an undebounced timer fire.
          await session.client.hover(uri, { line: 1, character: 0 });
        }
        const last = session.client.version(uri)!;
        await session.client.diagnostics(uri, () => true, `diagnostics for version ${last}`);
        const later = session.client.published.get(uri)!.slice(before);
        assert.deepEqual(later.map((p) => p.version), [last]);
      });

      it('clears the diagnostics of a closed document', async () => {
        const text = raceCsv();
        const uri = await session.client.open(ws.write('closed.csv', text), text);
        await session.client.diagnostics(uri, (ds) => ds.length > 0);
        await session.client.close(uri);
        await session.client.until(() => (session.client.lastPublished(uri)?.diagnostics.length === 0 ? true : undefined), 'cleared diagnostics');
      });
    } else {
      it('answers unchanged for a result the client already has', async () => {
        const text = superPopTsv();
        const uri = await session.client.open(ws.write('again.tsv', text), text);
        const first = await session.client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { kind: string; resultId?: string };
        assert.equal(first.kind, 'full');
        assert.ok(first.resultId);
        const second = await session.client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId }) as { kind: string };
        assert.equal(second.kind, 'unchanged');
      });
    }

    it('never logs row values', () => {
      assert.ok(session.client.logs.length > 0, 'the server logs its work');
      for (const line of session.client.logs) {
        assert.ok(!line.includes(secretMarker), `a log line carries a row value: ${line}`);
        assert.ok(!/Caucasian|AfricanAmerican/.test(line), `a log line carries a row value: ${line}`);
      }
    });

    it('shuts down cleanly', async () => {
      assert.equal(await session.client.shutdown(), 0);
      assert.equal(session.client.stderr, '');
    });
  });
}
