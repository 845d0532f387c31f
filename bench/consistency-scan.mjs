// `npm run build && node bench/consistency-scan.mjs`: time of the recording-consistency row
// scan (code systems, date formats, measurements, group tables) over the rows of
// ../shared/realdata/diabetic_data.csv, beside the profile pass every lint already makes,
// median of BENCH_REPS (default 5) runs. Prints a skip line when the file is absent.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcePath } from './data.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = (p) => require(path.join(repoRoot, 'out', 'server', 'src', 'engine', p));
const REPS = Number(process.env.BENCH_REPS ?? 5);

const file = sourcePath(repoRoot);
if (!existsSync(file)) {
  console.log(`skip: ${file} absent`);
  process.exit(0);
}
const { parseTable } = engine('table/parse.js');
const { beginConsistency, consistencyRow } = engine('phenotype/consistencyScan.js');
const { ProfileBuilder } = engine('profile/profile.js');
const { columnMarkers } = engine('columnMarkers.js');
const { defaultPolicy } = engine('policy/policy.js');
const table = parseTable(readFileSync(file, 'utf8'), ',');
const policy = defaultPolicy();
const ancestryColumns = [table.header.indexOf('race')];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => Array.from({ length: REPS }, () => { const t = performance.now(); fn(); return performance.now() - t; });

const scan = time(() => {
  const state = beginConsistency({ header: table.header, policy, ancestryColumns });
  table.rows.forEach((r, i) => consistencyRow(state, r.values, i + 1));
});
const profile = time(() => {
  const builder = new ProfileBuilder(table.header, { markers: columnMarkers(table.header, policy, ancestryColumns), ancestryColumns });
  for (const r of table.rows) builder.addRow(r.values);
});
const cells = table.rows.length * table.header.length;
console.log(`diabetic_data.csv: ${table.rows.length.toLocaleString('en-US')} rows x ${table.header.length} columns, ${REPS} runs`);
console.log(`  consistency scan  median ${median(scan).toFixed(0)} ms (${(median(scan) * 1e6 / cells).toFixed(0)} ns per cell)`);
console.log(`  profile pass      median ${median(profile).toFixed(0)} ms (the pass every lint makes, for scale)`);
