// Consent status cells. FHIR R4 consent-state codes [S60]: draft, proposed, active,
// rejected, inactive, entered-in-error; only `active` is consent in force (domain.md D).
// Yes/no style columns (informed_consent = Yes) are read the same way.
import { localDate } from './clock';

export type StatusVerdict =
  | { state: 'active' }
  | { state: 'withdrawn'; reason: 'withdrawn' | 'not-in-force' | 'not-given' }
  | { state: 'unknown' };

/** Words that mean consent was withdrawn (FHIR rejected/inactive among them). */
export const DEFAULT_WITHDRAWN_VALUES: readonly string[] = ['withdrawn', 'revoked', 'rejected', 'inactive', 'withdrew', 'retracted'];
/** FHIR states that are not (yet, or no longer validly) consent. */
const NOT_IN_FORCE = new Set(['draft', 'proposed', 'entered-in-error', 'entered in error', 'pending']);
const NOT_GIVEN = new Set(['no', 'n', 'false', 'f', '0', 'declined', 'refused', 'not consented', 'not given', 'none', 'denied', 'deny', 'not sure', 'notsure', 'unsure']);
const GIVEN = new Set(['active', 'yes', 'y', 'true', 't', '1', 'consented', 'given', 'granted', 'permit', 'obtained', 'not withdrawn']);

function fold(value: string): string {
  return value.trim().toLowerCase().replace(/_/g, ' ');
}

export class StatusReader {
  private readonly withdrawn: Set<string>;
  private readonly allowed: Set<string>;

  constructor(withdrawnValues: readonly string[], allowed: readonly string[]) {
    this.withdrawn = new Set([...DEFAULT_WITHDRAWN_VALUES, ...withdrawnValues].map(fold));
    this.allowed = new Set(allowed.map(fold));
  }

  /** True when a codes cell holds a withdrawal marker instead of codes. */
  isWithdrawnMarker(value: string): boolean {
    return this.withdrawn.has(fold(value));
  }

  status(value: string): StatusVerdict {
    const v = fold(value);
    if (this.withdrawn.has(v)) return { state: 'withdrawn', reason: 'withdrawn' };
    if (GIVEN.has(v) || this.allowed.has(v)) return { state: 'active' };
    if (NOT_IN_FORCE.has(v) || NOT_IN_FORCE.has(v.replace(/ /g, '-'))) return { state: 'withdrawn', reason: 'not-in-force' };
    if (NOT_GIVEN.has(v)) return { state: 'withdrawn', reason: 'not-given' };
    return { state: 'unknown' };
  }

  /** A "withdrawn" flag column: yes means withdrawn. Dates are read as withdrawal dates. */
  flag(value: string, today: Date): StatusVerdict | WithdrawalVerdict {
    const v = fold(value);
    if (NOT_GIVEN.has(v) || v === 'not withdrawn') return { state: 'active' };
    if (GIVEN.has(v) || this.withdrawn.has(v)) return { state: 'withdrawn', reason: 'withdrawn' };
    const date = withdrawalDate(value, today);
    return date.state === 'unreadable' ? { state: 'unknown' } : date;
  }
}

export type WithdrawalVerdict =
  | { state: 'past'; date: string }
  | { state: 'future'; date: string }
  | { state: 'unreadable' };

/**
 * A withdrawal date: ISO 8601 (2024-03-01, with or without a time), YYYYMMDD, YYYY/MM/DD,
 * or day/month/year and month/day/year with / . or -. A date equal to today counts as
 * past: the withdrawal is in effect.
 */
export function withdrawalDate(value: string, today: Date): WithdrawalVerdict {
  const v = value.trim();
  let iso: string | undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) {
    if (m[4] !== undefined) {
      const instant = new Date(v.replace(' ', 'T'));
      if (Number.isNaN(instant.getTime())) return { state: 'unreadable' };
      return { state: instant.getTime() <= today.getTime() ? 'past' : 'future', date: v };
    }
    iso = `${m[1]}-${m[2]}-${m[3]}`;
  } else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(v))) {
    iso = `${m[1]}-${m[2]}-${m[3]}`;
  } else if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(v))) {
    iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v))) {
    // Day first or month first: when both readings are dates, the earlier one, so an
    // ambiguous date counts as a withdrawal as soon as either reading would.
    const readings = [[m[1], m[2]], [m[2], m[1]]]
      .map(([d, mo]) => `${m![3]}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`)
      .filter(validDate)
      .sort();
    iso = readings[0];
  }
  if (!iso || !validDate(iso)) return { state: 'unreadable' };
  return { state: iso <= localDate(today) ? 'past' : 'future', date: iso };
}

function validDate(iso: string): boolean {
  const [y, mo, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
