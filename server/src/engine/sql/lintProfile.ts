// Lints a table from a profile computed in SQL (DuckDB here, or Spark / BigQuery where the
// data lives). A profile holds counts, not rows: rules that read a row scan (consent per row,
// privacy, term formats, recording consistency, schema values, outcomes, OMOP concept pairs)
// cannot run on it. Which rules those are is found by running each rule on the profile and
// seeing whether it asks for a scan, so a rule that starts reading rows is never run on a
// profile without them; they are listed as not checked, never reported as clean.
import { assessAncestry } from '../ancestry/assess';
import { assessDisparities } from '../phenotype/disparity';
import { rolesOf } from '../rules/phenotype/roles';
import { analyse, type DatasetAnalysis, type DatasetEnvironment, type LintOptions } from '../lintDataset';
import type { LoadedPolicy } from '../policy/loadPolicy';
import type { TableProfile } from '../profile/profile';
import { DATASET_RULES } from '../rules';
import type { DatasetContext, DatasetRule, RowScan, ScanStates } from '../rules/rule';
import { headerTable } from '../table/headerTable';
import type { Table } from '../table/parse';
import type { ProfilePlan } from './plan';

export interface ProfileAnalysis extends DatasetAnalysis {
  /** Rules that need the rows, so were not run on the profile. */
  notChecked: string[];
}

/** Scan states that note every rule that asks for a row scan's state (a profile has none). */
class WatchedScans implements ScanStates {
  asked = false;
  /** Scans rules read only when there are rows (DatasetRule.optionalScan): asking for one is not needing rows. */
  private readonly optional = new Set(DATASET_RULES.map((rule) => rule.optionalScan).filter((scan) => scan !== undefined));
  get<State>(scan: RowScan<State>): State | undefined {
    if (!this.optional.has(scan)) this.asked = true;
    return undefined;
  }
  failure(): undefined {
    return undefined;
  }
}

function needsRows(rule: DatasetRule, context: DatasetContext, scans: WatchedScans): boolean {
  if (rule.scan) return true;
  scans.asked = false;
  try {
    rule.check({ ...context, scans });
  } catch {
    return true;
  }
  return scans.asked;
}

export function lintProfile(
  path: string, plan: ProfilePlan, profile: TableProfile, loaded: LoadedPolicy,
  options: LintOptions = {}, environment: DatasetEnvironment = {}, table: Table = headerTable(plan.columns.map((c) => c.name)),
): ProfileAnalysis {
  const policy = loaded.policy;
  // One clock for the probe and the analysis, as for a table read row by row.
  const today = options.today ?? new Date();
  const scans = new WatchedScans();
  const ancestry = assessAncestry(profile, plan.ancestryColumns, policy);
  const probe: DatasetContext = { path, table, profile, policy, ancestry, schema: environment.schema, scans, headerCell: () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
    cellRange: () => undefined,
    disparities: () => assessDisparities(profile, ancestry, rolesOf({ path, table, policy, ancestry, profile }).missingness, policy.phenotype),
    today,
  };
  // Malformed rows are found by the tokenizer reading the text, which a SQL engine does instead.
  const notChecked = DATASET_RULES.filter((rule) => rule.id === 'table-malformed' || needsRows(rule, probe, scans)).map((rule) => rule.id);
  const rules = DATASET_RULES.filter((rule) => !notChecked.includes(rule.id));
  const consumers = { ancestryColumns: plan.ancestryColumns, builder: { finish: () => profile }, scans: new WatchedScans(), today };
  return { ...analyse(path, table, consumers, loaded, options, environment, rules), notChecked };
}
