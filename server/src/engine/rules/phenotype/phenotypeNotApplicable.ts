// A column that is empty where it does not apply (structural missingness), reported once
// as information with the condition and its counts: its empty cells are not missing
// values, so phenotype-values-missing and phenotype-missingness-disparity leave it out.
// A codebook variable recorded for a subgroup only (NHANES RIDAGEMN, DEMO_J codebook,
// docs/references.md 40) is one too, on the codebook's word.
import { count, percent } from '../../format';
import { patternOf } from '../../phenotype/patterns';
import { minorsText, whereApplies, type AdultOnly, type CodebookSubgroup, type ComplementaryDates, type ConditionalEmpty, type NotApplicable } from '../../phenotype/structural';
import { adultOnlyScan } from '../../phenotype/adultOnly';
import type { TableProfile } from '../../profile/profile';
import type { DatasetRule, RawFindingOf } from '../rule';
import { firstFitting } from '../verdictFit';
import { rolesOf } from './roles';

/** The verdict and, in the detail, the codebook's words and the counts. */
function codebookFinding(profile: TableProfile, n: CodebookSubgroup): { message: string; detail: string } {
  const { variable, description, appliesTo, source } = n.subgroup;
  const name = profile.columns[n.column].name;
  return {
    message: firstFitting(
      `"${name}" is recorded only for ${appliesTo} (codebook): ${count(n.empty)} empty cells are not missing`,
      `"${name}" is recorded only for ${appliesTo} (codebook)`,
    ),
    detail: `The ${source} records ${variable} (${description}) only for ${appliesTo}; for everyone else it is empty by design (structural missingness). ` +
      `Column "${name}" is empty in ${count(n.empty)} of ${count(n.rows)} rows (${percent(n.empty / n.rows)}). `,
  };
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** `"relapsed" is "0"`, `"admission_type" is "elective" or "newborn"`. */
export function conditionText(profile: TableProfile, n: ConditionalEmpty): string {
  const values = n.values.map((v) => JSON.stringify(v));
  return `"${profile.columns[n.condition].name}" is ${values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values[0]}`;
}

function conditionMessage(profile: TableProfile, n: ConditionalEmpty, columns: string[]): string {
  const subject = columns.length > 1 ? `Columns ${quoted(columns)} (empty on the same rows) are` : `Column "${columns[0]}" is`;
  const text = `${subject} not applicable when ${conditionText(profile, n)}: empty in ${count(n.emptyWhen)} of the ${count(n.rowsWhen)} rows where it is ` +
    `(${percent(n.emptyWhen / n.rowsWhen)}), and ${count(n.emptyWhen)} of ${columns.length > 1 ? 'each column\'s' : 'its'} ${count(n.empty)} empty cells (${percent(n.emptyWhen / n.empty)}) are on those rows. `;
  if (!n.partly) return text;
  const applies = whereApplies(n);
  return text + `The other ${count(applies.empty)} empty cells are among the ${count(applies.rows)} rows where it applies (${percent(applies.empty / applies.rows)}): ` +
    'those count as missing values, measured among those rows (phenotype-values-missing). ' +
    'It is not tested for a missingness disparity between groups: the profile cannot tell how often the condition holds in a group from how often the value is missing where it applies. ';
}

function complementMessage(profile: TableProfile, n: ComplementaryDates): string {
  const [a, b] = [profile.columns[n.column].name, profile.columns[n.other].name];
  return `Columns "${a}" and "${b}" are each empty where the other is filled: exactly one of them is filled in ${count(n.exactlyOne)} of ${count(n.rows)} rows ` +
    `(${percent(n.exactlyOne / n.rows)}; both empty ${count(n.bothEmpty)}, both filled ${count(n.bothFilled)}), so "${a}" is not applicable when "${b}" is filled ` +
    `(${count(n.empty)} empty) and "${b}" when "${a}" is (${count(n.otherEmpty)} empty). `;
}

/** `"relapse_date" not applicable when "relapsed" is "0" (empty in 100% of those rows)`. */
function conditionVerdict(profile: TableProfile, n: ConditionalEmpty, columns: string[]): string {
  const subject = columns.length > 1 ? `"${columns[0]}" and ${columns.length - 1} more ${columns.length === 2 ? 'column' : 'columns'}` : `"${columns[0]}"`;
  const elsewhere = n.partly ? `, ${percent(whereApplies(n).empty / whereApplies(n).rows)} elsewhere` : '';
  const empty = ` (empty in ${percent(n.emptyWhen / n.rowsWhen)} of those rows${elsewhere})`;
  const condition = profile.columns[n.condition].name;
  return firstFitting(
    `${subject} not applicable when ${conditionText(profile, n)}${empty}`,
    ...(n.partly ? [`${subject} not applicable when ${conditionText(profile, n)} (empty there${elsewhere})`] : []),
    `${subject} not applicable for ${n.values.length} values of "${condition}"${empty}`,
    `${subject} not applicable for some values of "${condition}"`,
  );
}

/** `"admit_date" and "death_date" each empty where the other is filled (98% of rows)`. */
function complementVerdict(profile: TableProfile, n: ComplementaryDates): string {
  const [a, b] = [profile.columns[n.column].name, profile.columns[n.other].name];
  return `"${a}" and "${b}" each empty where the other is filled (${percent(n.exactlyOne / n.rows)} of rows)`;
}

/** `"MARITAL" not applicable to minors: empty on all 20 rows of participants under 18`. */
function adultOnlyFinding(profile: TableProfile, n: AdultOnly): { message: string; detail: string } {
  const name = profile.columns[n.column].name;
  const applies = whereApplies(n);
  return {
    message: `"${name}" not applicable to minors: empty on all ${count(n.minorRows)} rows of participants younger than ${n.fromAge}`,
    detail:
      `Column "${name}" is a marital status, which is recorded for adults only (the US Census Bureau asks it from age 15; Synthea writes it from 18). ` +
      `It is empty on all ${count(n.minorRows)} rows where ${minorsText(n)}, and those rows hold ${count(n.minorRows)} of its ${count(n.empty)} empty cells (${percent(n.minorRows / n.empty)}). ` +
      `Among the other ${count(applies.rows)} rows, ${count(applies.empty)} are empty (${percent(applies.rows > 0 ? applies.empty / applies.rows : 0)}): phenotype-values-missing measures it there. `,
  };
}

const ADULT_TAIL = 'The minors\' empty cells are not counted as missing values, and the column is not tested for a missingness disparity: how many minors a group has is not a missing-data question. If the column should be filled for minors too, list it in phenotype.columns.';

const PARTLY_TAIL = 'Whether the event differs between groups is an outcome question. If the column should be filled under the condition too, list it in phenotype.columns.';
const TAIL = 'Their empty cells are not counted as missing values (phenotype-values-missing, phenotype-missingness-disparity): how often the condition holds per group is an outcome question, not a missing-data one. If the column should be filled there, list it in phenotype.columns.';

export type PhenotypeNotApplicableMessages = {
  notApplicable: ReturnType<typeof plain> & { columns: string[] };
};

export const phenotypeNotApplicable: DatasetRule<PhenotypeNotApplicableMessages> = {
  id: 'phenotype-not-applicable',
  defaultSeverity: 'information',
  description: 'A phenotype column empty exactly where it does not apply (when another column takes a value, where a complementary date is filled, a codebook variable recorded for a subgroup only, or a marital status on minors\' rows); left out of the missingness rules.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    notApplicable: 'Empty cells that read as not applicable rather than missing.',
  },
  // Who is a minor is read row by row, when rows are read; the rest comes from the profile's missingness sketch.
  optionalScan: adultOnlyScan,
  check(context) {
    const { profile, headerCell } = context;
    const { notApplicable } = rolesOf(context);
    const patterns = patternOf(profile, [...notApplicable.keys()]);
    const findings: RawFindingOf<PhenotypeNotApplicableMessages>[] = [];
    const done = new Set<number>();
    for (const [c, n] of [...notApplicable].sort((x, y) => x[0] - y[0])) {
      if (done.has(c)) continue;
      let columns: number[];
      let message: string;
      let detail: string;
      if (n.kind === 'codebook') {
        columns = [c];
        ({ message, detail } = codebookFinding(profile, n));
      } else if (n.kind === 'adult-only') {
        columns = [c];
        ({ message, detail } = adultOnlyFinding(profile, n));
      } else if (n.kind === 'condition') {
        // One pattern, one finding: the columns empty on the same rows under the same condition.
        columns = (patterns.get(c) ?? [c]).filter((i) => { const o = notApplicable.get(i); return o?.kind === 'condition' && o.condition === n.condition; });
        const names = columns.map((i) => profile.columns[i].name);
        message = conditionVerdict(profile, n, names);
        detail = conditionMessage(profile, n, names);
      } else {
        columns = notApplicable.get(n.other)?.kind === 'complementary' ? [c, n.other] : [c];
        message = complementVerdict(profile, n);
        detail = complementMessage(profile, n);
      }
      for (const i of columns) done.add(i);
      findings.push({
        messageId: 'notApplicable',
        range: headerCell(c),
        message,
        detail: detail + (n.kind === 'adult-only' ? ADULT_TAIL : n.kind === 'condition' && n.partly ? PARTLY_TAIL : TAIL),
        data: { ...plain(profile, n), columns: columns.map((i) => profile.columns[i].name) },
      });
    }
    return findings;
  },
};

/** The verdict's numbers with column names instead of indices. */
export function plain(profile: TableProfile, n: NotApplicable) {
  const name = (i: number) => profile.columns[i].name;
  if (n.kind === 'condition') {
    return { kind: 'condition', column: name(n.column), condition: name(n.condition), values: n.values, rowsWhen: n.rowsWhen, emptyWhen: n.emptyWhen, empty: n.empty, ...(n.partly ? { partly: true, rows: n.rows } : {}) };
  }
  if (n.kind === 'adult-only') {
    return { kind: 'adult-only', column: name(n.column), ageFrom: n.ageFrom, fromAge: n.fromAge, minorRows: n.minorRows, minorEmpty: n.minorRows, empty: n.empty, rows: n.rows, ...(n.partly ? { partly: true } : {}) };
  }
  if (n.kind === 'codebook') {
    return { kind: 'codebook', column: name(n.column), variable: n.subgroup.variable, appliesTo: n.subgroup.appliesTo, source: n.subgroup.source, rows: n.rows, empty: n.empty };
  }
  return { kind: 'complementary', column: name(n.column), other: name(n.other), rows: n.rows, exactlyOne: n.exactlyOne, bothEmpty: n.bothEmpty, bothFilled: n.bothFilled, empty: n.empty, otherEmpty: n.otherEmpty };
}
