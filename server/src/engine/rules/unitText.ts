// How ancestry messages name what they count: rows, or the participants of a file with
// several rows per participant ("71,518 patients in 101,766 rows").
import type { AncestryAssessment } from '../ancestry/assess';
import { count } from '../format';

/** "99,493 rows with a value", or "69,668 patients with a value". */
export function unitsWithValue(a: AncestryAssessment): string {
  return `${count(a.total)} ${a.unit ? a.unit.noun : 'rows'} with a value`;
}

/** "" for rows; otherwise " Counted per patient: 71,518 patients in 101,766 rows ("patient_nbr" repeats)." */
export function unitNote(a: AncestryAssessment): string {
  if (!a.unit) return '';
  return ` Counted once per participant: ${count(a.unit.participants)} ${a.unit.noun} in ${count(a.unit.rows)} rows ("${a.unit.column}" repeats).`;
}
