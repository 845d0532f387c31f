// Plain data types shared by the engine, the LSP wiring and the CLI. No editor or
// protocol imports: positions are LSP-shaped (0-based line and UTF-16 character) so the
// wiring can pass them through unchanged.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

/** A finding produced by a rule: one future diagnostic, CLI row or SARIF result. */
export interface Finding {
  code: string;
  /** Which of its rule's declared messages this is (rules/rule.ts RuleMeta.messages). */
  messageId: string;
  severity: Severity;
  range: Range;
  /** The verdict, in one line (at most ~120 characters): what is wrong, with its key figure. */
  message: string;
  /**
   * The arithmetic behind the verdict, complete: counts and denominators, intervals,
   * thresholds, the reference and its source, the test. Shown in the hover, as the
   * diagnostic's related information, in JSON and SARIF, and by the CLI's --verbose.
   */
  detail?: string;
  /** Everything a quick fix or hover needs; never row values of identifier columns. */
  data: Record<string, unknown>;
}

/** A quick fix as plain text edits, keyed by file path (the document itself or another file). */
export interface Fix {
  title: string;
  /** Edits per absolute file path. A path that does not exist yet is created. */
  changes: { path: string; create?: boolean; edits: TextEdit[] }[];
  isPreferred?: boolean;
  /**
   * Safe to apply unattended (Fix All, fix on save): it only rewrites values to an
   * equivalent spelling and never moves, adds or removes data. Set by the registering
   * provider (fixes/fixAll.ts markSafeForFixAll), never by the LSP layer.
   */
  safeForFixAll?: boolean;
}
