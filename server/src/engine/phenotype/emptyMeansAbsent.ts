// Columns where an empty cell records that an event has not happened, not that a value is
// unknown: a death date is empty for the living, a stop date for an ongoing condition
// (Synthea's patients.csv DEATHDATE, conditions.csv STOP). Their empty share is no missing
// share, so the missingness rules leave them out. *Judgement*; name such a column in
// phenotype.columns and set the rule's severity if your data differs.
//
// MIMIC-III and MIMIC-IV document such columns (docs/references.md, "Codebooks and
// exports"): PATIENTS.DOD_HOSP is the death date the hospital recorded (empty for a death
// elsewhere) and DOD_SSN the Social Security death registry's (empty when it has none);
// ADMISSIONS.DEATHTIME is empty unless the patient died in hospital; EDREGTIME and
// EDOUTTIME are the emergency-department registration and exit, empty for an admission
// that did not come through it; SERVICES.PREV_SERVICE is the service before a transfer,
// empty on an admission's first service. A generic `prev_*` is not listed: `prev_smoker`
// or `previous_treatment` is a value of its own, and empty there means unknown.
import { labelKey } from '../ancestry/labelKey';
import { ukbField } from '../codebooks/variables';

const EVENT_DATE_KEYS = new Set([
  'deathdate', 'dateofdeath', 'deathdatetime', 'deathtime', 'dod', 'dodhosp', 'dodssn', 'deceaseddate', 'datedeceased',
  'stop', 'stopdate', 'stopdatetime', 'end', 'enddate', 'enddatetime', 'resolutiondate', 'dateresolved',
  'conditionenddate', 'conditionenddatetime', 'drugexposureenddate', 'visitenddate', 'observationperiodenddate',
  // MIMIC-III / MIMIC-IV: an emergency-department visit, a previous service.
  'edregtime', 'edouttime', 'prevservice', 'previousservice',
]);

/** A death date or time under a qualifier: `icu_deathtime`, `hospital_death_date`, `dod_hosp`. */
const DEATH_TIME = /^[a-z0-9]*(deathtime|deathdate|deathdatetime|dateofdeath)$/;

/**
 * A UK Biobank repeat-visit instance (`21000-1.0`, `f.4080.2.0`, `p21000_i1`): empty for
 * every participant who did not attend that visit, which is most of them by design (the
 * first repeat visit invited about 20,000 of 500,000). And a field's second and later array
 * slots (`6142-0.1`, `f.20002.0.3`): one slot per answer or reading, so a participant who
 * gave one answer leaves the others empty; the first slot still counts.
 */
function ukbSlotEmptyByDesign(header: string): boolean {
  const field = ukbField(header);
  return field !== undefined && /^\d+$/.test(field.field) && (field.instance > 0 || field.array > 0);
}

export function emptyMeansAbsent(header: string): boolean {
  const key = labelKey(header);
  return EVENT_DATE_KEYS.has(key) || DEATH_TIME.test(key) || ukbSlotEmptyByDesign(header);
}
