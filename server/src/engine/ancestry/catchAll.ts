// Before calling a group absent: does the column have a catch-all label ("Other", Some
// Other Race; gnomAD's "remaining") with rows? A coding with fewer labels than the
// reference counts the groups it cannot name there: UCI's Diabetes 130-US hospitals data
// codes race as Caucasian, AfricanAmerican, Hispanic, Asian and Other, so American Indian,
// Pacific Islander and multiracial patients can only be "Other". Their zero is then the
// coding's, not the cohort's. What stays true whichever way "Other" is read: a group whose
// share would still be below the threshold if every catch-all row were its.
import { wilsonInterval } from '../stats';
import type { AncestryAssessment, GroupAssessment } from './assess';
import { OMB } from './omb';

/** Groups that collect whoever the coding's other labels do not name. */
const CATCH_ALL_GROUPS: ReadonlySet<string> = new Set([OMB.other, 'remaining']);

export interface CatchAllBound {
  /** The catch-all group and its raw labels, most rows first. */
  group: string;
  labels: string[];
  /** Its rows (or participants): the most the unlabelled group could have. */
  count: number;
  /** count / total, and the 95% Wilson upper bound of that share. */
  share: number;
  ciHigh: number;
  /** True when even that bound is below minRatio × the group's reference share. */
  stillUnder: boolean;
}

/** Undefined unless `g` has no rows and the column's catch-all group has some. */
export function catchAllBound(a: AncestryAssessment, g: GroupAssessment): CatchAllBound | undefined {
  if (g.count > 0 || g.referenceShare === undefined || a.total === 0 || CATCH_ALL_GROUPS.has(g.group)) return undefined;
  const catchAll = a.groups.find((x) => CATCH_ALL_GROUPS.has(x.group) && x.count > 0);
  if (!catchAll) return undefined;
  const { high } = wilsonInterval(catchAll.count, a.total);
  return {
    group: catchAll.group,
    labels: [...catchAll.values].sort((x, y) => y[1] - x[1]).map(([label]) => label),
    count: catchAll.count,
    share: catchAll.count / a.total,
    ciHigh: high,
    stillUnder: high < a.minRatio * g.referenceShare,
  };
}
