// The client sends every JSON, JSONC and YAML document to the server. Those that are not
// Cohort Lint documents (package.json, tsconfig.json, a 5 MB JSON array, a CI workflow)
// must get nothing back and cost nothing visible; a Table Schema, a Data Package or a
// Phenopacket gets its diagnostics, and loses them when it is edited into something else
// or closed.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CompletionRequest, type CompletionItem, type Diagnostic, type Position } from 'vscode-languageserver-protocol/node';
import { superPopTsv } from './fixtures';
import { messageOf, modes, serverPerSuite, withTimeout, type TestClient } from './harness';

const PACKAGE_JSON = JSON.stringify({
  name: 'some-app',
  version: '1.2.3',
  scripts: { test: 'node --test' },
  dependencies: { papaparse: '^5.4.1' },
}, null, 2) + '\n';

const TSCONFIG = [
  '{',
  '  // Comments and trailing commas: JSONC',
  '  "compilerOptions": {',
  '    "strict": true,',
  '    "outDir": "out",',
  '  },',
  '}',
  '',
].join('\n');

const CI_YAML = [
  'name: CI',
  'on: [push, pull_request]',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - name: Test',
  '        run: npm test',
  '',
].join('\n');

/**
 * A 5 MB array of records. Past the first 200,000 characters it holds what would make it a
 * Phenopacket or a Table Schema: classification must not read that far.
 */
function bigArrayJson(): string {
  const records: string[] = [];
  let length = 0;
  for (let i = 0; length < 5_000_000; i++) {
    const record = `  {"id": ${i}, "name": "sample ${i}", "value": ${(i % 97) / 10}}`;
    records.push(record);
    length += record.length + 2;
  }
  records.push('  {"phenotypicFeatures": [], "fields": [{"name": "race"}]}');
  return `[\n${records.join(',\n')}\n]\n`;
}

const SCHEMA_JSON = JSON.stringify({
  fields: [
    { name: 'participant_id', type: 'string' },
    { name: 'race', type: 'string' },
    { name: 'age', type: 'int' },
  ],
}, null, 2) + '\n';

const PLAIN_JSON = JSON.stringify({ name: 'participants', version: '1.0.0' }, null, 2) + '\n';

const PHENOPACKET_YAML = [
  'id: P6',
  'subject:',
  '  id: Patient 6',
  '  sex: FEMALE',
  'phenotypicFeatures:',
  '  - type:',
  '      id: "HP:0001596"',
  '      label: Alopecia',
  '    excluded: true',
  '  - type:',
  '      id: "HP:12345"',
  '      label: Malformed',
  'metaData:',
  '  createdBy: test',
  '  resources:',
  '    - id: hp',
  '      name: human phenotype ontology',
  '      url: http://purl.obolibrary.org/obo/hp.owl',
  '      version: "2024-04-26"',
  '      namespacePrefix: HP',
  '      iriPrefix: http://purl.obolibrary.org/obo/HP_',
  '  phenopacketSchemaVersion: 2.0.2',
  '',
].join('\n');

function covered(text: string, d: Diagnostic): string {
  return text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

async function complete(client: TestClient, uri: string, position: Position): Promise<CompletionItem[]> {
  const result = await withTimeout(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }), 'completion');
  return Array.isArray(result) ? result : result?.items ?? [];
}

/** A diagnostic as if Cohort Lint had reported it here: the server must still offer nothing. */
function pretendFinding(line: number): Diagnostic {
  return { range: { start: { line, character: 0 }, end: { line, character: 4 } }, source: 'cohort-lint', code: 'schema-invalid', message: 'pretend', data: {} };
}

for (const mode of modes) {
  describe(`documents by kind (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('package.json, tsconfig.json, a 5 MB JSON array and a CI workflow get no diagnostics, hover, completion or code action, and no log line', async () => {
      const client = session.client;
      const logsBefore = client.logs.length;
      mkdirSync(join(ws.root, '.github', 'workflows'), { recursive: true });
      const big = bigArrayJson();
      assert.ok(big.length > 5_000_000 && big.indexOf('phenotypicFeatures') > 4_000_000);
      const others = [
        { name: 'package.json', text: PACKAGE_JSON, language: 'json', at: { line: 1, character: 4 } },
        { name: 'tsconfig.json', text: TSCONFIG, language: 'jsonc', at: { line: 2, character: 6 } },
        { name: 'big.json', text: big, language: 'json', at: { line: 1, character: 5 } },
        { name: join('.github', 'workflows', 'ci.yml'), text: CI_YAML, language: 'yaml', at: { line: 4, character: 13 } },
      ];
      const uris: string[] = [];
      for (const doc of others) {
        const uri = await client.open(ws.write(doc.name, doc.text), doc.text, doc.language);
        uris.push(uri);
        assert.equal(await client.hover(uri, doc.at), null, `${doc.name}: no hover`);
        assert.equal(await client.hover(uri, { line: 0, character: 0 }), null, `${doc.name}: no hover at the start`);
        assert.deepEqual(await complete(client, uri, doc.at), [], `${doc.name}: no completion`);
        assert.deepEqual(await client.codeActions(uri, pretendFinding(doc.at.line).range, [pretendFinding(doc.at.line)]), [], `${doc.name}: no code action`);
        assert.deepEqual(await client.codeActions(uri, pretendFinding(doc.at.line).range, [pretendFinding(doc.at.line)], 2), [], `${doc.name}: no automatic code action`);
        if (mode.pull) assert.deepEqual(await client.pullDiagnostics(uri), [], `${doc.name}: an empty report`);
      }
      // Typing in the big one is handled like any other change: still nothing.
      const bigUri = uris[2];
      await client.change(bigUri, big.replace('"sample 0"', '"sample zero"'));
      if (mode.pull) assert.deepEqual(await client.pullDiagnostics(bigUri), []);

      // A dataset opened after them is answered; by then anything sent for the others would have arrived.
      const marker = superPopTsv();
      const markerUri = await client.open(ws.write('marker.tsv', marker), marker);
      await client.diagnostics(markerUri, (ds) => ds.some((d) => d.code === 'ancestry-underrepresented'), 'the marker dataset');
      for (const uri of uris) assert.equal(client.published.get(uri), undefined, `nothing published for ${uri}`);
      // The ready line may land after the suite started; it is the server's, not a document's.
      const logged = client.logs.slice(logsBefore).filter((line) => !line.startsWith('Cohort Lint server ready'));
      assert.ok(logged.length > 0 && logged.every((line) => line.includes('marker.tsv')), `only the dataset was logged:\n${logged.join('\n')}`);
      assert.equal(client.stderr, '');
      for (const uri of [...uris, markerUri]) await client.close(uri);
    });

    it('a Table Schema opened as plain .json gets diagnostics, and loses them when edited into plain JSON', async () => {
      const client = session.client;
      const uri = await client.open(ws.write('participants.json', SCHEMA_JSON), SCHEMA_JSON, 'json');
      const items = await client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'schema-invalid') && ds.some((d) => d.code === 'schema-ancestry-unconstrained'), 'schema findings');
      const invalid = items.find((d) => d.code === 'schema-invalid')!;
      assert.equal(covered(SCHEMA_JSON, invalid), '"int"');
      assert.match(messageOf(invalid), /integer/);
      const unconstrained = items.find((d) => d.code === 'schema-ancestry-unconstrained')!;
      assert.equal(covered(SCHEMA_JSON, unconstrained), '"race"');
      const fixes = await client.codeActions(uri, unconstrained.range, [unconstrained]);
      assert.ok(fixes.some((a) => /Constrain "race"/.test(a.title)), fixes.map((a) => a.title).join(' | '));

      const version = await client.change(uri, PLAIN_JSON);
      assert.deepEqual(await client.diagnostics(uri, (ds) => ds.length === 0, 'the findings cleared'), []);
      if (!mode.pull) {
        const last = client.lastPublished(uri)!;
        assert.equal(last.version, version, 'the empty publication is for the edited version');
        assert.deepEqual(last.diagnostics, []);
      } else {
        assert.deepEqual(await client.pullDiagnostics(uri), []);
      }
      assert.deepEqual(await client.codeActions(uri, unconstrained.range, [unconstrained]), [], 'no fix for a finding that is gone');
      assert.equal(await client.hover(uri, { line: 1, character: 4 }), null);

      await client.change(uri, SCHEMA_JSON);
      await client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'schema-invalid'), 'the findings back once it is a schema again');
      await client.close(uri);
    });

    it('a Phenopacket in YAML gets positioned diagnostics; closing it clears them', async () => {
      const client = session.client;
      const uri = await client.open(ws.write('patient6.yaml', PHENOPACKET_YAML), PHENOPACKET_YAML, 'yaml');
      const items = await client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'phenopacket-term-invalid'), 'phenopacket findings');
      const invalid = items.filter((d) => d.code === 'phenopacket-term-invalid');
      assert.deepEqual(invalid.map((d) => covered(PHENOPACKET_YAML, d)), ['"HP:12345"']);
      assert.ok(items.every((d) => d.source === 'cohort-lint' && d.codeDescription?.href.endsWith(`${d.code}.md`)));

      await client.close(uri);
      if (mode.pull) {
        assert.deepEqual(await client.pullDiagnostics(uri), [], 'a closed document has an empty report');
      } else {
        await client.until(() => (client.lastPublished(uri)?.diagnostics.length === 0 ? true : undefined), 'an empty publication after closing');
      }
    });

    it('closing a document that never had diagnostics publishes nothing', async () => {
      const client = session.client;
      const uri = await client.open(ws.write('plain.yaml', CI_YAML), CI_YAML, 'yaml');
      await client.close(uri);
      const marker = superPopTsv();
      const markerUri = await client.open(ws.write('marker2.tsv', marker), marker);
      await client.diagnostics(markerUri, (ds) => ds.length > 0, 'the marker dataset');
      assert.equal(client.published.get(uri), undefined);
      assert.equal(client.stderr, '');
    });
  });
}
