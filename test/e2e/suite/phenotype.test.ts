// Acceptance: the Synthea patients file lacks a diagnosis column; the quick fix adds it
// and the table stays rectangular. A phenopacket with a malformed HPO id gets a
// diagnostic on that id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, codeActionsAt, describeDiagnostics, showFile, waitFor, waitForDiagnostics, withCode, workspaceUri,
} from './helpers';

const syntheaFile = 'synthea_patients.csv';
const phenopacketFile = 'phenopacket_AIRE_PMID_19807739_Patient_6.json';
const corruptedPacket = 'phenopacket_corrupted.json';

function fieldCounts(doc: vscode.TextDocument): number[] {
  const counts: number[] = [];
  for (let i = 0; i < doc.lineCount; i++) {
    const line = doc.lineAt(i).text;
    if (line.length > 0) counts.push(line.split(',').length);
  }
  return counts;
}

suite('phenotype', () => {
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(corruptedPacket)).then(undefined, () => undefined);
  });

  test('Synthea patients: the missing diagnosis column is reported, and adding it keeps the table rectangular', async () => {
    const doc = await showFile(syntheaFile, 'csv');
    const uri = doc.uri;
    const diagnostics = await waitForDiagnostics(uri, 'phenotype-field-missing', (ds) => withCode(ds, 'phenotype-field-missing').length > 0);
    const [missing] = withCode(diagnostics, 'phenotype-field-missing');
    assert.match(missing.message, /"diagnosis"/, describeDiagnostics(uri));
    assert.equal(missing.range.start.line, 0);
    const width = doc.lineAt(0).text.split(',').length;

    const actions = await codeActionsAt(uri, missing.range);
    const add = actions.find((a) => /Add column "DIAGNOSIS"/.test(a.title));
    assert.ok(add, `no add-column action; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    await applyCodeAction(add);

    await waitFor(() => doc.lineAt(0).text.endsWith(',DIAGNOSIS'), 'the header to end with DIAGNOSIS', { state: () => doc.lineAt(0).text });
    const counts = fieldCounts(doc);
    assert.equal(counts.length, 116, 'header and 115 rows');
    assert.ok(counts.every((n) => n === width + 1), `every row has the header's ${width + 1} fields; saw ${[...new Set(counts)].join(', ')}`);
    await waitForDiagnostics(uri, 'phenotype-field-missing gone after the fix', (ds) => ds.length > 0 && withCode(ds, 'phenotype-field-missing').length === 0);

    // One undo restores the file as it was.
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.lineAt(0).text.split(',').length === width, 'undo to restore the header');
    assert.ok(fieldCounts(doc).every((n) => n === width));
  });

  test('a phenopacket with a malformed HPO id: the diagnostic sits on that id', async () => {
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(phenopacketFile)));
    const corrupted = original.replace('"HP:0002728"', '"HP:2728"');
    assert.notEqual(corrupted, original, 'the phenopacket holds HP:0002728');
    await vscode.workspace.fs.writeFile(workspaceUri(corruptedPacket), new TextEncoder().encode(corrupted));
    const doc = await showFile(corruptedPacket, 'json');
    const diagnostics = await waitForDiagnostics(doc.uri, 'phenopacket-term-invalid', (ds) => withCode(ds, 'phenopacket-term-invalid').length > 0);
    const [term] = withCode(diagnostics, 'phenopacket-term-invalid');
    assert.equal(doc.getText(term.range), '"HP:2728"');
    assert.match(term.message, /did you mean HP:0002728\?/);
    // Its 16 excluded features are observations, not missing values: nothing else is reported.
    assert.deepEqual(diagnostics.map((d) => d.message === term.message), [true], describeDiagnostics(doc.uri));
  });
});
