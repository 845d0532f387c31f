// How one raw ancestry value is read: the policy's own mapping (ancestry.labels) first,
// then the column's vocabulary and the codings that roll up into it. The hover lists
// every reading so a reviewer can see, and correct, what each label was counted as.
import type { Coding } from './codeSets';
import { labelKey } from './labelKey';
import type { MatchKind, Vocabulary } from './vocabularies';

export interface LabelReading {
  value: string;
  rows: number;
  /** The group the value counts in; undefined when nothing maps it. */
  group?: string;
  /** The union group it is counted in when its own group is merged (1977 "Asian or Pacific Islander"). */
  countedIn?: string;
  kind: MatchKind | 'policy' | 'unmapped';
  coding?: Coding;
}

const POLICY_CODING: Coding = { id: 'omb', name: 'policy (ancestry.labels)', lacks: [], distinctive: false };

const REFERENCE_CODING: Coding = { id: 'omb', name: 'the reference\'s own group names', lacks: [], distinctive: false };

export function readLabel(
  value: string, rows: number, vocabulary: Vocabulary | undefined, policyLabels: Record<string, string> | undefined, referenceGroups: readonly string[] = [],
): LabelReading {
  const key = labelKey(value);
  const mapped = policyLabels ? Object.entries(policyLabels).find(([raw]) => labelKey(raw) === key)?.[1] : undefined;
  if (mapped !== undefined) {
    // The target may be written in any vocabulary spelling; it counts in that canonical group.
    return { value, rows, group: vocabulary?.match(mapped)?.canonical ?? mapped, kind: 'policy', coding: POLICY_CODING };
  }
  const match = vocabulary?.match(value);
  if (!match) {
    // A custom reference's own group names ("alpha": 0.5) are groups even in no vocabulary.
    const own = referenceGroups.find((g) => labelKey(g) === key);
    return own !== undefined ? { value, rows, group: own, kind: 'canonical', coding: REFERENCE_CODING } : { value, rows, kind: 'unmapped' };
  }
  return { value, rows, group: match.canonical, kind: match.kind, coding: match.coding };
}
