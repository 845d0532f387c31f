// Calendar dates for withdrawal verdicts. "Today" itself is no global: each analysis is
// made under its own clock (LintOptions.today, else the moment of linting), which its
// consent verdicts and its quick fixes share.

/** The local calendar date of an instant as YYYY-MM-DD. */
export function localDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}
