// ancestry-columns-many: more columns read as ancestry than are assessed. Saying so keeps
// the cap from hiding a column silently, and names the way to choose the right ones.
import { detectAncestryColumns, MAX_ASSESSED_ANCESTRY_COLUMNS } from '../ancestry/detectColumns';
import { count } from '../format';
import type { DatasetRule } from './rule';

/** Names shown in the message, at most. */
const SHOWN = 5;

function names(header: readonly string[], indices: number[]): string {
  const shown = indices.slice(0, SHOWN).map((i) => `"${header[i]}"`).join(', ');
  return indices.length > SHOWN ? `${shown} and ${count(indices.length - SHOWN)} more` : shown;
}

export type AncestryColumnsManyMessages = {
  tooMany: { detected: number; assessed: string[]; maxAssessed: number; notAssessed: number };
};

export const ancestryColumnsMany: DatasetRule<AncestryColumnsManyMessages> = {
  id: 'ancestry-columns-many',
  defaultSeverity: 'information',
  description: `More columns read as ancestry, race or ethnicity columns than are assessed (${MAX_ASSESSED_ANCESTRY_COLUMNS}): the first ones are assessed, the others are not.`,
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    tooMany: 'More ancestry columns than are assessed: the rest are not checked.',
  },
  check({ table, policy, headerCell }) {
    if (!table.headerRow) return [];
    const detected = detectAncestryColumns(table.header, policy.ancestry.columns);
    if (detected.length <= MAX_ASSESSED_ANCESTRY_COLUMNS) return [];
    const assessed = detected.slice(0, MAX_ASSESSED_ANCESTRY_COLUMNS);
    const skipped = detected.slice(MAX_ASSESSED_ANCESTRY_COLUMNS);
    const how = policy.ancestry.columns.length > 0 ? 'the policy names' : 'are named like ancestry, race or ethnicity';
    return [{
      messageId: 'tooMany',
      range: headerCell(skipped[0]),
      message:
        `${count(detected.length)} ancestry columns, at most ${MAX_ASSESSED_ANCESTRY_COLUMNS} assessed: "${table.header[skipped[0]]}"` +
        `${skipped.length > 1 ? ` and ${count(skipped.length - 1)} more` : ''} not checked`,
      detail:
        `${count(detected.length)} columns ${how}; at most ${MAX_ASSESSED_ANCESTRY_COLUMNS} are assessed: ${names(table.header, assessed)}. ` +
        `Not assessed: ${names(table.header, skipped)}. Name the columns to assess in the policy file (ancestry.column, one name or a list).`,
      data: { detected: detected.length, assessed: assessed.map((i) => table.header[i]), maxAssessed: MAX_ASSESSED_ANCESTRY_COLUMNS, notAssessed: skipped.length },
    }];
  },
};
