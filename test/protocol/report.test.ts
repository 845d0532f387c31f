// The report over a real connection: the header-line code lens names the counts and runs
// cohortLint.showReport; cohortLint/report answers the page (with the client's nonce in
// its CSP) and its model, from the analysis the diagnostics came from.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { chromiumPath, withChromium } from '../chromium';
import { serverPerSuite, withTimeout } from './harness';


function cohort(): string {
  const lines = ['participant_id,race,sex'];
  for (let i = 0; i < 200; i++) lines.push(`P${i},${i < 150 ? 'White' : i < 198 ? 'Black or African American' : 'Asian'},${i % 2 ? 'F' : 'M'}`);
  return lines.join('\n') + '\n';
}

describe('report (push)', () => {
  const session = serverPerSuite({ pull: false });

  it('code lens on the header line, and the report page from the same analysis', async () => {
    const uri = await session.client.open(session.ws.write('cohort.csv', cohort()), cohort());
    const diagnostics = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'ancestry-underrepresented'), 'ancestry findings');
    const lenses = await withTimeout(session.client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), 'codeLens') as CodeLens[];
    assert.equal(lenses.length, 1);
    const warnings = diagnostics.filter((d) => d.severity === 2).length;
    assert.equal(lenses[0].range.start.line, 0);
    assert.equal(lenses[0].command?.title, `Report · ${warnings} warning${warnings === 1 ? '' : 's'} · 3 groups`);
    assert.deepEqual(lenses[0].command?.arguments, [uri]);
    assert.equal(lenses[0].command?.command, 'cohortLint.showReport');

    const answer = await withTimeout(session.client.connection.sendRequest('cohortLint/report', { uri, nonce: 'abc123', cspSource: 'https://webview.test' }), 'cohortLint/report') as {
      html: string; model: { findings: { code: string }[]; representation: { column: string; groups: { group: string; count: number }[] }[] };
    };
    assert.match(answer.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'; img-src data: https:\/\/webview\.test;/);
    assert.match(answer.html, /<script nonce="abc123">/);
    assert.deepEqual(answer.model.findings.map((f) => f.code).sort(), diagnostics.map((d) => String(d.code)).sort());
    const race = answer.model.representation.find((s) => s.column === 'race')!;
    assert.deepEqual(race.groups.filter((g) => g.count > 0).map((g) => [g.group, g.count]), [['White', 150], ['Black or African American', 48], ['Asian', 2]]);

    const policy = await withTimeout(session.client.connection.sendRequest('cohortLint/report', { uri: 'file:///nowhere.csv', nonce: 'x', cspSource: '' }), 'cohortLint/report') as { error?: string };
    assert.match(policy.error ?? '', /Open a CSV or TSV dataset/);
  });
});

describe('code lens and report while a lint runs (push)', () => {
  const session = serverPerSuite({ pull: false });

  // VS Code asks for code lenses as soon as a document opens: they must wait for the lint
  // under way, not run a second, unsliced one that holds every request until it is done.
  it('join the lint under way: the document is linted once', async () => {
    const lines = ['participant_id,race,sex,age'];
    for (let i = 0; i < 40_000; i++) lines.push(`P${i},${['White', 'Asian', 'Black or African American'][i % 3]},${i % 2 ? 'F' : 'M'},${20 + (i % 60)}`);
    const text = lines.join('\n') + '\n';
    const uri = await session.client.open(session.ws.write('lensed.csv', text), text);
    const [lenses, report] = await Promise.all([
      withTimeout(session.client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), 'codeLens') as Promise<CodeLens[]>,
      withTimeout(session.client.connection.sendRequest('cohortLint/report', { uri, nonce: 'n', cspSource: '' }), 'cohortLint/report') as Promise<{ html?: string }>,
    ]);
    await session.client.diagnostics(uri, () => true, 'diagnostics');
    assert.equal(lenses.length, 1);
    assert.ok(report.html);
    const lints = session.client.logs.filter((m) => /^Linted lensed\.csv v1\b/.test(m));
    assert.equal(lints.length, 1, lints.join('\n'));
  });
});

describe('report page in a browser (push)', () => {
  const session = serverPerSuite({ pull: false });

  // The page the server answers, in headless Chromium with the webview's bridge stubbed:
  // a real click on a finding's line must post "reveal" with that finding's position.
  it('a click on a finding\'s line posts reveal with its line and character', async (t) => {
    if (!existsSync(chromiumPath)) { t.skip(`no Chromium at ${chromiumPath}`); return; }
    const text = cohort().split('\n').map((line, i) => (i === 120 ? `${line},extra` : line)).join('\n');
    const uri = await session.client.open(session.ws.write('clicked.csv', text), text);
    const diagnostics = await session.client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'table-malformed'), 'the malformed row');
    const malformed = diagnostics.find((d) => d.code === 'table-malformed')!;
    assert.equal(malformed.range.start.line, 120);
    const answer = await withTimeout(session.client.connection.sendRequest('cohortLint/report', { uri, nonce: 'n0nce', cspSource: 'https://webview.test' }), 'cohortLint/report') as { html: string };

    await withChromium(async (context, profile) => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // What VS Code gives a webview: acquireVsCodeApi().postMessage, here recorded.
      await page.addInitScript('window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });');
      // A navigation (not setContent), so the init script runs before the page's own.
      const file = path.join(profile, 'report.html');
      writeFileSync(file, answer.html);
      await page.goto(`file://${file}`);
      await page.waitForFunction('window.posted.some((m) => m.type === "rendered")');
      await page.locator(`a.reveal[data-line="${malformed.range.start.line}"]`).first().click();
      const reveal = await page.evaluate<unknown>('window.posted.filter((m) => m.type === "reveal")');
      assert.deepEqual(reveal, [{ type: 'reveal', line: 120, character: malformed.range.start.character }]);
      assert.deepEqual(errors, []);
    });
  });
});
