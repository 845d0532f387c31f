// What representation and missingness count: rows, or participants when a participant id
// repeats (see participants.ts). Rules read counts through these so both cases agree.
import type { GroupTally, TableProfile } from './profile';

/** Per ancestry column: value -> tally, whose `rows` are participants when they repeat. */
export function unitGroups(profile: TableProfile): Map<number, Map<string, GroupTally>> {
  return profile.participants?.groups ?? profile.groups;
}

/** Rows, or participants, with no value in column `i`. */
export function unitMissing(profile: TableProfile, i: number): number {
  return profile.participants ? profile.participants.missing[i] : profile.columns[i].missing;
}

/** Rows, or participants. */
export function unitTotal(profile: TableProfile): number {
  return profile.participants?.count ?? profile.rowCount;
}

/** "rows", or the participants' noun ("patients"). */
export function unitNoun(profile: TableProfile): string {
  return profile.participants?.noun ?? 'rows';
}
