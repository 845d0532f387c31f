import type { DatasetRule } from './rule';

export type AncestryColumnMissingMessages = {
  noColumn: { columns: number; policyColumns: string[] };
};

export const ancestryColumnMissing: DatasetRule<AncestryColumnMissingMessages> = {
  id: 'ancestry-column-missing',
  defaultSeverity: 'warning',
  description: 'The dataset has no ancestry, race or ethnicity column, so representation cannot be checked.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    noColumn: 'No column is recognised as ancestry, race or ethnicity, so representation cannot be checked.',
  },
  check({ table, ancestry, policy }) {
    if (ancestry.length > 0 || !table.headerRow || table.header.length === 0) return [];
    const named = policy.ancestry.columns;
    const why = named.length > 0
      ? `the policy names ${named.map((c) => `"${c}"`).join(', ')} as the ancestry column, and the header has no such column`
      : `none of its ${table.header.length} columns is named like ancestry, race, ethnicity, population or super_pop`;
    const verdict = named.length === 1
      ? `No column "${named[0]}", which the policy names as the ancestry column: representation not checked`
      : named.length > 1
        ? `None of the ${named.length} ancestry columns the policy names is in the header: representation not checked`
        : `No ancestry, race or ethnicity column among the ${table.header.length} ${table.header.length === 1 ? 'column' : 'columns'}: representation not checked`;
    return [{
      messageId: 'noColumn',
      range: table.lines.range(table.headerRow.start, table.headerRow.end),
      message: verdict,
      detail: `No ancestry column: ${why}. Representation cannot be checked; add one, or name it in the policy file (ancestry.column).`,
      data: { columns: table.header.length, policyColumns: named },
    }];
  },
};
