// `cohort-lint [options] PATH...` (`--help` lists the options, cli/args.ts).
// Exit 0: no error-severity finding; 1: at least one, or more warnings than
// --max-warnings; 2: usage or I/O error (a file that cannot be read; the others are
// still linted). A file the linter fails on gets an internal-error finding instead.
import { existsSync } from 'node:fs';
import { helpText, parseArgs, USAGE, UsageError } from './cli/args';
import { collectFiles } from './cli/collectFiles';
import { duckdb } from './cli/duckdb';
import { lintFiles, type FileFinding, type IoProblem } from './cli/lintFiles';
import { lintResults, sqlCommand } from './cli/sqlCommand';
import { report } from './cli/report';
import { parseReportArgs, REPORT_USAGE, runReport } from './cli/reportCommand';

/** Kept equal to package.json's version (test/unit/cliManners.test.ts checks). */
const VERSION = '0.1.0';

/** `cohort-lint report ...`: the reviewer's report of one dataset. */
async function reportMain(argv: string[], cwd: string): Promise<number> {
  try {
    const args = parseReportArgs(argv);
    if (args.help) {
      process.stdout.write(`${REPORT_USAGE}\n\nWrites the reviewer's report of one dataset: self-contained HTML (default) or Markdown, to FILE or stdout.\n`);
      return 0;
    }
    return await runReport(args, cwd, { stdout: process.stdout, stderr: process.stderr });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cohort-lint: ${e.message} (${REPORT_USAGE})\n`);
      return 2;
    }
    throw e;
  }
}

async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  // A first argument "report" that is not a file: the report subcommand.
  if (argv[0] === 'report' && !existsSync('report')) return reportMain(argv.slice(1), cwd);
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cohort-lint: ${e.message} (${USAGE})\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(helpText());
    return 0;
  }
  if (args.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  let findings: FileFinding[];
  const ioProblems: IoProblem[] = [];
  const notes: string[] = [];
  try {
    if (args.config && !existsSync(args.config)) throw new Error(`no such config file: ${args.config}`);
    if (args.paths[0] === 'sql') {
      process.stdout.write(await sqlCommand(args, cwd));
      return 0;
    }
    if (args.profile) {
      const { findings: found, notChecked } = lintResults(args.profile, args.config, cwd);
      findings = found.map((f) => ({ file: args.profile!, ...f }));
      notes.push(`${args.profile}: engine sql (profile results); not checked, they read rows: ${notChecked.join(', ')}`);
    } else {
      let engine = args.engine;
      if (engine === 'duckdb' && !(await duckdb())) {
        notes.push('engine js: DuckDB (@duckdb/node-api) is not installed, so the JavaScript engine ran every rule');
        engine = 'js';
      }
      findings = await lintFiles(collectFiles(args.paths), args.config, cwd, ioProblems, { engine, notes, verbose: args.verbose });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cohort-lint: ${e.message} (${USAGE})\n`);
      return 2;
    }
    process.stderr.write(`cohort-lint: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  for (const note of notes) process.stderr.write(`cohort-lint: ${note}\n`);
  const code = report(findings, args, VERSION, cwd, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  for (const problem of ioProblems) process.stderr.write(`cohort-lint: ${problem.message}\n`);
  return ioProblems.length > 0 ? 2 : code;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: Error) => {
    process.stderr.write(`cohort-lint: internal error: ${e.message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
