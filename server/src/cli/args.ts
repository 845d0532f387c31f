// Command-line arguments of `cohort-lint`. Every option is listed once, in OPTIONS, which
// both the parser and `--help` read, so the help cannot fall behind the parser.
export type OutputFormat = 'text' | 'json' | 'sarif';
export type EngineName = 'js' | 'duckdb';
export type SqlDialectName = 'duckdb' | 'spark' | 'bigquery';

export interface CliArgs {
  format: OutputFormat;
  config?: string;
  paths: string[];
  help: boolean;
  version: boolean;
  /** Errors only: warnings, information and hints are neither printed nor written. */
  quiet: boolean;
  /** Text output: each finding's arithmetic (its detail) on the lines under its verdict. */
  verbose: boolean;
  /** More warnings than this makes the exit code 1 (as ESLint's --max-warnings). */
  maxWarnings?: number;
  /** undefined: colour when stdout is a terminal and NO_COLOR is unset. */
  color?: boolean;
  /** Base URL of the rule docs for SARIF's helpUri (else COHORT_LINT_DOCS_BASE). */
  docsUrl?: string;
  /** How datasets are profiled (default js: every rule). */
  engine: EngineName;
  /** Lint from the results of the profile query (cohort-lint sql) instead of files. */
  profile?: string;
  /** `cohort-lint sql`: the dialect and the table's columns. */
  dialect: SqlDialectName;
  columns?: string[];
  columnsFile?: string;
}

interface OptionSpec {
  flags: string[];
  value?: string;
  help: string;
  apply: (args: CliArgs, value: string) => void;
}

const FORMATS: OutputFormat[] = ['text', 'json', 'sarif'];

export const OPTIONS: OptionSpec[] = [
  {
    flags: ['--format', '-f'], value: 'text|json|sarif', help: 'output format (default text; sarif is SARIF 2.1.0)',
    apply: (args, v) => {
      if (!FORMATS.includes(v as OutputFormat)) throw new UsageError(`unknown format "${v}" (text, json or sarif)`);
      args.format = v as OutputFormat;
    },
  },
  { flags: ['--config', '-c'], value: 'FILE', help: 'use this policy file for every path instead of the nearest cohortlint.yaml', apply: (args, v) => { args.config = v; } },
  { flags: ['--verbose'], help: 'text output: print the arithmetic behind each finding (counts, intervals, reference, test) under it', apply: (args) => { args.verbose = true; } },
  { flags: ['--quiet', '-q'], help: 'report errors only (warnings still count for --max-warnings)', apply: (args) => { args.quiet = true; } },
  {
    flags: ['--max-warnings'], value: 'N', help: 'exit 1 when there are more than N warnings',
    apply: (args, v) => {
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, not "${v}"`);
      args.maxWarnings = Number(v);
    },
  },
  { flags: ['--color'], help: 'colour the text output even when stdout is not a terminal', apply: (args) => { args.color = true; } },
  { flags: ['--no-color'], help: 'never colour the text output (as does the NO_COLOR variable)', apply: (args) => { args.color = false; } },
  {
    flags: ['--docs-url'], value: 'URL', help: 'base URL of the rule docs pages for SARIF helpUri (default: COHORT_LINT_DOCS_BASE)',
    apply: (args, v) => {
      if (!/^https?:\/\//i.test(v)) throw new UsageError(`--docs-url needs an http(s) URL, not "${v}"`);
      args.docsUrl = v;
    },
  },
  {
    flags: ['--engine'], value: 'js|duckdb', help: 'profile datasets in JavaScript (default: every rule) or in DuckDB (installed separately; rules reading rows are listed as not checked)',
    apply: (args, v) => {
      if (v !== 'js' && v !== 'duckdb') throw new UsageError(`unknown engine "${v}" (js or duckdb)`);
      args.engine = v;
    },
  },
  { flags: ['--profile'], value: 'FILE', help: 'lint a warehouse table from the results of its profile query (JSON or JSON lines; see cohort-lint sql)', apply: (args, v) => { args.profile = v; } },
  {
    flags: ['--dialect'], value: 'duckdb|spark|bigquery', help: 'cohort-lint sql: the SQL dialect of the profile query (default duckdb)',
    apply: (args, v) => {
      if (v !== 'duckdb' && v !== 'spark' && v !== 'bigquery') throw new UsageError(`unknown dialect "${v}" (duckdb, spark or bigquery)`);
      args.dialect = v;
    },
  },
  { flags: ['--columns'], value: 'A,B,...', help: 'cohort-lint sql: the table\'s columns, in order', apply: (args, v) => { args.columns = v.split(',').map((c) => c.trim()).filter(Boolean); } },
  { flags: ['--header-file'], value: 'FILE', help: 'cohort-lint sql: a file naming the table\'s columns (one a line, or a CSV header)', apply: (args, v) => { args.columnsFile = v; } },
  { flags: ['--version', '-v'], help: 'print the version and exit', apply: (args) => { args.version = true; } },
  { flags: ['--help', '-h'], help: 'print this help and exit', apply: (args) => { args.help = true; } },
];

export const USAGE = 'usage: cohort-lint [options] PATH... | cohort-lint sql [--dialect D] [--columns A,B,...] TABLE | cohort-lint --profile RESULTS.json';

/** `--help`: the usage line, what PATH is, one line per option, the exit codes. */
export function helpText(): string {
  const left = OPTIONS.map((o) => `${o.flags.join(', ')}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return [
    USAGE,
    '',
    'Lints datasets (CSV, TSV), Table Schemas, Data Packages, Phenopackets and policy files.',
    'PATH is a file (read as a table whatever its extension; .parquet as Parquet) or a folder (searched recursively).',
    'cohort-lint sql prints the profile query for a warehouse table (or a local CSV/Parquet file with duckdb);',
    'run it where the data is, save the result as JSON, and lint it with --profile.',
    '',
    'Options:',
    ...OPTIONS.map((o, i) => `  ${left[i].padEnd(width)}${o.help}`),
    '',
    'Exit codes: 0 no errors, 1 an error or more than --max-warnings warnings, 2 usage or I/O error.',
    '',
  ].join('\n');
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { format: 'text', paths: [], help: false, version: false, quiet: false, verbose: false, engine: 'js', dialect: 'duckdb' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const option = OPTIONS.find((o) => o.flags.includes(flag));
    if (option) {
      let value = '';
      if (option.value) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${flag} needs a value`);
        value = v;
      } else if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      option.apply(args, value);
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else args.paths.push(arg);
  }
  if (!args.help && !args.version && !args.profile && args.paths.length === 0) throw new UsageError('no PATH given');
  if (args.paths[0] === 'sql' && args.paths.length !== 2 && !args.help) throw new UsageError('cohort-lint sql needs one TABLE');
  return args;
}
