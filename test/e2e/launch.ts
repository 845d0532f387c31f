// Runs the e2e suite in a real VS Code without downloading one: code-server (VS Code's
// server and its Node extension host, installed from npm by scripts/setup-e2e.sh) with
// headless Debian Chromium as its window, driven by playwright-core. The suite
// (suite/index.ts) runs inside the extension host and writes its results to a JSON file
// this launcher prints. See ../shared/docs/real-vscode.md.
//
//   npm run build && npm run test:e2e
//
// COHORT_LINT_E2E=electron selects launch-electron.ts (@vscode/test-electron) instead, for
// machines that can download VS Code. Other knobs: COHORT_LINT_CODE_SERVER (path to a
// code-server binary), COHORT_LINT_CHROMIUM (browser binary), COHORT_LINT_E2E_TIMEOUT_MS
// (default 300000), COHORT_LINT_E2E_KEEP=1 (keep the scratch folder), COHORT_LINT_E2E_RESTRICTED=1
// (the Restricted Mode pass: workspace trust on, the folder untrusted, only that test).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { runElectron } from './launch-electron';
import { chromiumPath } from '../chromium';
import { printResults, readResults } from './results';
import {
  createScratch, missingRealData, realDataDir, removeScratch, repoRoot, restrictedEnvVar, resultsEnvVar, suiteEntry, type Scratch,
} from './scratch';

const runTimeoutMs = Number(process.env.COHORT_LINT_E2E_TIMEOUT_MS ?? 300_000);
const healthTimeoutMs = 60_000;
const isCI = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);

export function codeServerPath(): string {
  if (process.env.COHORT_LINT_CODE_SERVER) return process.env.COHORT_LINT_CODE_SERVER;
  // Same place and version as scripts/setup-e2e.sh.
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'e2e', 'code-server.json'), 'utf8'));
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'cohort-lint', `code-server-${version}`, 'node_modules', '.bin', 'code-server');
}

export { chromiumPath };

function banner(lines: string[]): void {
  const rule = '='.repeat(72);
  console.log([rule, ...lines, rule].join('\n'));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2_000, () => req.destroy());
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Headless Debian Chromium, the workbench's window. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

export class Run {
  private server?: ChildProcess;
  private serverExited = false;
  private serverGone!: Promise<void>;
  private browser?: Browser;
  private cleaned = false;
  readonly logFile: string;
  /** The extension under development; a stub when the suite tests an installed .vsix. */
  developmentPath = repoRoot;
  /** Keep workspace trust on (the folder then opens in Restricted Mode). */
  restricted = false;

  constructor(readonly scratch: Scratch, readonly codeServer: string) {
    this.logFile = path.join(scratch.root, 'code-server.log');
  }

  async startServer(port: number): Promise<void> {
    const out = fs.openSync(this.logFile, 'a');
    // detached: the server leads its own process group (setsid), so killing the group also
    // ends the extension host, our language server and the file watchers it spawned.
    this.server = spawn(
      this.codeServer,
      [
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        ...(this.restricted ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        '--user-data-dir', this.scratch.userData,
        '--extensions-dir', this.scratch.extensions,
        this.scratch.workspace,
      ],
      {
        detached: true,
        stdio: ['ignore', out, out],
        // The extension host inherits this environment: that is how the suite learns
        // where to write its results.
        env: { ...process.env, ...this.scratch.env, [resultsEnvVar]: this.scratch.resultsFile },
      },
    );
    fs.closeSync(out);
    this.serverGone = new Promise((resolve) => this.server!.on('exit', () => {
      this.serverExited = true;
      resolve();
    }));
    const deadline = Date.now() + healthTimeoutMs;
    while (!(await healthy(`http://127.0.0.1:${port}/healthz`))) {
      if (this.serverExited) throw new Error(`code-server exited during start-up:\n${tail(this.logFile, 30)}`);
      if (Date.now() > deadline) throw new Error(`code-server not healthy after ${healthTimeoutMs / 1000} s:\n${tail(this.logFile, 30)}`);
      await delay(100);
    }
  }

  /** Opens the workbench with the test payload; resolves with the suite's exit code. */
  async runSuite(port: number): Promise<number | 'timeout' | 'server exited'> {
    this.browser = await launchBrowser();
    const page = await this.browser.newPage();
    let settle!: (code: number) => void;
    const exited = new Promise<number>((resolve) => { settle = resolve; });
    // VS Code calls these when it finds them on window (its smoke-test driver hooks).
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      // Offline, the extension gallery lookup always fails; that line is noise.
      if (!/ENOTFOUND open-vsx\.org/.test(text)) console.log(`[vscode ${type}] ${text}`);
    });
    page.on('crash', () => settle(-1));

    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(this.developmentPath)],
      ['extensionTestsPath', remote(suiteEntry)],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(this.scratch.workspace)}`
      + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), runTimeoutMs); });
    const serverGone = this.serverGone.then(() => 'server exited' as const);
    const outcome = await Promise.race([exited, timedOut, serverGone]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      const shot = path.join(this.scratch.root, 'timeout.png');
      await page.screenshot({ path: shot }).then(() => console.log(`e2e: screenshot at ${shot}`), () => undefined);
    }
    return outcome;
  }

  /**
   * Installs a packaged .vsix into the scratch extensions folder, and makes the
   * development extension an empty stub: the suite then runs against what users install,
   * which proves the bundles are self-contained and .vscodeignore keeps what they need.
   */
  installVsix(vsix: string): void {
    const result = spawnSync(this.codeServer, ['--install-extension', path.resolve(vsix), '--extensions-dir', this.scratch.extensions, '--user-data-dir', this.scratch.userData], {
      env: { ...process.env, ...this.scratch.env }, encoding: 'utf8', timeout: 120_000,
    });
    if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
    const stub = path.join(this.scratch.root, 'stub-extension');
    fs.mkdirSync(stub, { recursive: true });
    fs.writeFileSync(path.join(stub, 'package.json'), JSON.stringify({
      name: 'cohort-lint-e2e-host', publisher: 'cohort-lint', version: '0.0.0', engines: { vscode: '^1.100.0' },
    }));
    this.developmentPath = stub;
  }

  async cleanup(): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    await Promise.race([this.browser?.close().catch(() => undefined), delay(5_000)]);
    const pid = this.server?.pid;
    if (pid === undefined) return;
    // Even when code-server itself has gone, its group may still hold the extension host.
    const killGroup = (signal: NodeJS.Signals) => {
      try { process.kill(-pid, signal); } catch { /* already gone */ }
    };
    killGroup('SIGTERM');
    for (let i = 0; i < 50 && !this.serverExited; i++) await delay(100);
    killGroup('SIGKILL');
  }
}

async function main(): Promise<number> {
  if (process.env.COHORT_LINT_E2E === 'electron') {
    return runElectron();
  }

  const missingData = missingRealData();
  if (missingData.length) {
    banner([`SKIPPED e2e: real data not found in ${realDataDir}`, `  missing: ${missingData.join(', ')}`]);
    return 0;
  }
  const codeServer = codeServerPath();
  const missingTools = [codeServer, chromiumPath].filter((p) => !fs.existsSync(p));
  if (missingTools.length) {
    if (isCI) {
      banner([`e2e FAILED: missing ${missingTools.join(', ')}`, 'CI is set, so this is an error: run scripts/setup-e2e.sh first']);
      return 1;
    }
    banner(['SKIPPED e2e: run scripts/setup-e2e.sh first', `  missing: ${missingTools.join(', ')}`]);
    return 0;
  }
  for (const built of [suiteEntry, path.join(repoRoot, 'client', 'dist', 'extension.js')]) {
    if (!fs.existsSync(built)) {
      console.error(`e2e: ${path.relative(repoRoot, built)} is missing: run \`npm run build\` first`);
      return 1;
    }
  }

  const started = Date.now();
  // COHORT_LINT_E2E_RESTRICTED=1: the Restricted Mode pass (workspace trust on, folder untrusted).
  const restricted = process.env[restrictedEnvVar] === '1';
  const scratch = createScratch({ restricted });
  const run = new Run(scratch, codeServer);
  run.restricted = restricted;
  if (restricted) console.log('e2e: Restricted Mode pass (workspace trust on, the folder untrusted)');
  const onSignal = (signal: NodeJS.Signals) => {
    void run.cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let ok = false;
  try {
    const vsix = process.env.COHORT_LINT_E2E_VSIX;
    if (vsix) {
      run.installVsix(vsix);
      console.log(`e2e: testing the installed package ${vsix}`);
    }
    const port = await freePort();
    await run.startServer(port);
    const outcome = await run.runSuite(port);
    if (outcome === 'timeout') console.log(`e2e: TIMED OUT after ${runTimeoutMs / 1000} s`);
    if (outcome === 'server exited') console.log(`e2e: code-server exited mid-run:\n${tail(run.logFile, 30)}`);
    const printedOk = printResults(readResults(scratch.resultsFile));
    ok = outcome === 0 && printedOk;
    if (typeof outcome === 'number' && outcome !== 0 && printedOk) console.log(`e2e: VS Code exited with code ${outcome}`);
  } catch (err) {
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    console.log('0 passed, 0 failed');
  } finally {
    await run.cleanup();
  }
  console.log(`e2e: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (ok && !process.env.COHORT_LINT_E2E_KEEP) removeScratch(scratch);
  else console.log(`e2e: scratch folder kept: ${scratch.root} (code-server log: ${run.logFile})`);
  return ok ? 0 : 1;
}

// Only when run as a script: test/e2e/screenshot.ts imports the helpers above.
if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
