// The reviewer's report in a real VS Code: the code lens on the header line opens the
// webview; the chart the page rendered (read back from its DOM) holds the analysis'
// numbers, which match counts made here from the file; the page's Content-Security-Policy
// refuses a remote image.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, showFile, waitFor, waitForDiagnostics, withCode } from './helpers';

const file = 'synthea_patients.csv';

interface ReportState {
  panel?: vscode.WebviewPanel;
  model?: { representation: { column: string; total: number; groups: { group: string; count: number; share: number; ciLow: number; ciHigh: number }[] }[] };
  rendered?: Record<string, string>[];
  violations: { directive: string; blockedURI: string }[];
}

suite('report view', () => {
  suiteTeardown(closeAllEditors);

  test('the code lens opens the report; its chart holds the analysis\' numbers; its CSP refuses a remote image', async () => {
    const api = (await activateExtension()).exports as { report: ReportState };
    const doc = await showFile(file, 'csv');
    const diagnostics = await waitForDiagnostics(doc.uri, 'ancestry findings on RACE', (ds) => withCode(ds, 'ancestry-underrepresented').length > 0 || withCode(ds, 'privacy-direct-identifier').length > 0, 60_000);

    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return found?.find((l) => l.command?.command === 'cohortLint.showReport');
    }, 'the Report code lens');
    assert.equal(lenses.range.start.line, 0, 'on the header line');
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).length >= diagnostics.length, 'diagnostics to settle');
    const warnings = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'cohort-lint' && d.severity === vscode.DiagnosticSeverity.Warning).length;
    assert.match(lenses.command!.title, new RegExp(`^Report · (\\d+ errors? · )?${warnings} warnings? · 3 groups$`));

    const opened = await vscode.commands.executeCommand<boolean>(lenses.command!.command, ...(lenses.command!.arguments ?? []));
    assert.equal(opened, true);
    const rendered = await waitFor(() => api.report.rendered, 'the webview to render its charts', { timeoutMs: 30_000 });

    // Counted here from the file: RACE is the 13th column; every row has one.
    const counts = new Map<string, number>();
    const lines = doc.getText().split(/\r?\n/).slice(1).filter((l) => l.trim() !== '');
    for (const line of lines) {
      const race = line.split(',')[12];
      counts.set(race, (counts.get(race) ?? 0) + 1);
    }
    const expected: Record<string, number> = { White: counts.get('white') ?? 0, 'Black or African American': counts.get('black') ?? 0, Asian: counts.get('asian') ?? 0 };
    const race = api.report.model!.representation.find((s) => s.column === 'RACE')!;
    const drawn = rendered.filter((g) => g.chart === 'representation');
    for (const [group, n] of Object.entries(expected)) {
      const inModel = race.groups.find((g) => g.group === group)!;
      assert.equal(inModel.count, n, `${group}: the analysis counts ${inModel.count}, the file has ${n}`);
      const onPage = drawn.find((g) => g.group === group);
      assert.ok(onPage, `${group} is not drawn`);
      assert.deepEqual([Number(onPage.share), Number(onPage.ciLow), Number(onPage.ciHigh), Number(onPage.count)], [inModel.share, inModel.ciLow, inModel.ciHigh, n]);
      assert.equal(inModel.share, n / lines.length);
    }

    // The page's own policy refuses what it does not allow: a remote image added to it.
    const panel = api.report.panel!;
    panel.webview.html = panel.webview.html.replace('</body>', '<img src="https://example.com/remote-pixel.png" alt=""></body>');
    const violation = await waitFor(() => api.report.violations.find((v) => v.blockedURI.includes('example.com')), 'the CSP to refuse the remote image', { timeoutMs: 30_000 });
    assert.match(violation.directive, /^img-src/);
  });
});
