// A phenotype column whose share of missing values exceeds phenotype.maxMissing. Columns
// missing on exactly the same rows are one pattern and one finding; with a repeating
// participant id, a participant is missing a value when none of their rows has one. A
// column partly not applicable (empty wherever a yes/no column says the event did not
// happen, phenotype-not-applicable) is measured among the rows where it applies.
import { count, percent } from '../../format';
import { missingPatterns } from '../../phenotype/patterns';
import { adultOnlyScan } from '../../phenotype/adultOnly';
import { emptyBelowAge, minorsText, whereApplies, type AdultOnly, type ConditionalEmpty } from '../../phenotype/structural';
import { unitMissing, unitTotal } from '../../profile/units';
import type { TableProfile } from '../../profile/profile';
import type { DatasetContext, DatasetRule, RawFindingOf } from '../rule';
import { omopOptionalSentence } from '../../phenotype/omopOptionalText';
import { conditionText } from './phenotypeNotApplicable';
import { markerList, rolesOf } from './roles';

/** "98,569 of 101,766 values missing", or "2,100 of 71,518 patients have no value". */
function countText(profile: TableProfile, missing: number, total: number): string {
  const p = profile.participants;
  return p ? `${count(missing)} of ${count(total)} ${p.noun} have no value` : `${count(missing)} of ${count(total)} values missing`;
}

function unitSentence(profile: TableProfile): string {
  const p = profile.participants;
  return p ? ` Counted once per participant (no value in any of their rows): ${count(p.count)} ${p.noun} in ${count(p.rows)} rows ("${p.column}" repeats).` : '';
}

/** `"weight"`, or `"a" and 2 more columns (same rows)`: a verdict's subject. */
function subjectOf(names: string[]): string {
  return names.length === 1 ? `"${names[0]}"` : `"${names[0]}" and ${names.length - 1} more ${names.length === 2 ? 'column' : 'columns'} (same rows)`;
}

/** `"weight" missing for 96% of patients (maximum 20%)`, or `"a" and 2 more columns missing in 30% of rows (...)`. */
function valuesVerdict(profile: TableProfile, names: string[], share: number, maxMissing: number): string {
  const subject = subjectOf(names);
  const p = profile.participants;
  return `${subject} missing ${p ? `for ${percent(share)} of ${p.noun}` : `in ${percent(share)} of rows`} (maximum ${percent(maxMissing)})`;
}

/** `"r_jail_in" missing in 33% of the rows where it applies (maximum 20%)`. */
function whereAppliesVerdict(names: string[], share: number, maxMissing: number): string {
  const subject = subjectOf(names);
  return `${subject} missing in ${percent(share)} of the rows where ${names.length === 1 ? 'it applies' : 'they apply'} (maximum ${percent(maxMissing)})`;
}

export type PhenotypeValuesMissingMessages = {
  missing: { column: string; columnIndex: number; missing: number; total: number; share: number; maxMissing: number; markers: Record<string, number>; columns?: string[]; rows?: number; missingRows?: number; unit?: string };
  missingWhereApplies: { column: string; columnIndex: number; missing: number; total: number; share: number; maxMissing: number; markers: Record<string, number>; columns?: string[]; condition: string; values: string[]; notApplicableRows: number };
};

/** Partly not-applicable columns (same condition, same empty rows: one finding) missing too often where they apply. */
function whereAppliesFindings(context: DatasetContext): RawFindingOf<PhenotypeValuesMissingMessages>[] {
  const { profile, policy, headerCell } = context;
  const maxMissing = policy.phenotype.maxMissing;
  const partly = new Map<number, ConditionalEmpty | AdultOnly>();
  for (const [i, n] of rolesOf(context).notApplicable) if ((n.kind === 'condition' || n.kind === 'adult-only') && n.partly) partly.set(i, n);
  const over = [...partly.keys()].sort((a, b) => a - b).filter((i) => {
    const { rows, empty } = whereApplies(partly.get(i)!);
    return rows > 0 && empty / rows > maxMissing;
  });
  const findings: RawFindingOf<PhenotypeValuesMissingMessages>[] = [];
  for (const pattern of missingPatterns(profile, over)) {
    const [i] = pattern;
    const n = partly.get(i)!;
    const same = n.kind === 'adult-only' ? [i] : pattern.filter((j) => { const o = partly.get(j)!; return o.kind === 'condition' && o.condition === n.condition; });
    const { rows, empty } = whereApplies(n);
    const share = empty / rows;
    const column = profile.columns[i];
    const names = same.map((j) => profile.columns[j].name);
    const condition = n.kind === 'adult-only' ? minorsText(n) : conditionText(profile, n);
    const notApplicableRows = n.kind === 'adult-only' ? n.minorRows : n.rowsWhen;
    findings.push({
      messageId: 'missingWhereApplies',
      range: headerCell(i),
      message: whereAppliesVerdict(names, share, maxMissing),
      detail:
        `${count(empty)} of ${count(rows)} values missing ${same.length === 1 ? `in column "${column.name}"` : `in each of ${same.length} columns missing on the same rows (${names.map((x) => `"${x}"`).join(', ')})`} ` +
        `among the rows where ${condition} does not hold (${percent(share)}), above the maximum of ${percent(maxMissing)} (phenotype.maxMissing). ` +
        `The ${count(notApplicableRows)} rows where ${condition} are left out: there the column is empty on every row and does not apply (phenotype-not-applicable). ` +
        `Missing markers${same.length > 1 ? ` in "${column.name}"` : ''}, all rows: ${markerList(column.missingByMarker, count)}.`,
      data: {
        column: column.name, columnIndex: i, missing: empty, total: rows, share, maxMissing,
        markers: Object.fromEntries([...column.missingByMarker].sort((a, b) => b[1] - a[1])),
        ...(same.length > 1 ? { columns: names } : {}),
        ...(n.kind === 'adult-only'
          ? { condition: n.ageFrom, values: [`younger than ${n.fromAge}`], notApplicableRows }
          : { condition: profile.columns[n.condition].name, values: n.values, notApplicableRows }),
      },
    });
  }
  return findings;
}

/**
 * ` Every participant younger than 30 (by "BIRTHDATE") has none: 31 of the 32 missing cells.`
 * A marital status empty for everyone below an age past adulthood (Synthea leaves MARITAL
 * empty until about 30) is still missing, but the pattern is what a reader needs to know.
 */
function youngSentence(context: DatasetContext, i: number, missing: number): string {
  const below = emptyBelowAge(context.profile, i, context.scans.get(adultOnlyScan));
  if (!below || missing === 0) return '';
  return ` Every participant younger than ${below.fromAge} (by "${below.ageFrom}") has none: ${count(below.rows)} of the ${count(missing)} missing cells (${percent(below.rows / missing)}).`;
}

export const phenotypeValuesMissing: DatasetRule<PhenotypeValuesMissingMessages> = {
  id: 'phenotype-values-missing',
  defaultSeverity: 'warning',
  description: 'A phenotype column whose missing share exceeds phenotype.maxMissing (default 0.2), with the missing markers seen and their counts; columns missing on the same rows are one finding.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    missing: 'A phenotype field with a missing share above the threshold.',
    missingWhereApplies: 'A field empty where it does not apply, with a missing share above the threshold among the rows where it does.',
  },
  check(context) {
    const { profile, policy, headerCell } = context;
    const total = unitTotal(profile);
    const maxMissing = policy.phenotype.maxMissing;
    if (total === 0) return [];
    const findings: RawFindingOf<PhenotypeValuesMissingMessages>[] = whereAppliesFindings(context);
    const roles = rolesOf(context);
    const over = roles.missingness.filter((i) => unitMissing(profile, i) / total > maxMissing);
    const optionalOver = (roles.omopOptional?.columns ?? []).filter((i) => unitMissing(profile, i) / total > maxMissing);
    for (const pattern of missingPatterns(profile, over)) {
      const [i] = pattern;
      const column = profile.columns[i];
      const missing = unitMissing(profile, i);
      const share = missing / total;
      const markers = Object.fromEntries([...column.missingByMarker].sort((a, b) => b[1] - a[1]));
      const names = pattern.map((j) => profile.columns[j].name);
      const where = pattern.length === 1
        ? `in column "${column.name}"`
        : `in each of ${pattern.length} columns missing on the same rows (${names.map((n) => `"${n}"`).join(', ')})`;
      findings.push({
        messageId: 'missing',
        range: headerCell(i),
        message: valuesVerdict(profile, names, share, maxMissing),
        detail:
          `${countText(profile, missing, total)} ${where} (${percent(share)}), ` +
          `above the maximum of ${percent(maxMissing)} (phenotype.maxMissing). Missing markers${pattern.length > 1 ? ` in "${column.name}"` : ''}: ${markerList(column.missingByMarker, count)}.` +
          unitSentence(profile) + omopOptionalSentence(profile, roles.omopOptional, optionalOver) + youngSentence(context, i, missing),
        data: {
          column: column.name, columnIndex: i, missing, total, share, maxMissing, markers,
          ...(pattern.length > 1 ? { columns: names } : {}),
          ...(profile.participants ? { rows: profile.participants.rows, missingRows: column.missing, unit: profile.participants.noun } : {}),
        },
      });
    }
    return findings.sort((a, b) => a.data.columnIndex - b.data.columnIndex);
  },
};
