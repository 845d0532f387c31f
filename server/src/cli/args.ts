// Command-line arguments of `cohort-lint`.
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliArgs {
  format: OutputFormat;
  config?: string;
  paths: string[];
  help: boolean;
}

export const USAGE = 'usage: cohort-lint [--format text|json|sarif] [--config FILE] PATH...';

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { format: 'text', paths: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--format' || flag === '-f') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}" (text, json or sarif)`);
      args.format = format;
    } else if (flag === '--config' || flag === '-c') args.config = value();
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else args.paths.push(arg);
  }
  if (!args.help && args.paths.length === 0) throw new UsageError('no PATH given');
  return args;
}
