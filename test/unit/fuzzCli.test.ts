// Fuzz of the CLI: folders of generated files (test/fuzz/inputs.ts, fixed seed) linted by
// the spawned CLI, a batch per folder. Asserted: it exits 0 or 1 (never a crash, never
// the usage/I-O code 2), prints valid JSON, and every finding has a well-formed range.
// Times and peak memory are recorded and printed, never asserted.
// FUZZ_SEED and FUZZ_CLI_FILES (default 1,500) make a longer run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { folder, Gen, random, type FuzzFile } from '../fuzz/inputs';
import { cliPath, tempDir } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const FILES = Number(process.env.FUZZ_CLI_FILES ?? 1500);
const PER_FOLDER = 200;
const GNU_TIME = '/usr/bin/time';

interface Run { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; seconds: number; peakMiB?: number }

function runCli(target: string, dir: string): Run {
  const rss = path.join(dir, '.rss');
  const useTime = existsSync(GNU_TIME);
  const [cmd, args] = useTime ? [GNU_TIME, ['-f', '%M', '-o', rss, process.execPath, cliPath, '--format', 'json', target]] : [process.execPath, [cliPath, '--format', 'json', target]];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = useTime && existsSync(rss) ? Number(readFileSync(rss, 'utf8').trim().split('\n').at(-1)) / 1024 : undefined;
  // GNU time reports a child's non-zero status itself and exits with it.
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, seconds, peakMiB: peak };
}

function wellFormed(findings: unknown): string | undefined {
  if (!Array.isArray(findings)) return 'output is not an array';
  for (const f of findings as { range?: { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } }; code?: unknown; message?: unknown }[]) {
    const r = f.range;
    const ok = (p?: { line?: unknown; character?: unknown }) => p && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
    if (!ok(r?.start) || !ok(r?.end)) return `finding ${String(f.code)} has a malformed range ${JSON.stringify(r)}`;
    if (typeof f.message !== 'string' || f.message === '') return `finding ${String(f.code)} has no message`;
  }
  return undefined;
}

describe('CLI fuzz', () => {
  test(`${FILES} generated files (seed ${SEED}) in folders of ${PER_FOLDER}: exit 0 or 1, valid output`, (t) => {
    const root = tempDir(t, 'cohortlint-fuzz-');
    const g = new Gen(random(SEED));
    const folders = Math.ceil(FILES / PER_FOLDER);
    const kinds = new Map<string, number>();
    let worst = { seconds: 0, peakMiB: 0, folder: '' };
    let findings = 0;
    const failures: string[] = [];
    for (let f = 0; f < folders; f++) {
      const dir = path.join(root, `f${f}`);
      mkdirSync(dir);
      const files: FuzzFile[] = folder(g, Math.min(PER_FOLDER, FILES - f * PER_FOLDER));
      for (const file of files) {
        writeFileSync(path.join(dir, file.name), file.content);
        kinds.set(file.kind, (kinds.get(file.kind) ?? 0) + 1);
      }
      const run = runCli(dir, dir);
      if (run.seconds > worst.seconds) worst = { ...worst, seconds: run.seconds, folder: `f${f}` };
      worst.peakMiB = Math.max(worst.peakMiB, run.peakMiB ?? 0);
      if (run.status !== 0 && run.status !== 1) {
        // Name the files that fail on their own, so the report points at the input.
        const culprits = files.filter((file) => file.kind !== 'policy').map((file) => ({ file, r: runCli(path.join(dir, file.name), dir) }))
          .filter(({ r }) => r.status !== 0 && r.status !== 1).slice(0, 3)
          .map(({ file, r }) => `${file.name} (${file.kind}): exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
        failures.push(`folder f${f}: exit ${run.status ?? run.signal}: ${run.stderr.trim().split('\n').slice(0, 3).join(' | ')}${culprits.length ? `; alone: ${culprits.join('; ')}` : ''}`);
        continue;
      }
      let parsed: unknown;
      try { parsed = JSON.parse(run.stdout); } catch (e) { failures.push(`folder f${f}: output is not JSON (${(e as Error).message})`); continue; }
      const problem = wellFormed(parsed);
      if (problem) failures.push(`folder f${f}: ${problem}`);
      findings += (parsed as unknown[]).length;
    }
    t.diagnostic(`CLI fuzz: ${FILES} files in ${folders} runs (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); ${findings} findings; worst run ${worst.seconds.toFixed(2)} s (${worst.folder}), peak ${worst.peakMiB.toFixed(0)} MiB`);
    assert.deepEqual(failures, []);
  });
});
