// Runs a node script as a child process and measures its wall time and peak resident memory.
// Peak memory comes from GNU time's %M (the kernel's ru_maxrss for the child) when
// /usr/bin/time exists, otherwise from a preloaded hook that writes the child's own
// process.resourceUsage().maxRSS at exit. Either way the measured program is unmodified.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = fileURLToPath(new URL('./maxrss-preload.cjs', import.meta.url));

export const peakSource = () =>
  existsSync(GNU_TIME) && process.env.BENCH_RSS !== 'preload' ? 'GNU time %M' : 'process.resourceUsage().maxRSS at exit';

/** One run: { wallS, peakKiB, code, stdout, stderr }. */
export async function runOnce(script, args, { okCodes = [0], cwd } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cohort-bench-'));
  const rssFile = path.join(dir, 'rss');
  const useTime = peakSource() === 'GNU time %M';
  const [cmd, argv] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, script, ...args]]
    : [process.execPath, ['--require', PRELOAD, script, ...args]];
  const env = { ...process.env, BENCH_MAXRSS_FILE: rssFile };
  try {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout = (stdout + d).slice(-1_000_000); }); // keep the tail only
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c, signal) => resolve(signal ? `signal ${signal}` : c));
    });
    const wallS = Number(process.hrtime.bigint() - start) / 1e9;
    if (!okCodes.includes(code)) {
      throw new Error(`${path.basename(script)} exited with ${code}\n${stderr.trim()}`);
    }
    // GNU time puts "Command exited with non-zero status N" before the format line.
    const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
    const peakKiB = Number(lines.at(-1));
    if (!Number.isFinite(peakKiB) || peakKiB <= 0) throw new Error(`no peak memory recorded for ${script}`);
    return { wallS, peakKiB, code, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The nearest-rank `q` quantile of `xs` (p50, p95 of latencies). */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

/** `reps` runs: median wall time, max peak memory, and the last run's output. */
export async function measure(script, args, reps, opts) {
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(await runOnce(script, args, opts));
  const walls = runs.map((r) => r.wallS).sort((a, b) => a - b);
  const mid = walls.length >> 1;
  const median = walls.length % 2 ? walls[mid] : (walls[mid - 1] + walls[mid]) / 2;
  return {
    wallS: median,
    walls: runs.map((r) => r.wallS),
    peakKiB: Math.max(...runs.map((r) => r.peakKiB)),
    codes: runs.map((r) => r.code),
    last: runs.at(-1),
  };
}
