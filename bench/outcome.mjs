// `node bench/outcome.mjs` (after npm run build): what the outcome analysis costs on the
// real diabetic_data.csv (101,766 rows, streamed). Three runs of the CLI, each in its own
// process: no outcome key; a label-only policy (readmitted "<30" by race and gender); and
// a policy joining a predictions table with a continuous score per encounter (generated
// here, seeded, so the score histogram must coarsen past 50,000 cells). Prints median
// wall time and peak RSS of each. Env: BENCH_REPS (default 3).
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sourcePath } from './data.mjs';
import { measure, peakSource } from './measure.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const REPS = Number(process.env.BENCH_REPS ?? 3);
const CLI = path.join(repoRoot, 'server', 'dist', 'cli.js');
const src = sourcePath(repoRoot);
if (!existsSync(src)) {
  console.log(`SKIPPED outcome bench: ${src} not found.`);
  process.exit(0);
}
const dir = path.join(benchDir, '.data', 'outcome');
mkdirSync(dir, { recursive: true });
const data = path.join(dir, 'diabetic_data.csv');
if (!existsSync(data)) symlinkSync(src, data);

// One score per encounter id: a seeded pseudo-random number in [0, 1) (never a row value).
const predictions = path.join(dir, 'predictions.csv');
if (!existsSync(predictions)) {
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = ['encounter_id,risk'];
  const rl = readline.createInterface({ input: createReadStream(src) });
  let first = true;
  for await (const line of rl) {
    if (first) { first = false; continue; }
    lines.push(`${line.slice(0, line.indexOf(','))},${next().toFixed(6)}`);
  }
  writeFileSync(predictions, lines.join('\n') + '\n');
}

const policies = {
  none: '',
  label: 'outcome:\n  label: readmitted\n  positive: ["<30"]\n  groups: [race, gender]\n',
  score: 'outcome:\n  label: readmitted\n  positive: ["<30"]\n  score: risk\n  threshold: 0.5\n  groups: [race, gender]\n  predictions: predictions.csv\n  join: encounter_id\n',
};
console.log(`Outcome bench — node ${process.version}, ${REPS} runs each (median wall, max peak; peak from ${peakSource()}), diabetic_data.csv streamed`);
for (const [name, text] of Object.entries(policies)) {
  const policy = path.join(dir, `${name}.yaml`);
  writeFileSync(policy, text);
  const m = await measure(CLI, ['--format', 'json', '--config', policy, 'diabetic_data.csv'], REPS, { cwd: dir, okCodes: [0, 1] });
  const codes = JSON.parse(m.last.stdout).filter((f) => f.code.startsWith('outcome-')).map((f) => f.code);
  console.log(`  ${name.padEnd(6)} wall ${m.wallS.toFixed(2)} s  peak ${(m.peakKiB / 1024).toFixed(1)} MiB  outcome findings: ${codes.length ? codes.join(', ') : 'none'}`);
}
