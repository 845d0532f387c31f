// What the CLI prints and the exit code it returns, from the findings: text (optionally
// coloured), JSON or SARIF; --quiet keeps errors only; --max-warnings turns too many
// warnings into a failure, as ESLint does.
import * as path from 'node:path';
import type { Severity } from '../engine';
import type { CliArgs } from './args';
import { sarifDocsBase } from './docsLinks';
import type { FileFinding } from './lintFiles';
import { toSarif } from './sarif';

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];

/** ANSI SGR codes per severity: red, yellow, cyan, dim. */
const COLOUR: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '2' };

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: FileFinding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "7 findings: 1 error, 3 warnings, 2 information, 1 hint": every severity, zeros included. */
export function summaryLine(counts: SeverityCounts): string {
  const total = SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
  return `${plural(total, 'finding', 'findings')}: ${plural(counts.error, 'error', 'errors')}, ${plural(counts.warning, 'warning', 'warnings')}, `
    + `${counts.information} information, ${plural(counts.hint, 'hint', 'hints')}`;
}

/**
 * Colour when asked (--color / --no-color), else only on a terminal and never with
 * NO_COLOR set to anything non-empty (https://no-color.org).
 */
export function useColour(option: boolean | undefined, isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (option !== undefined) return option;
  if (env.NO_COLOR) return false;
  return isTTY === true;
}

function paint(on: boolean, code: string, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** One line per finding (its verdict); with `verbose`, its arithmetic indented on the line under it. */
export function textReport(findings: FileFinding[], counts: SeverityCounts, cwd: string, colour: boolean, verbose = false): string {
  const lines = findings.map((f) => `${path.relative(cwd, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: `
    + `${paint(colour, COLOUR[f.severity], f.severity)} ${paint(colour, '1', f.code)}: ${f.message}`
    + (verbose && f.detail ? `\n    ${paint(colour, '2', f.detail)}` : ''));
  lines.push(paint(colour, counts.error > 0 ? COLOUR.error : '1', summaryLine(counts)));
  return lines.join('\n') + '\n';
}

export interface ReportStreams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** Writes the report for `findings` and returns the exit code (0 or 1). */
export function report(findings: FileFinding[], args: CliArgs, version: string, cwd: string, io: ReportStreams): number {
  const all = countSeverities(findings);
  const shown = args.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  if (args.format === 'json') {
    io.stdout.write(JSON.stringify(shown.map(({ file, range, severity, code, messageId, message, detail, data }) => ({ file, range, severity, code, messageId, message, detail, data })), null, 2) + '\n');
  } else if (args.format === 'sarif') {
    io.stdout.write(JSON.stringify(toSarif(shown, version, cwd, {}, sarifDocsBase(args.docsUrl, io.env)), null, 2) + '\n');
  } else {
    io.stdout.write(textReport(shown, countSeverities(shown), cwd, useColour(args.color, io.stdout.isTTY, io.env), args.verbose));
  }
  const tooManyWarnings = args.maxWarnings !== undefined && all.warning > args.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`cohort-lint: ${all.warning} warnings, more than --max-warnings ${args.maxWarnings}\n`);
  return all.error > 0 || tooManyWarnings ? 1 : 0;
}
