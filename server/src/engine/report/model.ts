// The reviewer's report as plain data, read from one dataset analysis: representation with
// intervals, missingness by group, consent, privacy and outcomes, the NIH inclusion table,
// the regulation map and a datasheet. Nothing here re-reads the text or re-runs a test:
// every number is one the rules' analysis computed. The webview and the CLI's HTML and
// Markdown writers render this same object (it is JSON-safe, for the LSP request).
import * as path from 'node:path';
import { consentState } from '../rules/consent/common';
import { localDate } from '../consent/clock';
import { quarantinePath } from '../consent/quarantineName';
import { docsUrl } from '../docs';
import { NIH_ETHNICITIES, NIH_RACES, NIH_SEXES } from '../inclusion/nih';
import { inclusionTable, shortfalls, type InclusionTable, type Shortfall } from '../inclusion/table';
import type { DatasetAnalysis } from '../lintDataset';
import { outcomeOf } from '../rules/outcome/common';
import { rolesOf } from '../rules/phenotype/roles';
import { decidingPValue, isDisparate } from '../phenotype/disparity';
import { privacyState } from '../rules/privacy/common';
import { columnVerdicts } from '../privacy/verdicts';
import type { Severity } from '../types';
import { datasheet, type DatasheetEntry } from './datasheet';
import { REGULATIONS, type RegulationEntry } from './regulations';

export interface ReportFinding {
  code: string;
  severity: Severity;
  message: string;
  /** The arithmetic behind the verdict (Finding.detail). */
  detail?: string;
  /** 0-based, as in the LSP. */
  line: number;
  character: number;
  area: string;
  docs: string;
}

export interface RepresentationGroup {
  group: string;
  count: number;
  share: number;
  ciLow: number;
  ciHigh: number;
  referenceShare?: number;
  ratio?: number;
  /** Reported as ancestry-underrepresented. */
  under: boolean;
  /** No participant, and not reported absent (too few expected to tell). */
  unobserved: boolean;
  small: boolean;
  /** In the reference, no participant in the dataset (ancestry-group-absent). */
  absent: boolean;
}

export interface RepresentationSection {
  column: string;
  columnIndex: number;
  reference?: string;
  unit: string;
  total: number;
  missing: number;
  minRatio: number;
  minCount: number;
  groups: RepresentationGroup[];
  goodnessOfFit?: { statistic: number; df: number; pValue: number };
}

export interface MissingnessCell { group: string; rows: number; missing: number; share: number; highest: boolean; small: boolean }
export interface MissingnessRow {
  column: string;
  columnIndex: number;
  cells: MissingnessCell[];
  /** Reported as phenotype-missingness-disparity. */
  significant: boolean;
  pValue?: number;
  /** Empty where it does not apply (phenotype-not-applicable): not tested. */
  structural?: string;
}
export interface MissingnessSection { ancestryColumn: string; groups: string[]; rows: MissingnessRow[]; threshold?: number }

export interface ConsentSection {
  rows: number;
  usable: number;
  statuses: string[];
  permissions: string[];
  /** byStatus[status][permission] = rows. */
  table: Record<string, Record<string, number>>;
  quarantined: number;
  quarantineFile: string;
  today: string;
  columns: string[];
}

export interface AreaSection {
  id: 'privacy' | 'outcome';
  title: string;
  /** A small table of the area's facts: header and rows. */
  facts?: { caption: string; header: string[]; rows: string[][] };
  findings: ReportFinding[];
}

export interface InclusionSection extends InclusionTable {
  races: readonly string[];
  ethnicities: readonly string[];
  sexes: readonly string[];
  planned?: number[][][];
  shortfalls: Shortfall[];
}

export interface ReportModel {
  dataset: { path: string; name: string; rows: number; columns: number; participants?: { count: number; noun: string; column: string } };
  counts: Record<Severity, number> & { total: number; groups: number };
  findings: ReportFinding[];
  representation: RepresentationSection[];
  missingness: MissingnessSection[];
  consent?: ConsentSection;
  areas: AreaSection[];
  inclusion?: InclusionSection;
  regulations: (RegulationEntry & { findings: number })[];
  datasheet: DatasheetEntry[];
}

const AREAS: [string, string][] = [
  ['table-', 'table'], ['ancestry-', 'ancestry'], ['phenotype-', 'phenotype'], ['missing-marker', 'phenotype'], ['consent-', 'consent'],
  ['privacy-', 'privacy'], ['outcome-', 'outcome'], ['schema-', 'schema'], ['inclusion-', 'inclusion'],
];

export function areaOf(code: string): string {
  return AREAS.find(([prefix]) => code.startsWith(prefix))?.[1] ?? 'other';
}

/** The groups the rules reported with `code` for this column (a verdict is the rule's, never re-derived here). */
function reported(findings: DatasetAnalysis['findings'], code: string, column: string, messageId?: string): Map<string, Record<string, unknown>> {
  return new Map(findings
    .filter((f) => f.code === code && (messageId === undefined || f.messageId === messageId) && f.data.column === column && typeof f.data.group === 'string')
    .map((f) => [f.data.group as string, f.data]));
}

function representation(a: DatasetAnalysis, findings: DatasetAnalysis['findings']): RepresentationSection[] {
  return a.ancestry.map((x) => {
    // A group with no label of its own, under-represented even counting all of "Other", is under rather than absent.
    const under = new Map([...reported(findings, 'ancestry-underrepresented', x.column), ...reported(findings, 'ancestry-group-absent', x.column, 'no-label')]);
    const absent = reported(findings, 'ancestry-group-absent', x.column, 'absent');
    const groups: RepresentationGroup[] = x.groups.map((g) => ({
      group: g.group, count: g.count, share: g.share, ciLow: g.ciLow, ciHigh: g.ciHigh, referenceShare: g.referenceShare, ratio: g.ratio,
      under: under.has(g.group), small: g.count > 0 && g.count < x.minCount, absent: absent.has(g.group), unobserved: g.count === 0 && !absent.has(g.group) && !under.has(g.group),
    }));
    for (const [group, data] of absent) {
      if (groups.some((g) => g.group === group)) continue;
      groups.push({
        group, count: 0, share: 0, ciLow: 0, ciHigh: Number(data.ciHigh ?? 0),
        referenceShare: typeof data.referenceShare === 'number' ? data.referenceShare : undefined, ratio: 0, under: false, small: false, absent: true, unobserved: false,
      });
    }
    const gof = x.goodnessOfFit;
    return {
      column: x.column, columnIndex: x.columnIndex, reference: x.reference?.label, unit: x.unit?.noun ?? 'rows', total: x.total, missing: x.missing,
      minRatio: x.minRatio, minCount: x.minCount, groups,
      goodnessOfFit: gof ? { statistic: gof.statistic, df: gof.df, pValue: gof.pValue } : undefined,
    };
  });
}

function missingness(a: DatasetAnalysis): MissingnessSection[] {
  if (a.ancestry.length === 0) return [];
  const assessment = a.disparities();
  const roles = rolesOf(a);
  return a.ancestry.map((x) => {
    const columns = assessment.columns.filter((c) => c.ancestryIndex === x.columnIndex);
    const groups = [...new Set(columns.flatMap((c) => c.groups.map((g) => g.group)))];
    // A field with no missing value in any group has nothing to show.
    const rows: MissingnessRow[] = columns.filter((c) => c.groups.some((g) => g.missing > 0)).map((c) => ({
      column: c.column, columnIndex: c.columnIndex, significant: isDisparate(c, assessment), pValue: decidingPValue(c),
      cells: c.groups.map((g) => ({ group: g.group, rows: g.rows, missing: g.missing, share: g.share, highest: g === c.worst, small: g.small })),
    }));
    for (const [index, n] of roles.notApplicable) {
      rows.push({ column: a.table.header[index], columnIndex: index, cells: [], significant: false, structural: n.kind === 'condition' ? (n.partly ? 'empty where a condition holds, and partly elsewhere' : 'empty where a condition holds') : n.kind === 'adult-only' ? `recorded from age ${n.fromAge} on (adults only)` : n.kind === 'codebook' ? `recorded for ${n.subgroup.appliesTo} only (codebook)` : 'empty where another column is filled' });
    }
    return { ancestryColumn: x.column, groups, rows, threshold: assessment.threshold };
  }).filter((s) => s.rows.length > 0);
}

function consent(a: DatasetAnalysis): ConsentSection | undefined {
  const state = consentState(a);
  if (!state || !state.evaluator.recordsConsent) return undefined;
  const table: Record<string, Record<string, number>> = {};
  const permissions = new Set<string>();
  for (const [key, n] of state.byStatus) {
    const [status, permission] = key.split('\u0000');
    permissions.add(permission);
    (table[status] ??= {})[permission] = n;
  }
  const statuses = ['usable', 'withdrawn', 'missing', 'invalid', 'out of scope'].filter((s) => table[s]);
  return {
    rows: state.rows, usable: state.rows - state.unusableRows, statuses, permissions: [...permissions].sort(), table,
    quarantined: state.unusableRows, quarantineFile: path.basename(quarantinePath(a.path)), today: localDate(state.evaluator.todayDate),
    columns: state.evaluator.columns.map((c) => c.name),
  };
}

function areas(a: DatasetAnalysis, findings: ReportFinding[]): AreaSection[] {
  const privacy: AreaSection = { id: 'privacy', title: 'Privacy', findings: findings.filter((f) => f.area === 'privacy') };
  const state = privacyState(a);
  if (state) {
    const verdicts = columnVerdicts(state);
    if (verdicts.length > 0) {
      privacy.facts = {
        caption: 'Columns holding HIPAA Safe Harbor identifiers',
        header: ['column', 'identifier', 'Safe Harbor item', 'found by'],
        rows: verdicts.map((v) => [v.column, v.category.label, v.category.item, v.by === 'header' ? 'header, confirmed by values' : 'values']),
      };
    }
  }
  const outcome: AreaSection = { id: 'outcome', title: 'Outcomes and model outputs', findings: findings.filter((f) => f.area === 'outcome') };
  const assessed = outcomeOf(a);
  if (assessed && assessed.groupings.length > 0) {
    const g = assessed.groupings[0];
    const pct = (s: { count: number; of: number }) => (s.of > 0 ? `${((100 * s.count) / s.of).toFixed(1)}%` : '—');
    outcome.facts = {
      caption: `Rates by ${g.columns.join(' × ')}`,
      header: ['group', 'rows', 'base rate', 'selection rate', 'true positive rate', 'false positive rate'],
      rows: g.groups.map((x) => [x.group, String(x.size), pct(x.rates.baseRate), pct(x.rates.selectionRate), pct(x.rates.tpr), pct(x.rates.fpr)]),
    };
  }
  return [privacy, outcome].filter((s) => s.findings.length > 0 || s.facts);
}

function inclusion(a: DatasetAnalysis): InclusionSection | undefined {
  const table = inclusionTable(a.scans);
  if (!table || !table.readable) return undefined;
  const plan = a.policy.inclusion?.planned;
  const planned = plan ? NIH_RACES.map((r) => NIH_ETHNICITIES.map((e) => NIH_SEXES.map((s) => plan[r]?.[e]?.[s] ?? 0))) : undefined;
  return { ...table, races: NIH_RACES, ethnicities: NIH_ETHNICITIES, sexes: NIH_SEXES, planned, shortfalls: plan ? shortfalls(table, plan) : [] };
}

export function buildReport(a: DatasetAnalysis): ReportModel {
  const findings: ReportFinding[] = a.findings.map((f) => ({
    code: f.code, severity: f.severity, message: f.message, ...(f.detail ? { detail: f.detail } : {}), line: f.range.start.line, character: f.range.start.character, area: areaOf(f.code), docs: docsUrl(f.code),
  }));
  const counts = { error: 0, warning: 0, information: 0, hint: 0, total: findings.length, groups: a.ancestry[0]?.groups.filter((g) => g.count > 0).length ?? 0 };
  for (const f of findings) counts[f.severity]++;
  const p = a.profile.participants;
  const model: ReportModel = {
    dataset: {
      path: a.path, name: path.basename(a.path), rows: a.profile.rowCount, columns: a.table.header.length,
      participants: p ? { count: p.count, noun: p.noun, column: p.column } : undefined,
    },
    counts, findings,
    representation: representation(a, a.findings),
    missingness: missingness(a),
    consent: consent(a),
    areas: areas(a, findings),
    inclusion: inclusion(a),
    regulations: REGULATIONS.map((r) => ({ ...r, findings: findings.filter((f) => r.areas.some((prefix) => f.code.startsWith(prefix))).length })),
    datasheet: [],
  };
  model.datasheet = datasheet(model, a.policy);
  return model;
}
