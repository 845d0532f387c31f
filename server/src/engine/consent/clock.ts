// "Today" for withdrawal dates: the machine's clock, replaceable so tests can fix the date.
let now: () => Date = () => new Date();

export function consentNow(): Date {
  return now();
}

/** Replaces the clock (tests); call with no argument to restore the machine's clock. */
export function setConsentClock(clock?: () => Date): void {
  now = clock ?? (() => new Date());
}

/** The local calendar date of an instant as YYYY-MM-DD. */
export function localDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}
