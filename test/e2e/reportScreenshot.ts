// Takes the README's pictures of the report view: a dataset open in a real VS Code
// (code-server + headless Chromium, as in launch.ts), its "Report ·" code lens on the header
// line, and "Cohort Lint: Show Report" run from the command palette beside it. Two pictures: UCI's diabetes table and the
// consented example (examples/consented_cohort.csv with its policy).
//
//   npm run build && node out/test/e2e/reportScreenshot.js
//
// Writes docs/images/report-diabetic.png and docs/images/report-consented.png. Needs
// scripts/setup-e2e.sh and the real data in ../shared/realdata.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { chromiumPath, codeServerPath, freePort, launchBrowser, Run, tail } from './launch';
import { waitFor } from './polling';
import { createScratch, realDataDir, removeScratch, repoRoot } from './scratch';

const viewport = { width: 1400, height: 1000 };
const shots = [
  { file: 'diabetic_data.csv', output: 'report-diabetic.png' },
  { file: 'examples/consented_cohort.csv', output: 'report-consented.png' },
];

/** The webview's inner frame once it shows the report of `name`. */
async function reportFrame(page: Page, name: string): Promise<Frame> {
  return waitFor(`the report of ${name}`, async () => {
    for (const frame of page.frames()) {
      const heading = await frame.$eval('h1', (el) => el.textContent ?? '').catch(() => '');
      if (heading.includes(`Cohort Lint report: ${path.basename(name)}`)) return frame;
    }
    return undefined;
  }, 90_000);
}

async function command(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = await waitFor('the command palette', () => page.$('.quick-input-widget .quick-input-box input'));
  await input.fill(`>${title}`);
  await waitFor(`"${title}" in the palette`, () => page.$(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`));
  await page.keyboard.press('Enter');
}

async function shoot(page: Page, port: number, workspace: string, file: string, output: string): Promise<void> {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)]];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await waitFor('the workbench', () => page.$('.explorer-folders-view .monaco-list-row'), 60_000);
  await page.keyboard.press('Control+P');
  const input = await waitFor('Quick Open', () => page.$('.quick-input-widget .quick-input-box input'));
  await input.fill(file);
  await waitFor('the file in Quick Open', () => page.$(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(file)}"]`));
  await page.keyboard.press('Enter');
  // The code lens on the header line appears once the analysis is done.
  await waitFor('the Report code lens', () => page.$$eval('.editor-instance .codelens-decoration', (els) => els.some((el) => (el.textContent ?? '').startsWith('Report ·')) || undefined), 240_000, 250);
  await command(page, 'Cohort Lint: Show Report');
  const frame = await reportFrame(page, file);
  await waitFor('the charts', () => frame.$('svg[data-chart="representation"]'));
  // The dataset with its code lens beside the report; the side bar closed and toasts cleared.
  await page.keyboard.press('Control+B');
  await waitFor('the side bar to close', async () => !(await page.isVisible('.part.sidebar')) || undefined);
  await page.$$eval('.notification-toast .codicon-notifications-clear', (els) => els.forEach((el) => (el as unknown as { click(): void }).click())).catch(() => undefined);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
}

async function main(): Promise<number> {
  const codeServer = codeServerPath();
  const needed = [codeServer, chromiumPath, path.join(realDataDir, shots[0].file), path.join(repoRoot, 'client', 'dist', 'extension.js')];
  const missing = needed.filter((p) => !fs.existsSync(p));
  if (missing.length) {
    console.error(`report screenshot: missing ${missing.join(', ')} (run scripts/setup-e2e.sh and npm run build first)`);
    return 1;
  }
  let failures = 0;
  for (const shot of shots) {
    const scratch = createScratch();
    fs.cpSync(path.join(repoRoot, 'examples'), path.join(scratch.workspace, 'examples'), { recursive: true });
    // The diabetes table is 19 MB: open it without the large-file prompt; a tidier window.
    const settingsFile = path.join(scratch.userData, 'User', 'settings.json');
    fs.writeFileSync(settingsFile, JSON.stringify({
      ...JSON.parse(fs.readFileSync(settingsFile, 'utf8')),
      'workbench.editorLargeFileConfirmation': 1024, 'editor.minimap.enabled': false, 'workbench.tips.enabled': false, 'chat.commandCenter.enabled': false,
    }, null, 2) + '\n');
    const output = path.join(repoRoot, 'docs', 'images', shot.output);
    const run = new Run(scratch, codeServer);
    let browser: Browser | undefined;
    let page: Page | undefined;
    try {
      const port = await freePort();
      await run.startServer(port);
      browser = await launchBrowser();
      page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
      await shoot(page, port, scratch.workspace, shot.file, output);
      console.log(`report screenshot: wrote ${path.relative(process.cwd(), output)}`);
    } catch (err) {
      failures++;
      console.error(`report screenshot: ${err instanceof Error ? err.message : String(err)}`);
      console.error(tail(run.logFile, 20));
      await page?.screenshot({ path: path.join(scratch.root, 'failure.png') }).catch(() => undefined);
    } finally {
      await browser?.close().catch(() => undefined);
      await run.cleanup();
    }
    if (!failures) removeScratch(scratch);
    else console.log(`report screenshot: scratch folder kept: ${scratch.root}`);
  }
  return failures ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
