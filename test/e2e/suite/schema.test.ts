// Acceptance: the JCOIN baseline schema's YAML source, as its authors wrote it, gets its
// non-standard `$ref` reported on the exact line, and the enum fix of its `race` field
// rewrites the two nonstandard labels and nothing else.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction, closeAllEditors, codeActionsAt, describeDiagnostics, diagnosticText, showFile, waitForDiagnostics, withCode,
} from './helpers';

const schemaFile = 'jcoin_baseline.yaml';

suite('schema documents', () => {
  suiteTeardown(closeAllEditors);

  test('jcoin_baseline.yaml: the $ref is reported on its line; the race enum fix keeps every other line', async () => {
    const doc = await showFile(schemaFile, 'yaml');
    const uri = doc.uri;
    const before = doc.getText().split(/\r?\n/);
    const diagnostics = await waitForDiagnostics(
      uri,
      'schema-invalid ($ref) and schema-ancestry-unconstrained (race)',
      (ds) => withCode(ds, 'schema-invalid').length > 0 && withCode(ds, 'schema-ancestry-unconstrained').length > 0,
    );
    const seen = describeDiagnostics(uri);

    const refLine = before.findIndex((l) => l.includes('$ref: "#ref/_definitions/jdc_person_id"'));
    assert.ok(refLine >= 0, 'the file has its $ref field');
    const ref = withCode(diagnostics, 'schema-invalid').find((d) => d.range.start.line === refLine);
    assert.ok(ref, `no schema-invalid on line ${refLine + 1}: ${seen}`);
    assert.equal(ref.severity, vscode.DiagnosticSeverity.Error);
    assert.match(ref.message, /\$ref/);
    assert.equal(doc.getText(ref.range), '"#ref/_definitions/jdc_person_id"');

    const [race] = withCode(diagnostics, 'schema-ancestry-unconstrained');
    // "Some other race" differs from "Some Other Race" only in case: that is not nonstandard.
    assert.match(diagnosticText(race), /1 nonstandard label .*"Multiracial".*"Two or more races"/, seen);
    const actions = await codeActionsAt(uri, race.range);
    const fix = actions.find((a) => a.title.includes('canonical labels'));
    assert.ok(fix, `no enum fix; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    await applyCodeAction(fix);

    const after = doc.getText().split(/\r?\n/);
    assert.equal(after.length, before.length, 'no line added or removed');
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line.trim(), after[i].trim()]]));
    assert.deepEqual(changed, [['- Multiracial', '- Two or more races']]);
    await waitForDiagnostics(uri, 'schema-ancestry-unconstrained gone after the fix', (ds) =>
      withCode(ds, 'schema-ancestry-unconstrained').length === 0 && withCode(ds, 'schema-invalid').length > 0);
  });
});
