// How ancestry messages name what they count: rows, or the participants of a file with
// several rows per participant ("71,518 patients in 101,766 rows").
import type { AncestryAssessment } from '../ancestry/assess';
import { count } from '../format';

/** "99,493 rows with a value", or "71,518 patients with a value (71,600 patients in 101,766 rows)". */
export function unitsWithValue(a: AncestryAssessment): string {
  if (!a.unit) return `${count(a.total)} rows with a value`;
  return `${count(a.total)} ${a.unit.noun} with a value (${count(a.unit.participants)} ${a.unit.noun} in ${count(a.unit.rows)} rows, counted once each by "${a.unit.column}")`;
}
