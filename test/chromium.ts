// Headless Debian Chromium for the tests that open a report page (unit: the CLI's HTML
// file; protocol: the server's webview HTML). A persistent context, so each run has its
// own profile folder, where a test can also write the page it opens as a file.
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.COHORT_LINT_CHROMIUM || '/usr/bin/chromium';

/** Runs `use` with a fresh headless browser and its profile folder; both are gone afterwards. */
export async function withChromium<T>(use: (context: BrowserContext, profile: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cohortlint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    return await use(context, profile);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
