// "Not recorded" in an ancestry column, as curators and exports actually write it: they are
// missing ancestry, counted per marker (ancestry-values-missing), never a group. Matched by
// labelKey, so case, spacing and punctuation do not matter ("Declined to Answer",
// "DECLINED_TO_ANSWER", "declined-to-answer"). Sources in docs/references.md:
// - CDC / HL7 null flavors: UNK (unknown), ASKU (asked but unknown) [HL7 v3 NullFlavor];
// - OMOP: concept 0, "No matching concept" [OMOP CDM conventions];
// - UK Biobank coding 1001: -1 do not know, -3 prefer not to answer;
// - All of Us: PMI_Skip, PMI_PreferNotToAnswer and their display text ("PMI: Skip",
//   "I prefer not to answer"), AoUDRC_NoneIndicated / "None Indicated";
// - EHR extracts (MIMIC-IV admissions.race): UNKNOWN, UNABLE TO OBTAIN, PATIENT DECLINED TO
//   ANSWER; MIMIC-III: UNKNOWN/NOT SPECIFIED;
// - NIH inclusion reporting: Unknown or Not Reported;
// - NAACCR item 190 / cBioPortal GENIE: Unknown whether Spanish or not, Not collected, Undisclosed;
// - refusals and non-answers in survey wording (judgement): Declined, Refused, Not stated, ...
import { labelKey } from './labelKey';
import { MissingMarkers } from '../missing';

export const ANCESTRY_NOT_RECORDED: readonly string[] = [
  'Declined', 'Patient declined', 'Declined to answer', 'Declined to state', 'Declined to specify', 'Patient declined to answer',
  'Refused', 'Refused to answer', 'Prefer not to answer', 'Prefer not to say', 'I prefer not to answer',
  'Not reported', 'Unknown or not reported', 'Unknown/Not Reported', 'Not stated', 'Not obtained', 'Unable to obtain',
  'Not recorded', 'Not specified', 'Unknown/Not specified', 'Not available', 'Not collected', 'Not asked',
  'Unknown', 'Other/Unknown', 'Unknown/Other', 'Unknown race', 'Unknown ethnicity', 'Race unknown', 'Ethnicity unknown',
  'ASKU', 'UNK', 'No matching concept', 'None indicated', 'AoUDRC_NoneIndicated', 'PMI: Skip', 'PMI: Prefer Not To Answer',
  'PMI_Skip', 'PMI_PreferNotToAnswer', 'Skip', 'Skipped', 'Unknown whether Spanish or not', 'Undisclosed',
  'Do not know', "Don't know", 'Not Evaluated', 'Not Applicable',
  '0', '-1', '-3',
];

/** Keys shorter than this are matched exactly (after trimming and case folding) only. */
const MIN_KEY = 3;

/** An ancestry column's markers: the column's own list, plus the not-recorded forms in any spelling. */
export class AncestryMissingMarkers extends MissingMarkers {
  private readonly keys: Set<string>;
  private readonly seen = new Map<string, string | undefined>();

  constructor(markers: Iterable<string>) {
    const all = [...markers, ...ANCESTRY_NOT_RECORDED];
    super(all);
    this.keys = new Set(all.map(labelKey).filter((k) => k.length >= MIN_KEY));
  }

  override labelKeys(): string[] {
    return [...this.keys];
  }

  override match(value: string): string | undefined {
    const exact = super.match(value);
    if (exact !== undefined) return exact;
    if (this.seen.has(value)) return this.seen.get(value);
    const verdict = this.keys.has(labelKey(value)) ? value : undefined;
    if (this.seen.size < 10_000) this.seen.set(value, verdict);
    return verdict;
  }
}
