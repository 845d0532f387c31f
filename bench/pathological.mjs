// `npm run bench:pathological`: wall time and peak memory of the CLI on inputs built to hit
// the worst case of a parser or a rule (each generated here, at run time, under
// bench/.data/pathological/): a header with many ancestry columns, many unclosed quotes,
// one very long line, a catastrophic schema pattern, a file with bare CR line breaks.
// Each case runs once, in its own child process, with a time limit.
// Env: PATHOLOGICAL_LONG_MB (size of the long line, default 200), PATHOLOGICAL_TIMEOUT_S
// (default 300), PATHOLOGICAL_CASES (comma-separated case names to run), BENCH_CLI (another
// build of the CLI, to compare).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const CLI = path.resolve(repoRoot, process.env.BENCH_CLI ?? 'server/dist/cli.js');
const DATA = path.join(benchDir, '.data', 'pathological');
const LONG_MB = Number(process.env.PATHOLOGICAL_LONG_MB ?? 200);
const TIMEOUT_S = Number(process.env.PATHOLOGICAL_TIMEOUT_S ?? 300);
const ONLY = process.env.PATHOLOGICAL_CASES?.split(',');

/** Writes `parts()` (a generator of strings) to `file` as a stream: no large string is built. */
async function writeStream(file, parts) {
  const out = createWriteStream(file);
  for (const part of parts()) if (!out.write(part)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const CASES = [
  {
    name: 'wide-header',
    what: '150 "race" columns + 100,000 others, 3 rows',
    async make(dir) {
      const file = path.join(dir, 'wide.csv');
      const names = [...Array.from({ length: 150 }, () => 'race'), ...Array.from({ length: 100_000 }, (_, i) => `c${i}`)];
      const row = (r) => names.map((_, i) => (i < 150 ? ['White', 'Asian', 'Black'][(i + r) % 3] : i % 7 === 0 ? '' : String(r))).join(',');
      writeFileSync(file, [names.join(','), row(0), row(1), row(2)].join('\n') + '\n');
      return [file];
    },
  },
  {
    name: 'unclosed-quotes',
    what: '20,000 lines each opening a quote it never closes',
    async make(dir) {
      const file = path.join(dir, 'unclosed.csv');
      const lines = ['id,note'];
      for (let i = 0; i < 20_000; i++) lines.push(`${i},"open ${i}`);
      writeFileSync(file, lines.join('\n') + '\n');
      return [file];
    },
  },
  {
    name: 'long-line',
    what: `one data row of ${LONG_MB} MB (a single cell, no line break)`,
    async make(dir) {
      const file = path.join(dir, 'long.csv');
      const block = 'x'.repeat(1 << 20);
      await writeStream(file, function* () {
        yield 'id,note\n1,';
        for (let i = 0; i < LONG_MB; i++) yield block;
        yield '\n';
      });
      return [file];
    },
  },
  {
    name: 'catastrophic-pattern',
    what: 'schema pattern (a+)+ against 1,000 cells of 30 "a" and a "!"',
    async make(dir) {
      const file = path.join(dir, 'pattern.csv');
      const lines = ['id,code'];
      for (let i = 0; i < 1000; i++) lines.push(`${i},${'a'.repeat(30)}!`);
      writeFileSync(file, lines.join('\n') + '\n');
      writeFileSync(path.join(dir, 'pattern.schema.json'), JSON.stringify({ fields: [{ name: 'id', type: 'integer' }, { name: 'code', type: 'string', constraints: { pattern: '(a+)+' } }] }));
      return [file];
    },
  },
  {
    name: 'cr-only',
    what: '100,000 rows with bare CR line breaks',
    async make(dir) {
      const file = path.join(dir, 'cr.csv');
      const races = ['White', 'Black', 'Asian', 'Hispanic'];
      const lines = ['id,race,sex,age,consent'];
      for (let i = 0; i < 100_000; i++) lines.push(`${i},${races[i % 4]},${i % 2 ? 'F' : 'M'},${20 + (i % 60)},GRU`);
      writeFileSync(file, lines.join('\r') + '\r');
      return [file];
    },
  },
];

/** Runs the CLI once under GNU time (peak RSS) with a time limit. */
function runCli(files) {
  return new Promise((resolve) => {
    const rssFile = path.join(DATA, 'rss');
    rmSync(rssFile, { force: true });
    const useTime = existsSync('/usr/bin/time');
    const argv = [CLI, '--format', 'json', ...files];
    const child = useTime
      ? spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
      : spawn(process.execPath, ['--require', path.join(benchDir, 'maxrss-preload.cjs'), ...argv], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_MAXRSS_FILE: rssFile }, detached: true });
    // Findings are counted as they stream by (JSON output: one "code" per finding).
    let findings = 0;
    let tail = '';
    child.stdout.on('data', (d) => {
      const text = tail + d;
      findings += text.split('"code":').length - 1;
      tail = text.slice(-6); // shorter than the needle: no match is counted twice
    });
    child.stderr.on('data', () => {});
    const start = process.hrtime.bigint();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; process.kill(-child.pid, 'SIGKILL'); }, TIMEOUT_S * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallS = Number(process.hrtime.bigint() - start) / 1e9;
      const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
      const peakKiB = Number(lines.at(-1));
      resolve({ wallS, peakKiB: Number.isFinite(peakKiB) ? peakKiB : undefined, code: timedOut ? 'timeout' : signal ?? code, findings });
    });
  });
}

if (!existsSync(CLI)) {
  console.error(`${CLI} is missing: run npm run build first`);
  process.exit(2);
}
mkdirSync(DATA, { recursive: true });
console.log(`pathological inputs: CLI wall time and peak RSS, one run each, limit ${TIMEOUT_S} s`);
console.log(`  ${'case'.padEnd(22)} ${'input'.padStart(10)} ${'wall s'.padStart(8)} ${'peak MiB'.padStart(9)}  exit  findings  what`);
let failed = false;
for (const c of CASES) {
  if (ONLY && !ONLY.includes(c.name)) continue;
  const dir = path.join(DATA, c.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = await c.make(dir);
  const { statSync } = await import('node:fs');
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const r = await runCli(files);
  const size = bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
  const peak = r.peakKiB === undefined ? '-' : (r.peakKiB / 1024).toFixed(0);
  console.log(`  ${c.name.padEnd(22)} ${size.padStart(10)} ${r.wallS.toFixed(2).padStart(8)} ${peak.padStart(9)}  ${String(r.code).padEnd(5)} ${String(r.findings).padStart(8)}  ${c.what}`);
  if (r.code !== 0 && r.code !== 1) failed = true;
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
