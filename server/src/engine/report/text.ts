// Wording and numbers shared by the report's HTML and Markdown writers.
import { count, percent } from '../format';
import { totals } from '../inclusion/table';
import type { InclusionSection, ReportModel } from './model';

export interface RenderOptions {
  /** Counts of 1 to 10 become "<11" (CMS small-cell rule): on for files that may leave the team. */
  suppressSmallCells: boolean;
  /** Where a finding's link goes: a URL for the dataset at a 0-based line and character. */
  link(line: number, character: number): string;
}

export const SMALL_CELL_MAX = 10;

export function shownCount(n: number, options: Pick<RenderOptions, 'suppressSmallCells'>): string {
  return options.suppressSmallCells && n >= 1 && n <= SMALL_CELL_MAX ? `<${SMALL_CELL_MAX + 1}` : count(n);
}

export function shownShare(share: number | undefined): string {
  return share === undefined ? '—' : percent(share);
}

export function title(model: ReportModel): string {
  return `Cohort Lint report: ${model.dataset.name}`;
}

export function summaryText(model: ReportModel): string {
  const { counts, dataset } = model;
  const who = dataset.participants ? `${count(dataset.participants.count)} ${dataset.participants.noun} in ` : '';
  return `${who}${count(dataset.rows)} rows × ${dataset.columns} columns. ${counts.total} findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.information} information, ${counts.hint} hints.`;
}

export const SUPPRESSION_NOTE = `Counts of 1 to ${SMALL_CELL_MAX} are shown as "<${SMALL_CELL_MAX + 1}" (CMS small-cell rule); totals are exact.`;

export const AREA_TITLES: Record<string, string> = {
  table: 'Table structure', ancestry: 'Representation', phenotype: 'Phenotypes and missingness', consent: 'Consent', privacy: 'Privacy',
  outcome: 'Outcomes', schema: 'Schema', inclusion: 'Inclusion enrollment', other: 'Other',
};

/** The NIH table as rows of cells: race, then per ethnicity × sex the actual (and planned) count, then the race total. */
export function inclusionRows(s: InclusionSection, options: Pick<RenderOptions, 'suppressSmallCells'>): { header: string[]; rows: string[][] } {
  const t = totals(s.counts);
  const header = ['Racial categories', ...s.ethnicities.flatMap((e) => s.sexes.map((x) => `${e}: ${x}`)), 'Total'];
  const cell = (actual: number, planned?: number) => (planned === undefined ? shownCount(actual, options) : `${shownCount(actual, options)} / ${count(planned)}`);
  const rows = s.races.map((race, r) => [
    race,
    ...s.ethnicities.flatMap((_, e) => s.sexes.map((__, x) => cell(s.counts[r][e][x], s.planned?.[r][e][x]))),
    count(t.byRace[r]),
  ]);
  rows.push(['Total', ...s.ethnicities.flatMap((_, e) => s.sexes.map((__, x) => count(t.byEthnicitySex[e][x]))), count(t.total)]);
  return { header, rows };
}

export function inclusionNotes(s: InclusionSection): string[] {
  const read = [s.columns.race && `race from "${s.columns.race}"`, s.columns.ethnicity && `ethnicity from "${s.columns.ethnicity}"`, s.columns.sex && `sex from "${s.columns.sex}"`].filter(Boolean).join(', ');
  const notes = [`Counts ${s.unit}${s.unit === 'participants' ? ` (each once, by "${s.columns.participant}")` : ' (no participant id column was found)'}; ${read}.`];
  if (s.combined) notes.push('Race and Hispanic origin are in one column: Hispanic rows count as Hispanic or Latino with race Unknown or Not Reported, every other value as Not Hispanic or Latino.');
  if (!s.columns.ethnicity && !s.combined) notes.push('No ethnicity column: every participant is Unknown/Not Reported ethnicity.');
  if (!s.columns.sex) notes.push('No sex column: every participant is Unknown/Not Reported sex.');
  if (s.unread.length > 0) notes.push(`Counted as Unknown or Not Reported: ${s.unread.map((u) => `${u.role} ${u.value === undefined ? 'a value not shown' : `"${u.value}"`} (${count(u.participants)})`).join(', ')}.`);
  if (s.planned) notes.push('Cells show actual / planned (policy inclusion.planned).');
  if (s.untallied > 0) notes.push(`${count(s.untallied)} ${s.unit} not tallied: too many distinct value combinations.`);
  return notes;
}
