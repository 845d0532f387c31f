// Acceptance: the 1000 Genomes panel (a `.panel` file associated with tsv) is linted
// against the `global` reference, its header's trailing tabs are reported once as
// information (not an error), and the ancestry column's hover explains the verdict.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, describeDiagnostics, diagnosticText, hoverText, panelFile, showFile, waitFor, waitForDiagnostics, withCode,
} from './helpers';

suite('a 1000 Genomes panel', () => {
  suiteTeardown(closeAllEditors);

  test('ancestry under-representation, one information finding for the trailing header fields, and a hover with the numbers', async () => {
    const doc = await showFile(panelFile, 'tsv');
    const uri = doc.uri;
    const diagnostics = await waitForDiagnostics(
      uri,
      'ancestry-underrepresented and table-header-trailing-fields',
      (ds) => withCode(ds, 'ancestry-underrepresented').length > 0 && withCode(ds, 'table-header-trailing-fields').length > 0,
    );
    const seen = describeDiagnostics(uri);

    const underrepresented = withCode(diagnostics, 'ancestry-underrepresented').map((d) => d.message).join('\n');
    assert.match(underrepresented, /\bEAS\b/, `EAS not reported as under-represented: ${seen}`);
    assert.match(underrepresented, /\bSAS\b/, `SAS not reported as under-represented: ${seen}`);

    // The header has 6 fields (two trailing tabs), the rows 4: one information finding on
    // the header, not one per row, and no error.
    const trailing = withCode(diagnostics, 'table-header-trailing-fields');
    assert.equal(trailing.length, 1, `table-header-trailing-fields should be reported once: ${seen}`);
    assert.equal(trailing[0].range.start.line, 0);
    assert.equal(trailing[0].severity, vscode.DiagnosticSeverity.Information);
    assert.equal(withCode(diagnostics, 'table-malformed').length, 0, `the trailing tabs are not an error: ${seen}`);

    const header = doc.lineAt(0).text.split('\t');
    const column = header.indexOf('super_pop');
    assert.ok(column >= 0, 'the panel has no super_pop column');
    const start = header.slice(0, column).reduce((n, cell) => n + cell.length + 1, 0);
    const cell = new vscode.Range(0, start, 0, start + 'super_pop'.length);
    assert.ok(
      diagnostics.some((d) => d.range.intersection(cell) && !d.range.intersection(cell)!.isEmpty && diagnosticText(d).includes('global')),
      `no diagnostic on the super_pop header cell mentioning the global reference: ${seen}`,
    );

    const inside = new vscode.Position(0, start + 2);
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, inside);
      const t = hoverText(hovers ?? []);
      return /^\s*\|.*\|/m.test(t) && t;
    }, 'a hover with a markdown table on the super_pop header');
    assert.match(text, /χ²|chi/i, 'the hover names no chi-square test');
  });
});
