// Per-group yes/no columns in a dataset (race_white, race_black, ...) read as one derived
// ancestry column, so the representation rules and the hover see one variable: each row's
// group is the column marked yes, "Two or more races" when several are. Used only when
// no single ancestry column is found by name or named in the policy.
import { DEFAULT_MISSING_MARKERS } from '../missing';
import type { TableSchema } from '../schema/model';
import { detectIndicatorVariable, readIndicators, yesTest, type IndicatorVariable } from './indicatorColumns';
import { labelKey } from './labelKey';

/** Derived values that mean the row has no group: counted as missing, per reason. */
export const NONE_MARKED = 'none marked yes';
export const UNANSWERED = 'not answered';

export interface IndicatorView {
  variable: IndicatorVariable;
  /** The derived column's name, as findings and the hover show it. */
  name: string;
  /** Missing markers of the derived column. */
  markers: string[];
  /** The derived value of a row: a group label, or one of the markers. */
  derive(values: readonly string[]): string;
}

export function indicatorView(header: string[], schema?: TableSchema): IndicatorView | undefined {
  const fields = new Map((schema?.fields ?? []).map((f) => [labelKey(f.name), f]));
  const titles = header.map((name) => fields.get(labelKey(name))?.title);
  const variable = detectIndicatorVariable(header, titles);
  if (!variable) return undefined;
  // A schema's trueValues and missingValues for these fields win over the defaults.
  const member = variable.members.map((m) => fields.get(labelKey(m.name)));
  const trueValues = member.flatMap((f) => f?.trueValues ?? []);
  const yes = yesTest(trueValues.length > 0 ? trueValues : undefined);
  const missing = new Set<string>();
  for (const f of member) for (const v of f?.missingValues ?? schema?.declaredMissingValues ?? DEFAULT_MISSING_MARKERS) missing.add(v.trim().toLowerCase());
  const isMissing = (_index: number, value: string) => missing.has(value.trim().toLowerCase());
  return {
    variable,
    name: variable.label,
    markers: [NONE_MARKED, UNANSWERED],
    derive(values) {
      const reading = readIndicators(variable, values, yes, isMissing);
      if (reading.kind === 'group') return reading.group;
      return reading.anyMissing ? UNANSWERED : NONE_MARKED;
    },
  };
}
