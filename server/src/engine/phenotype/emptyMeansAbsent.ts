// Columns where an empty cell records that an event has not happened, not that a value is
// unknown: a death date is empty for the living, a stop date for an ongoing condition
// (Synthea's patients.csv DEATHDATE, conditions.csv STOP). Their empty share is no missing
// share, so the missingness rules leave them out. *Judgement*; name such a column in
// phenotype.columns and set the rule's severity if your data differs.
import { labelKey } from '../ancestry/labelKey';

const EVENT_DATE_KEYS = new Set([
  'deathdate', 'dateofdeath', 'deathdatetime', 'dod', 'deceaseddate', 'datedeceased',
  'stop', 'stopdate', 'stopdatetime', 'end', 'enddate', 'enddatetime', 'resolutiondate', 'dateresolved',
  'conditionenddate', 'conditionenddatetime', 'drugexposureenddate', 'visitenddate', 'observationperiodenddate',
]);

/**
 * A UK Biobank repeat-visit instance (`21000-1.0`, `4080-2.0`): empty for every participant
 * who did not attend that visit, which is most of them by design (the first repeat visit
 * invited about 20,000 of 500,000).
 */
const REPEAT_VISIT = /^\d+-[1-9]\d*\.\d+$/;

export function emptyMeansAbsent(header: string): boolean {
  return EVENT_DATE_KEYS.has(labelKey(header)) || REPEAT_VISIT.test(header.trim());
}
