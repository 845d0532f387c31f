// `cohort-lint report [--format html|md] [-o FILE] [--config FILE] PATH`: the reviewer's
// report of one dataset, as a self-contained HTML page (opens offline: no script, styles
// under a nonce, charts as inline SVG) or Markdown. Counts of 1 to 10 are written "<11"
// because a report file may leave the team.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../engine/report/model';
import { renderHtml } from '../engine/report/renderHtml';
import { renderMarkdown } from '../engine/report/renderMarkdown';
import { UsageError } from './args';
import { analyseFile, policyLoader } from './lintFiles';

export const REPORT_USAGE = 'usage: cohort-lint report [--format html|md] [-o FILE] [--config FILE] PATH';

export interface ReportArgs {
  format: 'html' | 'md';
  output?: string;
  config?: string;
  path?: string;
  help: boolean;
}

export function parseReportArgs(argv: string[]): ReportArgs {
  const args: ReportArgs = { format: 'html', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'html' && v !== 'md' && v !== 'markdown') throw new UsageError(`unknown report format "${v}" (html or md)`);
      args.format = v === 'html' ? 'html' : 'md';
    } else if (flag === '-o' || flag === '--output') args.output = value();
    else if (flag === '--config' || flag === '-c') args.config = value();
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown report option ${flag}`);
    else if (args.path !== undefined) throw new UsageError('report takes one PATH');
    else args.path = arg;
  }
  if (!args.help && args.path === undefined) throw new UsageError('no PATH given');
  return args;
}

/** Link from the written file to the dataset's line: a relative path with a GitHub-style #L anchor. */
function lineLink(datasetPath: string, outputDir: string): (line: number) => string {
  const relative = path.relative(outputDir, datasetPath).split(path.sep).map(encodeURIComponent).join('/');
  return (line) => `${relative}#L${line + 1}`;
}

/** Writes the report; returns the exit code (0, or 2 for a path that is not a dataset). */
export async function runReport(args: ReportArgs, cwd: string, io: { stdout: { write(t: string): unknown }; stderr: { write(t: string): unknown } }): Promise<number> {
  const file = path.resolve(cwd, args.path!);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${args.path}`);
  if (args.config && !existsSync(args.config)) throw new UsageError(`no such config file: ${args.config}`);
  // The nearest policy file, as for linting (or --config).
  const analysis = await analyseFile({ path: file, root: path.dirname(file), given: true }, args.config, cwd, policyLoader(cwd));
  if (!analysis || analysis.kind !== 'dataset') {
    io.stderr.write(`cohort-lint: ${args.path} is not a dataset (CSV/TSV): the report covers datasets\n`);
    return 2;
  }
  const model = buildReport(analysis);
  const outputDir = args.output ? path.dirname(path.resolve(cwd, args.output)) : cwd;
  const options = { suppressSmallCells: true, link: lineLink(file, outputDir) };
  const text = args.format === 'html' ? renderHtml(model, { ...options, nonce: randomBytes(16).toString('base64') }) : renderMarkdown(model, options);
  if (args.output) writeFileSync(path.resolve(cwd, args.output), text);
  else io.stdout.write(text);
  return 0;
}
