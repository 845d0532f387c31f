// cohort-consent-unusable: rows of any cohort table that belong to a participant whose
// consent, recorded in another table of the cohort, is withdrawn, out of scope for the
// declared intendedUse, or invalid. The consent table's own rules (consent-withdrawn,
// consent-scope-mismatch, consent-value-invalid) report the consent cells; this rule
// follows the participant into every other table, where their data also must not be used.
import type { UnusableConsent } from '../../cohort/facts';
import { keyName, type CohortRule } from '../../cohort/context';
import { count } from '../../format';
import type { RawFinding } from '../rule';
import { linesText, share } from '../consent/common';

function what(reason: UnusableConsent): string {
  switch (reason) {
    case 'withdrawn': return 'is withdrawn or not in force';
    case 'scope': return 'does not cover the declared intendedUse';
    case 'invalid': return 'is not valid, so it cannot be read as permission';
  }
}

/** The reason in a few words, for the verdict. */
function whatShort(reason: UnusableConsent): string {
  switch (reason) {
    case 'withdrawn': return 'is withdrawn';
    case 'scope': return 'does not cover the intendedUse';
    case 'invalid': return 'is not valid';
  }
}

function sourcesText(sources: string[]): string {
  return sources.length === 1 ? sources[0] : `${sources.slice(0, -1).join(', ')} and ${sources[sources.length - 1]}`;
}

export const cohortConsentUnusable: CohortRule = {
  id: 'cohort-consent-unusable',
  defaultSeverity: 'error',
  description: 'Rows of a cohort table whose participant\'s consent, recorded in another table of the cohort, is withdrawn, out of scope for intendedUse, or invalid.',
  fixable: false,
  appliesTo: ['cohort'],
  messages: {
    summary: "Rows whose participant's consent, recorded in another table, is unusable.",
    row: 'One such row.',
  },
  check(context) {
    const { scan, targetFacts } = context;
    const findings: RawFinding[] = [];
    const column = context.header[scan.keyAt[0]];
    for (const t of scan.consent) {
      // Invalid consent may be a spelling to correct: a warning unless the policy says otherwise.
      const defaultSeverity = t.reason === 'invalid' ? 'warning' as const : undefined;
      const where = sourcesText(t.sources);
      findings.push({
        messageId: 'summary',
    range: context.headerCell(scan.keyAt[0]),
        message: `${share(t.rows, targetFacts.rows)} belong to ${count(t.keys.size)} ${t.keys.size === 1 ? 'participant' : 'participants'} whose consent in ` +
          `${t.sources[0]}${t.sources.length > 1 ? ` and ${t.sources.length - 1} more` : ''} ${whatShort(t.reason)}`,
        detail: `Their consent in ${where} ${what(t.reason)}; these rows are first at ${linesText(t.firstLines, t.rows)}. ` +
          `Their data in this table must not be used either; ${where} has the consent findings that say why.`,
        data: { kind: 'summary', reason: t.reason, column, columnIndex: scan.keyAt[0], rows: t.rows, totalRows: targetFacts.rows, participants: t.keys.size, sources: t.sources },
        defaultSeverity,
      });
      for (const cell of t.cells) {
        findings.push({
          messageId: 'row',
    range: context.cellRange(cell),
          message: `Line ${cell.line + 1}: this participant's consent ${whatShort(t.reason)}, so this row must not be used`,
          detail: `The participant's consent in ${where} ${what(t.reason)} (joined on ${keyName(context)}).`,
          data: { kind: 'row', reason: t.reason, column, columnIndex: cell.columnIndex, line: cell.line + 1, sources: t.sources },
          defaultSeverity,
        });
      }
    }
    return findings;
  },
};
