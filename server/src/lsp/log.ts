// Logging to the client's output channel. Row values can be personal data, so nothing
// logged here may carry them: callers pass counts and column names, and errors are
// reduced to their type and stack frames (an exception's message may quote a cell).
import type { Connection } from 'vscode-languageserver/node';

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.log(message),
    error: (message) => connection.console.error(message),
  };
}

/** An error's type and code locations, without its message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8);
  return [error.name, ...frames].join('\n');
}
