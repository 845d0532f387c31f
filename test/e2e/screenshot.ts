// Takes the README's screenshot: the 1000 Genomes panel open in a real VS Code (code-server
// + headless Chromium, as in launch.ts) with Cohort Lint's diagnostics in the Problems panel
// and the hover on the super_pop header. The extension runs as in normal use: the URL
// payload carries extensionDevelopmentPath only, no test suite.
//
//   npm run build && node out/test/e2e/screenshot.js [output.png]
//
// Default output: docs/images/diagnostics.png. Needs scripts/setup-e2e.sh and the real data
// in ../shared/realdata. COHORT_LINT_E2E_KEEP=1 keeps the scratch folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, codeServerPath, freePort, launchBrowser, Run, tail } from './launch';
import { waitFor, waitStable } from './polling';
import { createScratch, realDataDir, removeScratch, repoRoot } from './scratch';

const dataFile = 'integrated_call_samples_v3.20130502.ALL.panel';
const viewport = { width: 1400, height: 900 };
const defaultOutput = path.join(repoRoot, 'docs', 'images', 'diagnostics.png');

// Browser globals for the page.evaluate callbacks (the tsconfig has no DOM lib).
declare const document: any;
declare const NodeFilter: any;
type El = { innerText: string; textContent: string | null; click(): void; getBoundingClientRect(): { top: number } };

/** The Problems panel's rows, one line of text each. */
function problemRows(page: Page): Promise<string[]> {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => (r.textContent ?? '').trim()));
}

async function shoot(page: Page, port: number, workspace: string, output: string): Promise<void> {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)]];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`
    + `&payload=${encodeURIComponent(JSON.stringify(payload))}`);

  // The workbench is ready once the explorer lists the workspace.
  await waitFor('the workbench', () => page.$(`.explorer-folders-view .monaco-list-row[aria-label*="${dataFile}"]`), 60_000);
  // Hide the side bar (Ctrl+B): the width goes to the editor and the Problems panel.
  await page.keyboard.press('Control+B');
  await waitFor('the side bar to close', async () => !(await page.isVisible('.part.sidebar')) || undefined);

  // Quick Open: Ctrl+P, the file's name, Enter.
  await page.keyboard.press('Control+P');
  const input = await waitFor('Quick Open', () => page.$('.quick-input-widget .quick-input-box input'));
  await input.fill(dataFile);
  await waitFor('the file in Quick Open', () => page.$(`.quick-input-list .monaco-list-row[aria-label*="${dataFile}"]`));
  await page.keyboard.press('Enter');
  await waitFor('the editor', () => page.$eval('.editor-instance .monaco-editor .view-lines',
    (el) => (el.textContent ?? '').includes('super_pop')).then((ok) => ok || undefined));

  // Diagnostics: squiggles in the editor, then the Problems panel (Ctrl+Shift+M).
  await waitFor('squiggles', () => page.$('.editor-instance .monaco-editor .squiggly-warning, .editor-instance .monaco-editor .squiggly-error'), 60_000);
  await page.keyboard.press('Control+Shift+M');
  await waitFor('Cohort Lint rows in the Problems panel', async () => {
    const rows = await problemRows(page);
    return rows.some((r) => /cohort-lint/.test(r) && /under-represented/.test(r)) || undefined;
  });
  // Select the file's row (Up), so no finding is drawn selected (that shows a light bulb
  // instead of its severity icon), then focus back on the editor (Ctrl+1).
  await page.keyboard.press('ArrowUp');
  await waitFor('the file row to be selected', () => page.$(`.markers-panel .monaco-list-row.selected[aria-label*="${dataFile}"]`));
  await page.keyboard.press('Control+1');
  await waitFor('the editor to have focus', () => page.$('.editor-instance .monaco-editor.focused'));
  // The server may publish in more than one batch; take the picture once the rows settle.
  const rows = (await waitStable('the Problems panel to settle', async () => (await problemRows(page)).join('\n'))).split('\n');
  console.log(`screenshot: ${rows.length} rows in the Problems panel:\n  ${rows.join('\n  ')}`);

  // Close toasts (e.g. the offline extension gallery failing) so they do not cover the panel.
  await page.$$eval('.notification-toast .codicon-notifications-clear', (els) => els.forEach((el) => (el as unknown as El).click()))
    .catch(() => undefined);

  // Hover the super_pop header: the word's box on the editor's first line.
  const box = await waitFor('super_pop on line 1', () => page.evaluate(() => {
    const lines: { style: { top: string } }[] = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
    const first = lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))[0];
    if (!first) return undefined;
    const walker = document.createTreeWalker(first, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf('super_pop');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'super_pop'.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return undefined;
  }));
  await page.mouse.move(box.x, box.y);
  const hover = '.monaco-editor .monaco-hover:not(.hidden)';
  const hoverText = () => page.$eval(hover, (el) => (el as unknown as El).innerText.trim());
  try {
    await waitFor('the hover', async () => /Cohort Lint: ancestry column "super_pop"/.test(await hoverText()) || undefined, 15_000);
    await waitStable('the hover to settle', hoverText, 3, 10_000);
    // VS Code lists the diagnostics first and the extension's group table below them; the
    // Problems panel already shows the diagnostics, so scroll the hover to the table.
    const tableOffset = () => page.$eval(hover, (el) => {
      const hoverEl = el as unknown as El & { querySelector(s: string): El | null };
      const part = hoverEl.querySelector('.markdown-hover');
      return part ? Math.round(part.getBoundingClientRect().top - hoverEl.getBoundingClientRect().top) : 0;
    });
    const hoverBox = (await (await page.$(hover))!.boundingBox())!;
    await page.mouse.move(hoverBox.x + hoverBox.width / 2, hoverBox.y + hoverBox.height / 2);
    // Each wheel event scrolls the hover by one fixed step (50 px), whatever its delta: wheel
    // to the last step above the table, then scroll the remaining pixels directly (the
    // scroll bar's slider is off by those few pixels).
    for (let step = 0; ; step++) {
      const before = await tableOffset();
      if (before >= 0 && before < 50) break;
      if (step === 20) throw new Error(`could not scroll the hover to the table (${before} px off)`);
      await page.mouse.wheel(0, Math.sign(before) * 50);
      await waitFor('the hover to scroll', async () => (await tableOffset()) !== before || undefined, 5_000, 50);
    }
    const rest = await tableOffset();
    await page.$eval(`${hover} .monaco-hover-content`, (el, by) => { (el as unknown as { scrollTop: number }).scrollTop += by; }, rest);
    await waitFor('the table at the top of the hover', async () => Math.abs(await tableOffset()) <= 1 || undefined, 5_000, 50);
  } catch (err) {
    // The picture is still worth having without the hover.
    console.log(`screenshot: no hover (${err instanceof Error ? err.message : String(err)})`);
  }

  fs.mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
}

async function main(): Promise<number> {
  const output = path.resolve(process.argv[2] ?? defaultOutput);
  const codeServer = codeServerPath();
  const needed = [
    codeServer, chromiumPath, path.join(realDataDir, dataFile), path.join(repoRoot, 'client', 'dist', 'extension.js'),
  ];
  const missing = needed.filter((p) => !fs.existsSync(p));
  if (missing.length) {
    console.error(`screenshot: missing ${missing.join(', ')} (run scripts/setup-e2e.sh and npm run build first)`);
    return 1;
  }

  const scratch = createScratch();
  // Only the panel in the workspace: the picture is about it.
  for (const name of fs.readdirSync(scratch.workspace)) {
    if (name !== dataFile && name !== '.vscode') fs.rmSync(path.join(scratch.workspace, name), { force: true });
  }
  // A tidier window for the picture.
  const settingsFile = path.join(scratch.userData, 'User', 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify({
    ...JSON.parse(fs.readFileSync(settingsFile, 'utf8')),
    'editor.minimap.enabled': false,
    'editor.occurrencesHighlight': 'off',
    'workbench.tips.enabled': false,
    'workbench.layoutControl.enabled': false,
    'chat.commandCenter.enabled': false,
  }, null, 2) + '\n');

  const run = new Run(scratch, codeServer);
  let browser: Browser | undefined;
  let page: Page | undefined;
  let ok = false;
  try {
    const port = await freePort();
    await run.startServer(port);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await shoot(page, port, scratch.workspace, output);
    console.log(`screenshot: wrote ${path.relative(process.cwd(), output)} (${Math.round(fs.statSync(output).size / 1024)} KB)`);
    ok = true;
  } catch (err) {
    console.error(`screenshot: ${err instanceof Error ? err.message : String(err)}`);
    console.error(tail(run.logFile, 20));
    const shot = path.join(scratch.root, 'failure.png');
    await page?.screenshot({ path: shot }).then(() => console.error(`screenshot: the window at the failure: ${shot}`), () => undefined);
  } finally {
    await browser?.close().catch(() => undefined);
    await run.cleanup();
  }
  if (ok && !process.env.COHORT_LINT_E2E_KEEP) removeScratch(scratch);
  else console.log(`screenshot: scratch folder kept: ${scratch.root}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
