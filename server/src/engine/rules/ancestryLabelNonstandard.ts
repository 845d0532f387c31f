import { labelKey } from '../ancestry/labelKey';
import { pairedWith } from '../ancestry/pairedColumns';
import { rows } from '../format';
import type { DatasetRule, RawFindingOf } from './rule';

export type AncestryLabelNonstandardMessages = {
  synonym: { column: string; columnIndex: number; value: string; canonical: string; [fact: string]: unknown };
};

export const ancestryLabelNonstandard: DatasetRule<AncestryLabelNonstandardMessages> = {
  id: 'ancestry-label-nonstandard',
  defaultSeverity: 'information',
  description: 'A value that is a synonym of a canonical label of the detected vocabulary.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    synonym: 'A label that is a synonym of the vocabulary\'s canonical label.',
  },
  check({ ancestry, headerCell }) {
    const findings: RawFindingOf<AncestryLabelNonstandardMessages>[] = [];
    // Of one variable in two columns only the one carrying the findings is checked, and an
    // OMOP *_source_value keeps the source's own coding by design: it is never relabelled.
    const paired = pairedWith(ancestry);
    const inPair = new Set([...paired.keys(), ...[...paired.values()].map((k) => k.columnIndex)]);
    for (const a of ancestry) {
      if (paired.has(a.columnIndex) || (inPair.has(a.columnIndex) && labelKey(a.column).endsWith('sourcevalue'))) continue;
      for (const label of a.nonstandard) {
        findings.push({
          messageId: 'synonym',
          range: headerCell(a.columnIndex),
          message: `"${label.value}" in "${a.column}" (${rows(label.count)}): nonstandard label for "${label.canonical}"`,
          detail:
            `"${label.value}" in column "${a.column}" (${rows(label.count)}) is a nonstandard label; ` +
            `the ${a.vocabulary?.name ?? 'vocabulary'} label is "${label.canonical}".`,
          data: { column: a.column, columnIndex: a.columnIndex, value: label.value, canonical: label.canonical, count: label.count, vocabulary: a.vocabulary?.id },
        });
      }
    }
    return findings;
  },
};
