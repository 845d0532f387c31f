// `npm run bench:cohort`: what joining a cohort over three tables costs. For N
// participants (100,000 and 200,000 by default) it writes, under bench/.data/cohort/,
// participants.csv (N rows), consent.csv (N rows, 1% withdrawn) and phenotypes.csv (3 rows
// per participant) with a datapackage.json whose foreignKeys link them, and the same
// phenotypes.csv in another folder, described by the same schema without the foreign key. It then runs the CLI on phenotypes.csv in both
// places (each in its own process) and prints wall time and peak RSS: the difference is
// the join (two sibling tables streamed, keys held in hash sets). Linear cost shows as the
// per-row overhead staying flat as N doubles. Env: COHORT_BENCH_N (comma-separated sizes),
// BENCH_REPS (default 3).
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, peakSource } from './measure.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const CLI = path.join(repoRoot, 'server', 'dist', 'cli.js');
const REPS = Number(process.env.BENCH_REPS ?? 3);
const SIZES = (process.env.COHORT_BENCH_N ?? '100000,200000').split(',').map(Number);
const POPS = ['AFR', 'AMR', 'EAS', 'EUR', 'SAS'];

async function writeLines(file, header, count, line) {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i++) if (!out.write(`${line(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const key = (i) => `P${String(i).padStart(7, '0')}`;

async function make(n) {
  const dir = path.join(benchDir, '.data', 'cohort', String(n));
  const alone = path.join(dir, 'alone');
  const pkg = path.join(dir, 'package');
  if (existsSync(path.join(pkg, 'datapackage.json')) && existsSync(path.join(alone, 'datapackage.json'))) return { alone, pkg };
  mkdirSync(alone, { recursive: true });
  mkdirSync(pkg, { recursive: true });
  await writeLines(path.join(pkg, 'participants.csv'), 'participant_id,super_pop,sex', n, (i) => `${key(i)},${POPS[i % 5]},${i % 2 ? 'male' : 'female'}`);
  await writeLines(path.join(pkg, 'consent.csv'), 'participant_id,consent_codes,consent_status', n, (i) => `${key(i)},GRU,${i % 100 === 7 ? 'withdrawn' : 'active'}`);
  // Every 1,000th phenotype row names a participant who is not in participants.csv.
  const phenotype = (i) => `${i % 1000 === 999 ? key(n + i) : key(Math.floor(i / 3))},2021-0${1 + (i % 9)}-1${i % 10},${(4.5 + (i % 40) / 10).toFixed(1)},HP:000${1000 + (i % 7)}`;
  for (const d of [pkg, alone]) await writeLines(path.join(d, 'phenotypes.csv'), 'participant_id,visit_date,hba1c_percent,hpo_terms', 3 * n, phenotype);
  const fk = { fields: 'participant_id', reference: { resource: 'participants', fields: 'participant_id' } };
  const phenotypes = (foreignKeys) => ({ name: 'phenotypes', path: 'phenotypes.csv', schema: { fields: [{ name: 'participant_id' }, { name: 'visit_date' }, { name: 'hba1c_percent' }, { name: 'hpo_terms' }], foreignKeys } });
  writeFileSync(path.join(pkg, 'datapackage.json'), JSON.stringify({
    profile: 'tabular-data-package',
    resources: [
      { name: 'participants', path: 'participants.csv', schema: { fields: [{ name: 'participant_id' }, { name: 'super_pop' }, { name: 'sex' }], primaryKey: 'participant_id' } },
      { name: 'consent', path: 'consent.csv', schema: { fields: [{ name: 'participant_id' }, { name: 'consent_codes' }, { name: 'consent_status' }], foreignKeys: [fk] } },
      phenotypes([fk]),
    ],
  }, null, 2));
  // The same schema without the foreign key: the difference between the two runs is the join.
  writeFileSync(path.join(alone, 'datapackage.json'), JSON.stringify({ profile: 'tabular-data-package', resources: [phenotypes([])] }, null, 2));
  return { alone, pkg };
}

const fmt = (s) => `${s.toFixed(2)} s`;
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;

console.log(`cohort join: CLI on phenotypes.csv without vs with the foreign keys of a three-table Data Package; median of ${REPS}; peak memory from ${peakSource()}`);
console.log('participants | phenotype rows | alone: wall, peak | in the cohort: wall, peak | join cost | per 100k sibling+own rows');
for (const n of SIZES) {
  const { alone, pkg } = await make(n);
  const args = (dir) => ['--format', 'json', path.join(dir, 'phenotypes.csv')];
  const a = await measure(CLI, args(alone), REPS, { okCodes: [0, 1] });
  const c = await measure(CLI, args(pkg), REPS, { okCodes: [0, 1] });
  const findings = JSON.parse(c.last.stdout);
  const cohort = findings.filter((f) => f.code.startsWith('cohort-') && f.data.kind === 'summary').map((f) => `${f.code}${f.data.reason ? `/${f.data.reason}` : ''} ${f.data.rows}`);
  const extra = c.wallS - a.wallS;
  const rowsRead = 2 * n + 3 * n;
  console.log(`${n.toLocaleString('en')} | ${(3 * n).toLocaleString('en')} | ${fmt(a.wallS)}, ${mib(a.peakKiB)} | ${fmt(c.wallS)}, ${mib(c.peakKiB)} | ${fmt(extra)} | ${(extra / (rowsRead / 100_000) * 1000).toFixed(0)} ms`);
  console.log(`  found: ${cohort.join('; ')}`);
}
