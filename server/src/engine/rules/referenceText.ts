// How messages name the reference and why it was chosen, so every verdict says what it
// compares against.
import type { AncestryAssessment } from '../ancestry/assess';
import { countryText } from '../ancestry/nationalReference';

/** Why the reference applies, when the labels chose it: ", chosen for US OMB ... in data from the United Kingdom (...)". */
export function referenceChoice(a: AncestryAssessment): string {
  if (a.referenceSource !== 'vocabulary') return '';
  const where = a.referenceCountry ? ` in data from ${countryText(a.referenceCountry)}` : '';
  return `, chosen for ${a.vocabulary?.name ?? 'these labels'}${where}`;
}

export function referenceText(a: AncestryAssessment): string {
  if (!a.reference) return 'no reference';
  return `reference ${a.reference.label}${referenceChoice(a)}`;
}
