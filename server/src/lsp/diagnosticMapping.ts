// Findings to LSP diagnostics. Everything a quick fix needs travels in `data`, so the
// code-action handler never re-parses a message.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Engine, Finding, Severity } from './engine';

export const diagnosticSource = 'cohort-lint';
/** The engine's internal-error rule: the same code whether one part or the whole file failed. */
export const analysisFailedCode = 'internal-error';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The diagnostic of a finding in the document at `uri`: the one-line verdict as its message
 * (what the Problems panel shows in a row) and the arithmetic behind it as related
 * information at the same place, which VS Code lists under the row and in the hover.
 */
export function toDiagnostic(finding: Finding, engine: Engine, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: severities[finding.severity] ?? DiagnosticSeverity.Warning,
    source: diagnosticSource,
    code: finding.code,
    message: finding.message,
    // The message id rides along so a code action finds its finding (and its fixes) again.
    data: { ...finding.data, messageId: finding.messageId },
  };
  if (finding.detail) diagnostic.relatedInformation = [{ location: { uri, range: finding.range }, message: finding.detail }];
  const href = docsUrlOf(finding.code, engine);
  if (href) diagnostic.codeDescription = { href };
  return diagnostic;
}

function docsUrlOf(code: string, engine: Engine): string | undefined {
  try {
    return engine.docsUrl(code) || undefined;
  } catch {
    return undefined;
  }
}

/** The one diagnostic shown when the engine threw on the document at `uri`: it could not be analysed. */
export function analysisFailedDiagnostic(engine: Engine, uri: string, what: 'file' | 'policy file' = 'file'): Diagnostic {
  const href = docsUrlOf(analysisFailedCode, engine);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    ...(href ? { codeDescription: { href } } : {}),
    range,
    severity: DiagnosticSeverity.Error,
    source: diagnosticSource,
    code: analysisFailedCode,
    message: `Cohort Lint could not analyse this ${what}: the linter failed on it`,
    relatedInformation: [{ location: { uri, range }, message: 'The "Cohort Lint" output has the details; please report it.' }],
  };
}
