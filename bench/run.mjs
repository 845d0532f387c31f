// `npm run bench`: wall time and peak memory of the CLI beside DuckDB computing the same
// aggregates (group counts of `race`; per column, missing counts per group), over the real
// diabetic_data.csv and a ~1M-row file made of ten copies of its rows.
// Also the same rows as Parquet, and the CLI with each engine (--engine js, --engine duckdb).
// Env: BENCH_REPS (default 3), BENCH_CLI (a script to use instead of server/dist/cli.js),
// BENCH_ENGINES (default js,duckdb),
// BENCH_RSS=preload (measure peak memory without /usr/bin/time).
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COPIES, ensureLargeFile, ensureParquetFile, sourcePath } from './data.mjs';
import { measure, peakSource } from './measure.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const REPS = Number(process.env.BENCH_REPS ?? 3);
const CLI = path.resolve(repoRoot, process.env.BENCH_CLI ?? 'server/dist/cli.js');
const DUCKDB = path.join(benchDir, 'duckdb-aggregates.mjs');
const TARGET_PEAK_MIB = 256;
// From shared/realdata/README.md.
const KNOWN_RACE = { Caucasian: 76099, AfricanAmerican: 19210, '?': 2273, Hispanic: 2037, Other: 1506, Asian: 641 };
const KNOWN_WEIGHT_MISSING = 98569;

const mib = (kib) => kib / 1024;
const int = (n) => n.toLocaleString('en-US');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const runs = (m) => `runs ${m.walls.map((w) => w.toFixed(2)).join('/')}s`;
const row = (file, rows, tool, wall, peak, note) =>
  console.log(`  ${pad(file, 20)} ${lpad(rows, 10)}  ${pad(tool, 7)} ${lpad(wall, 8)} ${lpad(peak, 10)}  ${note}`);

function checkCounts(label, agg, factor) {
  const got = Object.fromEntries(agg.groups.map((g) => [g.group, g.count]));
  const bad = Object.entries(KNOWN_RACE).filter(([k, v]) => got[k] !== v * factor);
  const extra = Object.keys(got).filter((k) => !(k in KNOWN_RACE));
  const weight = agg.groups.reduce((s, g) => s + (g.missing.weight ?? 0), 0);
  const ok = !bad.length && !extra.length && weight === KNOWN_WEIGHT_MISSING * factor;
  const detail = ok
    ? `${Object.entries(KNOWN_RACE).map(([k, v]) => `${k} ${int(v * factor)}`).join(', ')}; weight missing ${int(weight)}`
    : `mismatch: ${[...bad.map(([k, v]) => `${k} ${got[k] ?? 0} != ${v * factor}`), ...extra.map((k) => `unexpected group ${k}`), `weight missing ${weight} vs ${KNOWN_WEIGHT_MISSING * factor}`].join('; ')}`;
  console.log(`  check ${label}: DuckDB race counts ${ok ? 'match' : 'DO NOT match'} README x${factor} (${detail})`);
  return ok;
}

/** The CLI with each engine (BENCH_ENGINES, default js,duckdb): `cli` is the JavaScript engine. */
const ENGINES = (process.env.BENCH_ENGINES ?? 'js,duckdb').split(',').filter(Boolean);

async function benchFile(label, file, factor, haveCli) {
  const duck = await measure(DUCKDB, [file, 'race'], REPS, { cwd: repoRoot });
  const agg = JSON.parse(duck.last.stdout);
  const rows = int(agg.total);
  row(label, rows, 'duckdb', duck.wallS.toFixed(3), mib(duck.peakKiB).toFixed(1),
    `${runs(duck)}; threads=${agg.threads}, in-process query ${agg.queryS.toFixed(3)}s`);
  const clis = {};
  if (haveCli) {
    for (const engine of ENGINES) {
      const cli = await measure(CLI, ['--engine', engine, file], REPS, { cwd: repoRoot, okCodes: [0, 1] });
      clis[engine] = cli;
      const name = engine === 'js' ? 'cli' : `cli-${engine}`;
      row('', '', name, cli.wallS.toFixed(3), mib(cli.peakKiB).toFixed(1), `${runs(cli)}; exit ${[...new Set(cli.codes)].join('/')}; ratio to duckdb ${(cli.wallS / duck.wallS).toFixed(2)} time, ${(cli.peakKiB / duck.peakKiB).toFixed(2)} memory`);
    }
  }
  return { duck, cli: clis.js ?? null, clis, check: () => checkCounts(label, agg, factor) };
}

const src = sourcePath(repoRoot);
if (!existsSync(src)) {
  console.log(`SKIPPED bench: ${src} not found (it ships in the shared/ folder beside the repo).`);
  process.exit(0);
}
const haveCli = existsSync(CLI);
console.log(`Cohort Lint bench — node ${process.version}, ${availableParallelism()} cores (load ${loadavg()[0].toFixed(1)}), ${REPS} runs each (median wall, max peak); peak memory from ${peakSource()}`);
if (!haveCli) console.log(`  cli: SKIPPED, ${path.relative(repoRoot, CLI)} not found (run npm run build)`);
const large = await ensureLargeFile(src, path.join(benchDir, '.data'));
console.log(`  large file: ${path.relative(repoRoot, large.path)} (${large.generated ? 'generated' : 'up to date, reused'})\n`);
row('file', 'rows', 'tool', 'wall(s)', 'peak(MiB)', 'note');

let small, big, parquet;
try {
  small = await benchFile('diabetic_data', src, 1, haveCli);
  big = await benchFile(`diabetic_data_x${COPIES}`, large.path, COPIES, haveCli);
  const pq = await ensureParquetFile(large.path);
  console.log(`  parquet: ${path.relative(repoRoot, pq.path)} (${pq.generated ? 'generated by DuckDB' : 'up to date, reused'}; the same rows, every column text)`);
  parquet = await benchFile(`diabetic_x${COPIES}.parquet`, pq.path, COPIES, haveCli);
} catch (err) {
  console.error(`\nbench FAILED: ${err.message}`);
  process.exit(1);
}

console.log('');
const countsOk = [small.check(), big.check(), parquet.check()].every(Boolean);
if (Object.keys(big.clis).length > 0) {
  for (const [engine, cli] of Object.entries(big.clis)) {
    const timeMet = cli.wallS <= big.duck.wallS;
    const memMet = mib(cli.peakKiB) <= TARGET_PEAK_MIB;
    console.log(`  target on ${path.basename(large.path)}, --engine ${engine}: time <= DuckDB's: ${timeMet ? 'met' : 'not met'} ` +
      `(${cli.wallS.toFixed(3)}s vs ${big.duck.wallS.toFixed(3)}s); peak <= ${TARGET_PEAK_MIB} MiB: ` +
      `${memMet ? 'met' : 'not met'} (${mib(cli.peakKiB).toFixed(1)} MiB)`);
  }
} else {
  console.log('  target: not evaluated (no CLI)');
}
process.exit(countsOk ? 0 : 1);
