// `node bench/privacy.mjs`: what the privacy rules cost. Wall time and peak memory of the
// CLI on the real diabetic_data.csv (101,766 rows x 50 columns: the quasi-identifier
// classes and 25 cross-tabulations with race) and on the ~1M-row file run.mjs generates
// (streamed), for this build and, when BENCH_BASE_CLI names a build without the privacy
// rules, for that one too, so the difference is the privacy scan's.
// Env: BENCH_REPS (default 3), BENCH_BASE_CLI, BENCH_SKIP_LARGE=1.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLargeFile, sourcePath } from './data.mjs';
import { measure, peakSource } from './measure.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const REPS = Number(process.env.BENCH_REPS ?? 3);
const builds = [['this build', path.join(repoRoot, 'server', 'dist', 'cli.js')]];
if (process.env.BENCH_BASE_CLI) builds.push(['base', path.resolve(process.env.BENCH_BASE_CLI)]);

const src = sourcePath(repoRoot);
if (!existsSync(src)) {
  console.log(`skip: ${src} is absent`);
  process.exit(0);
}
const files = [['diabetic_data.csv', src]];
if (process.env.BENCH_SKIP_LARGE !== '1') files.push(['diabetic_data_x10.csv', (await ensureLargeFile(src, path.join(benchDir, '.data'))).path]);

console.log(`privacy bench: ${REPS} runs each, median wall time, max peak RSS (${peakSource()})`);
for (const [label, file] of files) {
  for (const [name, cli] of builds) {
    const m = await measure(cli, ['--format', 'json', file], REPS, { cwd: repoRoot, okCodes: [0, 1] });
    const findings = JSON.parse(m.last.stdout || '[]');
    const privacy = findings.filter((f) => String(f.code).startsWith('privacy-')).map((f) => f.code);
    console.log(`  ${label.padEnd(22)} ${name.padEnd(10)} ${m.wallS.toFixed(2).padStart(7)} s ${(m.peakKiB / 1024).toFixed(1).padStart(8)} MiB  runs ${m.walls.map((w) => w.toFixed(2)).join('/')}; privacy findings: ${privacy.join(', ') || 'none'}`);
  }
}
