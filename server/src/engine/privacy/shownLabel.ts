// Group labels in ancestry messages and hovers. A label of a known vocabulary (1000
// Genomes, OMB, gnomAD) or of the reference is shown as it is; any other label is data
// nobody vetted (a shifted row, a free-text answer, a name), so it is shown only when it
// passes the same test as any quoted cell (shownValue.ts).
import { VOCABULARIES } from '../ancestry/vocabularies';
import { withheldBecause, withheldText } from './shownValue';

/**
 * Words ancestry and ethnicity labels are made of (HANCESTRO's "Indigenous American", "South
 * Asian", "Pacific Islander"): a label of these words alone is a group, not a person's name.
 */
const GROUP_WORDS = new Set([
  'african', 'america', 'american', 'americans', 'arab', 'asian', 'asians', 'black', 'british', 'caribbean', 'central', 'east', 'eastern', 'european', 'first',
  'hispanic', 'indian', 'indigenous', 'islander', 'islanders', 'jewish', 'latin', 'latina', 'latino', 'latinx', 'middle', 'mixed', 'multiple', 'multiracial',
  'native', 'nations', 'north', 'northern', 'other', 'pacific', 'peoples', 'south', 'southern', 'west', 'western', 'white', 'alaska', 'hawaiian', 'and', 'or', 'of',
  'not', 'race', 'races', 'ethnic', 'ethnicity', 'group', 'background', 'ancestry', 'heritage', 'aboriginal', 'torres', 'strait', 'maori', 'sami', 'roma', 'romani',
]);

export function isKnownLabel(label: string): boolean {
  if (VOCABULARIES.some((v) => v.match(label) !== undefined)) return true;
  const words = label.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => GROUP_WORDS.has(w));
}

/** True when the label may appear in a message, a hover or an output field. */
export function isShownLabel(label: string, known = false): boolean {
  return known || isKnownLabel(label) || withheldBecause(label) === undefined;
}

/** The label itself, or a placeholder saying why it is not shown. */
export function labelText(label: string, known = false): string {
  if (isShownLabel(label, known)) return label;
  return `(a label not shown: ${withheldText(withheldBecause(label)!)})`;
}

/** The label when it may be shown, else undefined: for `data` fields. */
export function labelData(label: string, known = false): string | undefined {
  return isShownLabel(label, known) ? label : undefined;
}
