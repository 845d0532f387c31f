// Planned NIH enrollment (policy `inclusion.planned`, the Inclusion Enrollment Report's
// race × ethnicity × sex shape) against the participants in the dataset: one finding per
// planned cell the dataset falls short of. Without a plan nothing is reported; the table
// itself is in the report.
import { count, percent } from '../../format';
import { inclusionScan } from '../../inclusion/scan';
import { inclusionTable, shortfalls } from '../../inclusion/table';
import type { DatasetRule, RawFindingOf } from '../rule';

export const INCLUSION_RULE_ID = 'inclusion-enrollment-short';

type Shortfall = { race: string; ethnicity: string; sex: string; planned: number; actual: number; unit: string; combined: boolean };
export type InclusionEnrollmentShortMessages = { short: Shortfall };

export const inclusionEnrollmentShort: DatasetRule<InclusionEnrollmentShortMessages> = {
  id: INCLUSION_RULE_ID,
  defaultSeverity: 'warning',
  description: 'A cell of the planned NIH inclusion enrollment (inclusion.planned: race × ethnicity × sex) has fewer participants in the dataset than planned.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    short: 'A planned cell of the NIH inclusion enrollment table with fewer participants than planned.',
  },
  scan: inclusionScan,
  check({ scans, policy, table: data, headerCell }) {
    const planned = policy.inclusion?.planned;
    if (!planned) return [];
    const table = inclusionTable(scans);
    if (!table) return [];
    const columnIndex = data.header.indexOf(table.columns.race ?? table.columns.ethnicity ?? '');
    const range = headerCell(Math.max(0, columnIndex));
    return shortfalls(table, planned).map((s): RawFindingOf<InclusionEnrollmentShortMessages> => ({
      messageId: 'short',
      range,
      message: `${s.race} · ${s.ethnicity} · ${s.sex}: only ${count(s.actual)} of ${count(s.planned)} planned ${table.unit}`,
      detail:
        `Enrollment short of plan: ${s.race} · ${s.ethnicity} · ${s.sex} has ${count(s.actual)} of ${count(s.planned)} planned ${table.unit} (${percent(s.actual / s.planned)}). ` +
        `Read from ${[table.columns.race, table.columns.ethnicity, table.columns.sex].filter(Boolean).map((c) => `"${c}"`).join(', ')}` +
        `${table.combined ? ' (race and Hispanic origin in one column)' : ''}; plan: inclusion.planned.`,
      data: { race: s.race, ethnicity: s.ethnicity, sex: s.sex, planned: s.planned, actual: s.actual, unit: table.unit, combined: table.combined },
    }));
  },
};
