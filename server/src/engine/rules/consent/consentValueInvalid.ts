// consent-value-invalid: a consent value that is neither a DUO term (in the documented
// cell format) nor a value the policy allows; near misses carry their correction.
import type { InvalidGroup } from '../../consent/scan';
import { PERMISSION_SHORTHANDS } from '../../consent/duo';
import { count, rows } from '../../format';
import type { DatasetRule, RawFindingOf } from '../rule';
import { firstFitting } from '../verdictFit';
import { consentState, markedCellRange, linesText, quarantineHint } from './common';
import { isSafeToShow, withheldBecause, withheldText } from '../../privacy/shownValue';

const PERMISSIONS = PERMISSION_SHORTHANDS.join(', ');
const FHIR_STATES = 'draft, proposed, active, rejected, inactive, entered-in-error';

/** "." or, for a near miss, what to write instead. */
function ending(g: Pick<InvalidGroup, 'suggestion'>): string {
  return g.suggestion !== undefined ? `. Did you mean "${g.suggestion}"?` : '.';
}

/** Why the value is not valid. */
function reasonText(g: Pick<InvalidGroup, 'value' | 'reason' | 'suggestion' | 'bad'>): string {
  const bad = (g.bad ?? []).map((b) => (isSafeToShow(b) ? `"${b}"` : 'a value not shown')).join(', ');
  switch (g.reason) {
    case 'unknown':
      return `${bad} ${g.bad && g.bad.length > 1 ? 'are' : 'is'} neither a DUO term (a permission ${PERMISSIONS}, modifiers such as NPU, NCU, IRB, by shorthand or DUO id) nor a value the policy allows (consent.allowed)`;
    case 'obsolete':
      return `${bad} ${g.bad && g.bad.length > 1 ? 'are obsolete DUO terms' : 'is an obsolete DUO term'} (GRU-CC became GRU plus the CC modifier; RU has no successor)`;
    case 'class':
      return `${bad} names a DUO class ("data use permission" or "data use modifier"), not a term a participant consents to: use one of ${PERMISSIONS}`;
    case 'status-unknown':
      return `it is not a consent state: use active (FHIR consent-state codes: ${FHIR_STATES}), yes/no, or add it to consent.allowed or consent.withdrawnValues`;
    case 'no-permission':
      return `the row has modifiers (${bad}) but no permission (${PERMISSIONS}), so no use is permitted`;
    case 'several-permissions':
      return `the row has ${g.bad?.length ?? 2} permissions (${bad}); Consent Codes give each participant exactly one`;
    case 'disease-without-ds':
      return `the disease ${bad} is given without DS, the permission it restricts`;
  }
}

/**
 * How a message names the value: in quotes when it may be shown, else by its column alone
 * (a shifted row can put an SSN or an email here); `data` then carries no value either.
 */
function valueText(value: string, column: string): { text: string; brief: string; shownValue?: string } {
  const withheld = withheldBecause(value);
  if (!withheld) return { text: `"${value}" in column "${column}"`, brief: `"${value}" in "${column}"`, shownValue: value };
  return { text: `A value in column "${column}" (not shown: ${withheldText(withheld)})`, brief: `A value not shown in "${column}"` };
}

/** The verdict's reason: `is not a DUO term or an allowed value`. */
function briefReason(g: Pick<InvalidGroup, 'reason' | 'bad'>): string {
  switch (g.reason) {
    case 'unknown': return 'is not a DUO term or an allowed value';
    case 'obsolete': return 'holds an obsolete DUO term';
    case 'class': return 'names a DUO class, not a term';
    case 'status-unknown': return 'is not a consent state';
    case 'no-permission': return 'has modifiers but no permission';
    case 'several-permissions': return `has ${g.bad?.length ?? 2} permissions, not one`;
    case 'disease-without-ds': return 'names a disease without DS';
  }
}

function briefSuggestion(g: Pick<InvalidGroup, 'suggestion'>): string {
  return g.suggestion !== undefined ? `; did you mean "${g.suggestion}"?` : '';
}

export type ConsentValueInvalidMessages = {
  summary: { kind: 'summary'; column: string; columnIndex: number; value: string | undefined; suggestion: string | undefined; [fact: string]: unknown };
  more: { kind: 'more'; rows: number };
  cell: { kind: 'cell'; column: string; columnIndex: number; value: string | undefined; suggestion: string | undefined; [fact: string]: unknown };
};

export const consentValueInvalid: DatasetRule<ConsentValueInvalidMessages> = {
  id: 'consent-value-invalid',
  defaultSeverity: 'error',
  description: 'A consent value that is neither a DUO term (by id or shorthand, in the documented cell format) nor a value the policy allows.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    summary: 'Consent values that are not valid DUO codes or statuses, grouped.',
    more: 'How many more such rows were not grouped.',
    cell: 'One invalid consent cell, with its suggestion when near a valid code.',
  },
  check(context) {
    const state = consentState(context);
    if (!state || state.invalid.groups.size === 0) return [];
    const { table, headerCell } = context;
    const findings: RawFindingOf<ConsentValueInvalidMessages>[] = [];
    for (const [key, g] of state.invalid.groups) {
      const column = table.header[g.columnIndex];
      const named = valueText(g.value, column);
      findings.push({
        messageId: 'summary',
        range: headerCell(g.columnIndex),
        message: firstFitting(
          `${named.brief} ${briefReason(g)} (${rows(g.count)})${briefSuggestion(g)}`,
          `${named.brief} is not valid consent (${rows(g.count)})${briefSuggestion(g)}`,
        ),
        detail: `${named.text} (${rows(g.count)}, first at ${linesText(g.firstLines, g.count)}) is not valid consent: ${reasonText(g)}${ending(g)} ` +
          `These rows are not usable until it is corrected: correct it, or ${quarantineHint(context.path)}.`,
        data: {
          kind: 'summary', group: named.shownValue !== undefined ? key : `${g.columnIndex}\u0000${g.reason}\u0000#${findings.length}`, column, columnIndex: g.columnIndex,
          value: named.shownValue, reason: g.reason, suggestion: g.suggestion, rows: g.count, unusableRows: state.unusableRows,
        },
      });
    }
    if (state.invalid.ungrouped > 0) {
      findings.push({
        messageId: 'more',
        range: headerCell(state.invalid.cells[0]?.columnIndex ?? 0),
        message: `${rows(state.invalid.ungrouped)} more hold other invalid consent values`,
        detail: `${rows(state.invalid.ungrouped)} more hold other invalid consent values (only the first ${count(state.invalid.groups.size)} distinct values are listed).`,
        data: { kind: 'more', rows: state.invalid.ungrouped },
      });
    }
    for (const cell of state.invalid.cells) {
      const g = state.invalid.groups.get(cell.group);
      if (!g) continue;
      const column = table.header[cell.columnIndex];
      const named = valueText(g.value, column);
      findings.push({
        messageId: 'cell',
        range: markedCellRange(context, cell),
        message: firstFitting(
          `${named.brief} ${briefReason(g)}${briefSuggestion(g)}`,
          `${named.brief} is not valid consent${briefSuggestion(g)}`,
        ),
        detail: `${named.text} is not valid consent: ${reasonText(g)}${ending(g)}`,
        data: { kind: 'cell', column, columnIndex: cell.columnIndex, line: cell.line + 1, value: named.shownValue, reason: g.reason, suggestion: g.suggestion },
      });
    }
    return findings;
  },
};
