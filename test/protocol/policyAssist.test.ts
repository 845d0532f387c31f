// The policy file as a document: completion and hover served by the server itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionRequest, type CompletionItem } from 'vscode-languageserver-protocol/node';
import { hoverText, serverPerSuite } from './harness';

describe('policy file completion and hover', () => {
  const session = serverPerSuite({ pull: true });
  const ws = session.ws;

  async function complete(uri: string, line: number, character: number): Promise<string[]> {
    const result = await session.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
    const items = (Array.isArray(result) ? result : result?.items ?? []) as CompletionItem[];
    return items.map((i) => i.label).sort();
  }

  it('offers reference names after ancestry.reference, and rule ids under rules', async () => {
    const text = 'ancestry:\n  reference: \nrules:\n  \n';
    const uri = await session.client.open(ws.write('cohortlint.yaml', text), text, 'yaml');
    assert.deepEqual(await complete(uri, 1, 13), ['1000g', 'global', 'gnomad-v4', 'ons-2021', 'us-census-2020']);
    const rules = await complete(uri, 3, 2);
    assert.ok(rules.includes('ancestry-underrepresented'), rules.join(', '));
    assert.ok(rules.includes('table-malformed'));
  });

  it('hovers a rule id with its description and docs link', async () => {
    const text = 'rules:\n  ancestry-group-small: off\n';
    const uri = await session.client.open(ws.write('cohortlint.yml', text), text, 'yaml');
    const hover = hoverText(await session.client.hover(uri, { line: 1, character: 6 }));
    assert.match(hover, /ancestry-group-small/);
    assert.match(hover, /ancestry-group-small\.md/);
  });

  it('answers nothing for a dataset', async () => {
    const text = 'id,race\n1,White\n';
    const uri = await session.client.open(ws.write('data.csv', text), text);
    assert.deepEqual(await complete(uri, 0, 1), []);
  });
});
