// The `cohortLint` settings as one typed object, pulled through workspace/configuration
// when the client offers it and taken from didChangeConfiguration's payload otherwise.
import type { Connection } from 'vscode-languageserver/node';
import type { SeverityOrOff } from './engine';

export interface Settings {
  enable: boolean;
  /** Per-rule severity overrides; they win over the policy file's `rules`. */
  rules: Record<string, SeverityOrOff>;
  /** Findings per file; 0 means no cap. */
  maxProblems: number;
}

/** maxProblems as documented (README, package.json): a client that sends none, or nonsense, gets this. */
export const DEFAULT_MAX_PROBLEMS = 1000;

export const defaultSettings: Settings = Object.freeze({ enable: true, rules: {}, maxProblems: DEFAULT_MAX_PROBLEMS }) as Settings;

const severities: ReadonlySet<string> = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** Keeps what is well formed and falls back to the default for the rest. */
export function parseSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  const rules: Record<string, SeverityOrOff> = {};
  if (isRecord(value.rules)) {
    for (const [rule, severity] of Object.entries(value.rules)) {
      if (typeof severity === 'string' && severities.has(severity)) rules[rule] = severity as SeverityOrOff;
    }
  }
  const max = value.maxProblems;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : defaultSettings.enable,
    rules,
    maxProblems: typeof max === 'number' && Number.isFinite(max) && max >= 0 ? Math.floor(max) : defaultSettings.maxProblems,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class SettingsStore {
  private value: Settings = defaultSettings;
  private firstLoad: Promise<void> | undefined;

  constructor(private readonly connection: Connection, private readonly canPull: boolean) {}

  get current(): Settings {
    return this.value;
  }

  /** Resolves once the first settings arrived (or could not be had), so the first lint uses them. */
  ready(): Promise<void> {
    this.firstLoad ??= this.refresh().then(() => undefined);
    return this.firstLoad;
  }

  /** Reloads the settings; true when they changed. `pushed` is didChangeConfiguration's payload. */
  async refresh(pushed?: unknown): Promise<boolean> {
    let raw: unknown;
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ section: 'cohortLint' });
      } catch {
        raw = undefined;
      }
    } else if (isRecord(pushed)) {
      raw = pushed.cohortLint;
    } else {
      return false;
    }
    const next = parseSettings(raw);
    const changed = JSON.stringify(next) !== JSON.stringify(this.value);
    this.value = next;
    this.firstLoad ??= Promise.resolve();
    return changed;
  }
}
