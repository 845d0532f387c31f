// How messages name the reference and why it was chosen, so every verdict says what it
// compares against.
import type { AncestryAssessment } from '../ancestry/assess';

export function referenceText(a: AncestryAssessment): string {
  if (!a.reference) return 'no reference';
  if (a.referenceSource === 'vocabulary') return `reference ${a.reference.label}, chosen for ${a.vocabulary?.name ?? 'these labels'}`;
  return `reference ${a.reference.label}`;
}
