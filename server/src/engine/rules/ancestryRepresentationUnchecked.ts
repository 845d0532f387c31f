// ancestry-representation-unchecked: an ancestry column no reference applies to, so no
// group was compared with anything. Without this finding the column would be silently
// skipped (numeric survey codes, region names), while other rules still group by its raw
// labels; the finding says why nothing was checked and what would make it checkable.
import type { AncestryAssessment } from '../ancestry/assess';
import { MIN_VOCABULARY_SHARE } from '../ancestry/assess';
import { canonicalLabelsFor, vocabularyForField } from '../ancestry/canonicalLabels';
import { countryName, countryText } from '../ancestry/nationalReference';
import { representedBy } from '../ancestry/sameGroups';
import { VOCABULARIES } from '../ancestry/vocabularies';
import { count, percent } from '../format';
import { isShownLabel, labelText } from '../privacy/shownLabel';
import type { DatasetRule, RawFindingOf } from './rule';

export const UNCHECKED_RULE_ID = 'ancestry-representation-unchecked';

const TOP_LABELS = 5;

export type UncheckedKind = 'no-vocabulary' | 'minority-vocabulary' | 'other-country' | 'no-reference';

/**
 * Why no reference applies to a column with values; undefined when one does, or when fewer
 * rows than ancestry.minCount have a value (ancestry-values-missing reports that column:
 * no reference would make so few values checkable).
 */
export function uncheckedKind(a: AncestryAssessment): UncheckedKind | undefined {
  if (a.reference || a.total === 0 || a.total < a.minCount) return undefined;
  if (a.withheldBecause === 'other-country') return 'other-country';
  if (a.referenceWithheld) return 'minority-vocabulary';
  return a.vocabulary ? 'no-reference' : 'no-vocabulary';
}

function why(a: AncestryAssessment, kind: UncheckedKind): string {
  if (kind === 'minority-vocabulary') {
    return `only ${percent(a.vocabularyShare)} of the ${count(a.total)} with a value carry labels of ${a.vocabulary!.name}, ` +
      `and a reference is chosen only when at least ${percent(MIN_VOCABULARY_SHARE)} do, so ${a.referenceWithheld!.label} was not applied`;
  }
  if (kind === 'other-country') {
    return `its labels are ${a.vocabulary!.name}, whose reference ${a.referenceWithheld!.label} counts another country than the data's, ` +
      `${countryText(a.referenceCountry!)}, and no built-in census of that country has groups these labels fall in`;
  }
  if (kind === 'no-reference') return `no built-in reference fits ${a.vocabulary!.name} and the policy names none (ancestry.reference)`;
  return `its labels match no known vocabulary (${VOCABULARIES.map((v) => v.name).join('; ')}) and the policy maps none of them (ancestry.labels)`;
}

/** The reason in a few words, for the verdict. */
function whyShort(a: AncestryAssessment, kind: UncheckedKind): string {
  if (kind === 'minority-vocabulary') return `only ${percent(a.vocabularyShare)} of its values carry a known vocabulary's labels`;
  if (kind === 'other-country') return `its reference counts another country (data from ${countryName(a.referenceCountry!)})`;
  if (kind === 'no-reference') return 'no reference fits its vocabulary';
  return 'its labels match no known vocabulary';
}

/** What would make the column checkable. */
function advice(kind: UncheckedKind, example: string): string {
  if (kind === 'other-country') {
    return 'Give the shares of the population these people are drawn from (ancestry.reference: {"<group>": <share>, ...}), ' +
      'or name a built-in reference (ancestry.reference: us-census-2020) if it fits after all.';
  }
  return `Map each label to a group (ancestry.labels: {"${example}": "<group>"}), recode the column with a codebook's labels, ` +
    `or give a reference for these labels (ancestry.reference: {"<label>": <share>, ...}).`;
}

/** Groups a label could be mapped to: the withheld reference's, the vocabulary's, or those the column's name suggests. */
function candidateGroups(a: AncestryAssessment): string[] {
  if (a.referenceWithheld && a.withheldBecause !== 'other-country') return Object.keys(a.referenceWithheld.shares);
  if (a.vocabulary) return [...a.vocabulary.canonical];
  return canonicalLabelsFor(a.column, vocabularyForField(a.column, undefined));
}

export type AncestryRepresentationUncheckedMessages = {
  unchecked: {
    kind: UncheckedKind; column: string; columnIndex: number; total: number; vocabulary: string | null; vocabularyShare: number | undefined;
    minVocabularyShare: number; withheldReference: string | null; labels: Record<string, number>; groups: string[];
  };
};

export const ancestryRepresentationUnchecked: DatasetRule<AncestryRepresentationUncheckedMessages> = {
  id: UNCHECKED_RULE_ID,
  defaultSeverity: 'warning',
  description: 'An ancestry column no reference applies to (labels in no known vocabulary, or too few in one): representation was not checked.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    unchecked: 'An ancestry column whose labels no reference applies to, so representation was not checked.',
  },
  check({ ancestry, headerCell }) {
    const findings: RawFindingOf<AncestryRepresentationUncheckedMessages>[] = [];
    const elsewhere = representedBy(ancestry);
    for (const a of ancestry) {
      const kind = uncheckedKind(a);
      if (kind === undefined || elsewhere.has(a.columnIndex)) continue;
      // Labels nobody vetted are quoted only when safe to show (a shifted row may hold a name).
      const top = a.readings.slice(0, TOP_LABELS);
      const shown = top.map((r) => `${isShownLabel(r.value) ? JSON.stringify(r.value) : labelText(r.value)} (${count(r.rows)})`).join(', ');
      const more = a.readings.length > TOP_LABELS ? ` and ${count(a.readings.length - TOP_LABELS)} more` : '';
      const unmapped = a.readings.filter((r) => r.group === undefined);
      const example = unmapped.find((r) => isShownLabel(r.value))?.value ?? '<label>';
      findings.push({
        messageId: 'unchecked',
        range: headerCell(a.columnIndex),
        message: `Representation not checked for "${a.column}": ${whyShort(a, kind)}`,
        detail:
          `Representation was not checked for column "${a.column}": ${why(a, kind)}. No group is called absent, small or under-represented` +
          (kind === 'other-country' ? '. ' : ', and tests grouped by this column compare its raw labels. ') +
          `Most frequent labels: ${shown}${more}. ` + advice(kind, example),
        // The labels are understood and the data's country known: what is missing is a reference, not a reading.
        ...(kind === 'other-country' ? { defaultSeverity: 'information' as const } : {}),
        data: {
          kind,
          column: a.column,
          columnIndex: a.columnIndex,
          total: a.total,
          vocabulary: a.vocabulary?.id ?? null,
          vocabularyShare: a.vocabularyShare,
          minVocabularyShare: MIN_VOCABULARY_SHARE,
          withheldReference: a.referenceWithheld?.id ?? null,
          labels: Object.fromEntries(unmapped.filter((r) => isShownLabel(r.value)).slice(0, 10).map((r) => [r.value, r.rows])),
          groups: candidateGroups(a),
        },
      });
    }
    return findings;
  },
};
