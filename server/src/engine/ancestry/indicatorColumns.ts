// Race recorded as one yes/no column per group ("select all that apply": race_white,
// race_black, race_asian, ... as in the JCOIN baseline schema) is one ancestry variable
// spread over several columns. These functions recognise such a set, by column name
// (or a schema field's title, "Race: Native Hawaiian or Other Pacific Islander"), and
// give a row's group: the one column marked yes, or "Two or more races" when several are.
import { labelKey } from './labelKey';
import { OMB, VOCABULARIES, type Vocabulary } from './vocabularies';

/** Prefixes of per-group indicator columns: `race_white`, `Ethnicity: Hispanic`, `ancestry.afr`. */
const INDICATOR_NAME = /^(race|ethnicity|ethnic|ancestry|race[\s_.-]*ethnicity)[\s_.:-]+(.+)$/i;

/** Short forms seen in indicator column names, beyond the vocabularies' own synonyms. */
const NAME_ALIASES: Record<string, string> = {
  hawaiian: OMB.nhpi, hawaiianopi: OMB.nhpi, hawaiianpi: OMB.nhpi, nativehawaiianopi: OMB.nhpi, opi: OMB.nhpi, pi: OMB.nhpi, nhopi: OMB.nhpi,
  amerindian: OMB.aian, americanindianalaskanative: OMB.aian, amind: OMB.aian, nativeam: OMB.aian, indigenous: OMB.aian,
  blackafricanamerican: OMB.black, afram: OMB.black,
  twoormore: OMB.multiple, multi: OMB.multiple, multirace: OMB.multiple,
  othrace: OMB.other, oth: OMB.other,
};

/** Strings commonly meaning yes in checkbox exports (REDCap "Checked", SAS 1, survey Yes); a value that is neither one of these nor missing reads as no. */
export const DEFAULT_YES = ['yes', 'y', 'true', 't', '1', 'checked', 'x', 'selected'];

export interface IndicatorMember {
  /** Column index in the header (or field index in a schema). */
  index: number;
  name: string;
  /** The canonical group this column stands for. */
  group: string;
}

export interface IndicatorVariable {
  /** How findings name the set: `race (race_white, race_black, ...)`. */
  label: string;
  members: IndicatorMember[];
  vocabulary: Vocabulary;
}

function groupFor(text: string, vocabulary: Vocabulary): string | undefined {
  const match = vocabulary.match(text);
  if (match) return match.canonical;
  return vocabulary.id === 'omb' ? NAME_ALIASES[labelKey(text)] : undefined;
}

/** The part of a name or title after its race/ethnicity prefix, or undefined when it has none. */
function suffixOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const match = INDICATOR_NAME.exec(text.trim());
  return match ? match[2].trim() : undefined;
}

/**
 * The indicator columns among `names` (column headers or schema field names), with the
 * optional field titles; undefined unless at least two columns map to groups of one
 * vocabulary. Free-text companions (`race_other_specified`) map to no group and are left out.
 */
export function detectIndicatorVariable(names: string[], titles: (string | undefined)[] = []): IndicatorVariable | undefined {
  let best: IndicatorVariable | undefined;
  for (const vocabulary of VOCABULARIES) {
    const members: IndicatorMember[] = [];
    names.forEach((name, index) => {
      const candidates = [suffixOf(name), suffixOf(titles[index])].filter((s): s is string => s !== undefined);
      for (const candidate of candidates) {
        const group = groupFor(candidate, vocabulary);
        if (group) { members.push({ index, name, group }); break; }
      }
    });
    if (members.length >= 2 && (!best || members.length > best.members.length)) {
      const prefix = INDICATOR_NAME.exec(members[0].name)?.[1].toLowerCase() ?? 'race';
      const shown = members.slice(0, 3).map((m) => m.name).join(', ') + (members.length > 3 ? ', ...' : '');
      best = { label: `${prefix} (${shown})`, members, vocabulary };
    }
  }
  return best;
}

/** What a row says across the indicator columns. */
export type IndicatorReading =
  | { kind: 'group'; group: string }
  /** No column marked yes: every column no, or some missing. */
  | { kind: 'none'; anyMissing: boolean };

export interface YesNo {
  yes: (value: string) => boolean;
}

/** A yes test from explicit true values (a schema's trueValues), else the defaults; case and spaces ignored. */
export function yesTest(trueValues?: string[]): YesNo {
  const set = new Set((trueValues && trueValues.length > 0 ? trueValues : DEFAULT_YES).map((v) => v.trim().toLowerCase()));
  return { yes: (value) => set.has(value.trim().toLowerCase()) };
}

/**
 * A row's group: the group of the one column marked yes, "Two or more races" (OMB) or
 * "Multiple" (other vocabularies) when several are, none otherwise. Several columns for
 * the same group (two "Other" columns) count once.
 */
export function readIndicators(variable: IndicatorVariable, values: readonly string[], yes: YesNo, isMissing: (index: number, value: string) => boolean): IndicatorReading {
  const groups = new Set<string>();
  let anyMissing = false;
  for (const member of variable.members) {
    const value = member.index < values.length ? values[member.index] : '';
    if (yes.yes(value)) groups.add(member.group);
    else if (isMissing(member.index, value)) anyMissing = true;
  }
  if (groups.size === 1) return { kind: 'group', group: [...groups][0] };
  if (groups.size > 1) return { kind: 'group', group: variable.vocabulary.id === 'omb' ? OMB.multiple : 'Multiple' };
  return { kind: 'none', anyMissing };
}
