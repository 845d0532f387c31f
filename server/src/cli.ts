// `cohort-lint [--format text|json|sarif] [--config FILE] PATH...`
// Exit 0: no error-severity finding; 1: at least one; 2: usage or I/O error (a file that
// cannot be read; the others are still linted). A file the linter fails on gets an
// internal-error finding instead.
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs, USAGE, UsageError } from './cli/args';
import { collectFiles } from './cli/collectFiles';
import { lintFiles, type FileFinding, type IoProblem } from './cli/lintFiles';
import { toSarif } from './cli/sarif';

const VERSION = '0.1.0';

function text(findings: FileFinding[], cwd: string): string {
  const lines = findings.map((f) => `${path.relative(cwd, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${f.message}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  lines.push(`${findings.length} findings (${errors} errors, ${warnings} warnings)`);
  return lines.join('\n') + '\n';
}

async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd();
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
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let findings: FileFinding[];
  const ioProblems: IoProblem[] = [];
  try {
    if (args.config && !existsSync(args.config)) throw new Error(`no such config file: ${args.config}`);
    findings = await lintFiles(collectFiles(args.paths), args.config, cwd, ioProblems);
  } catch (e) {
    process.stderr.write(`cohort-lint: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify(findings.map(({ file, range, severity, code, message, data }) => ({ file, range, severity, code, message, data })), null, 2) + '\n');
  } else if (args.format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(findings, VERSION, cwd), null, 2) + '\n');
  } else {
    process.stdout.write(text(findings, cwd));
  }
  for (const problem of ioProblems) process.stderr.write(`cohort-lint: ${problem.message}\n`);
  if (ioProblems.length > 0) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: Error) => {
    process.stderr.write(`cohort-lint: internal error: ${e.message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
