// `npm run build && node bench/edit-phases.mjs`: where the time of one edit's re-lint goes,
// in-process (no protocol, no debounce), on ../shared/realdata/diabetic_data.csv. The
// document is linted once with its profile blocks kept, then BENCH_EDITS (default 20) edits
// of one race cell each are re-linted as the server does (previous table and blocks
// reused, the edit's unchanged ends given as the client's change gives them); for each edit the splice of the table (reparseTable) is also timed on its own.
// Prints p50/p95 of the whole re-lint, of the splice, and of the rest (row scans over every
// row, the re-profiled block, the merge of every block, the rules), and the blocks kept and
// re-profiled. Figures only; a skip line when the file is absent. For a function-level
// breakdown run it under `node --cpu-prof`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcePath } from './data.mjs';
import { quantile } from './measure.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = (p) => require(path.join(repoRoot, 'out', 'server', 'src', 'engine', p));
const EDITS = Number(process.env.BENCH_EDITS ?? 20);

const file = sourcePath(repoRoot);
if (!existsSync(file)) {
  console.log(`skip: ${file} absent`);
  process.exit(0);
}
const { lintDocument } = engine('lintDocument.js');
const { loadPolicy } = engine('policy/loadPolicy.js');
const { reparseTable } = engine('table/reparse.js');

const policy = loadPolicy(undefined, () => undefined);
const read = (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
const lint = (text, previous, unchangedEnds) => lintDocument(file, text, 'csv', {
  policy, read, workspaceRoot: path.dirname(file), options: {}, keepBlocks: true,
  previousTable: previous?.table, previousProfile: previous?.profileBlocks, unchangedEnds,
});
const row = (name, xs) => console.log(`${name.padEnd(30)} p50 ${quantile(xs, 0.5).toFixed(0).padStart(5)} ms  p95 ${quantile(xs, 0.95).toFixed(0).padStart(5)} ms`);

let text = readFileSync(file, 'utf8');
let started = performance.now();
let analysis = lint(text);
console.log(`diabetic_data.csv: first lint with blocks kept ${Math.round(performance.now() - started)} ms, ${analysis.profileBlocks.blocks.length} blocks`);

// Deterministic, so runs before and after a change edit the same rows.
let seed = 7;
const pick = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return Math.floor((seed / 0x7fffffff) * n);
};
const whole = [];
const splice = [];
const reprofiled = [];
for (let i = 0; i < EDITS; i++) {
  // A race cell changed on a random data row (the edit itself is not timed).
  const { rows } = analysis.table;
  const target = rows[pick(rows.length)];
  const cells = text.slice(target.start, target.end).split(',');
  cells[2] = cells[2] === 'Caucasian' ? 'White' : 'Caucasian';
  // What the server knows from the client's change: the text before and after it is untouched.
  const ends = { prefix: target.start, suffix: text.length - target.end };
  text = text.slice(0, target.start) + cells.join(',') + text.slice(target.end);

  started = performance.now();
  reparseTable(analysis.table, text, ',', ends);
  splice.push(performance.now() - started);

  const kept = new Set(analysis.profileBlocks.blocks);
  started = performance.now();
  analysis = lint(text, analysis, ends);
  whole.push(performance.now() - started);
  reprofiled.push(analysis.profileBlocks.blocks.filter((b) => !kept.has(b)).reduce((n, b) => n + b.sources.length, 0));
}
row('edit -> findings (whole)', whole);
row('  splice into the table', splice);
row('  the rest', whole.map((t, i) => t - splice[i]));
console.log(`rows re-profiled per edit: p50 ${quantile(reprofiled, 0.5)} of ${analysis.table.rows.length}; findings ${analysis.findings.length}`);
