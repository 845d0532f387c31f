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

export function emptyMeansAbsent(header: string): boolean {
  return EVENT_DATE_KEYS.has(labelKey(header));
}
