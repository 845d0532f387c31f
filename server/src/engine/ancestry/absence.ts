// Whether "no rows" of a group is evidence that the group is missing, or what chance
// alone would often give at this sample size. With reference share π and N people (or
// rows) with a value, P(no one of the group) = (1 − π)^N under random sampling from the
// reference; below ABSENCE_ALPHA the absence is improbable and is reported as such.
import { significant } from '../format';
import type { AncestryAssessment, GroupAssessment } from './assess';

/** *Judgement:* the conventional 5% level, as for every test in this project. */
export const ABSENCE_ALPHA = 0.05;

/** (1 − π)^N, computed as exp(N · log1p(−π)) so tiny π and large N keep their precision. */
export function chanceOfNone(share: number, n: number): number {
  if (share <= 0) return 1;
  if (share >= 1) return n > 0 ? 0 : 1;
  return Math.exp(n * Math.log1p(-share));
}

export interface AbsenceVerdict {
  /** P(no one of the group) at this N. */
  chance: number;
  /** N · π: how many the reference predicts. */
  expected: number;
  /** True when seeing no one is improbable (chance < ABSENCE_ALPHA): the group is absent. */
  improbable: boolean;
}

/** Undefined for a group that has rows or has no reference share. */
export function absenceVerdict(a: AncestryAssessment, g: GroupAssessment): AbsenceVerdict | undefined {
  if (g.count > 0 || g.referenceShare === undefined) return undefined;
  const chance = chanceOfNone(g.referenceShare, a.total);
  return { chance, expected: a.total * g.referenceShare, improbable: chance < ABSENCE_ALPHA };
}

/** "= 0.00128" or "< 1e-15": the chance as the message writes it after "(1 − π)^N". */
export function chanceText(p: number): string {
  return p < 1e-15 ? '< 1e-15' : `= ${significant(p)}`;
}
