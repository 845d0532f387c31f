// Choosing a verdict that reads in one Problems-panel row. A rule offers its verdict from
// the most to the least informative ("... 3 formats: ISO 80%, DMY 15%, MDY 5%", then
// "... 3 formats, mostly ISO (80%)"); the first that fits is the message, and the detail
// states everything either way. A quoted name (a column, a group, a file) counts at most
// QUOTED_NAME characters: the rule does not choose it. The rule tester checks every
// verdict with this same measure.
export const VERDICT_LIMIT = 120;
const QUOTED_NAME = 24;

/** The verdict's length with each "quoted" name counted at most QUOTED_NAME characters. */
export function verdictLength(message: string): number {
  return message.replace(/"[^"\n]*"/g, (q) => (q.length > QUOTED_NAME ? q.slice(0, QUOTED_NAME) : q)).length;
}

/** The first candidate that fits in a verdict, else the last (the shortest a rule offers). */
export function firstFitting(...candidates: string[]): string {
  return candidates.find((c) => verdictLength(c) <= VERDICT_LIMIT) ?? candidates[candidates.length - 1];
}

/** An unquoted label (a group, a unit, a format) cut to `max` characters for a verdict. */
export function brief(label: string, max = 24): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
