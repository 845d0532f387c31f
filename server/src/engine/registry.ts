// The registry checks itself: what the type system cannot see across files. Cheap (a pass
// over some sixty objects), so the server runs it at start-up and logs what it finds, and
// test/unit/registry.test.ts fails on any problem.
import type { StructuredRule } from './documents/structuredRule';
import { FIX_PROVIDER_IDS } from './fixes';
import { ALL_RULES, DATASET_RULES, PARSE_RULE_BY_KIND, STRUCTURED_RULES } from './rules';
import type { DatasetRule, RuleMeta } from './rules/rule';

export interface Registry {
  /** Every rule, once (what settings, the policy schema, SARIF and docs list). */
  rules: readonly RuleMeta[];
  datasetRules: readonly DatasetRule[];
  structuredRules: readonly StructuredRule[];
  /** Rule ids that have a quick-fix provider. */
  fixProviders: ReadonlySet<string>;
  /** The rule that reports a document of each structured kind that does not parse. */
  parseRules: Readonly<Record<string, string>>;
  /** Whether a rule has its docs page; unchecked when absent. */
  hasDocsPage?: (ruleId: string) => boolean;
}

const STRUCTURED_KINDS = new Set(['tableSchema', 'dataPackage', 'phenopacket']);

/** Every inconsistency in a registry, one sentence each; empty when it is sound. */
export function registryProblems(registry: Registry): string[] {
  const problems: string[] = [];
  const byId = new Map<string, RuleMeta>();
  const listed = [...registry.rules, ...registry.datasetRules, ...registry.structuredRules];
  for (const rule of listed) {
    const seen = byId.get(rule.id);
    if (seen && seen !== rule) problems.push(`Rule "${rule.id}" is defined by two objects: one object must cover every kind of document it reads (appliesTo).`);
    byId.set(rule.id, rule);
  }
  const all = new Set(registry.rules);
  for (const rule of listed) if (!all.has(rule)) problems.push(`Rule "${rule.id}" is run but not registered in ALL_RULES.`);
  for (const rule of new Set(listed)) {
    if (Object.keys(rule.messages ?? {}).length === 0) problems.push(`Rule "${rule.id}" declares no messages.`);
    if (rule.appliesTo.length === 0) problems.push(`Rule "${rule.id}" applies to no kind of document.`);
    if (rule.fixable && !registry.fixProviders.has(rule.id)) problems.push(`Rule "${rule.id}" is fixable but has no fix provider.`);
    if (registry.hasDocsPage && !registry.hasDocsPage(rule.id)) problems.push(`Rule "${rule.id}" has no docs page (docs/rules/${rule.id}.md).`);
  }
  const datasetRules = new Set<RuleMeta>(registry.datasetRules);
  const structuredRules = new Set<RuleMeta>(registry.structuredRules);
  for (const rule of registry.rules) {
    const readsDatasets = rule.appliesTo.includes('dataset');
    if (readsDatasets !== datasetRules.has(rule)) {
      problems.push(readsDatasets ? `Rule "${rule.id}" applies to datasets but is not among the dataset rules.` : `Rule "${rule.id}" is run on datasets but does not list "dataset" in appliesTo.`);
    }
    const documentKinds = rule.appliesTo.filter((t) => STRUCTURED_KINDS.has(t));
    const parses = Object.values(registry.parseRules).includes(rule.id);
    if (documentKinds.length > 0 && !parses && !structuredRules.has(rule)) problems.push(`Rule "${rule.id}" applies to ${documentKinds.join(', ')} but is not among the structured rules.`);
    if (structuredRules.has(rule) && documentKinds.length === 0) problems.push(`Rule "${rule.id}" is run on JSON/YAML documents but lists none of their kinds in appliesTo.`);
    if (datasetRules.has(rule) && typeof (rule as DatasetRule).check !== 'function') problems.push(`Rule "${rule.id}" is a dataset rule without check().`);
    if (structuredRules.has(rule) && typeof (rule as StructuredRule).checkDocument !== 'function') problems.push(`Rule "${rule.id}" is a structured rule without checkDocument().`);
  }
  for (const id of registry.fixProviders) {
    const rule = byId.get(id);
    if (!rule) problems.push(`A fix provider is registered for "${id}", which is no rule.`);
    else if (!rule.fixable) problems.push(`Rule "${id}" has a fix provider but is not marked fixable.`);
  }
  for (const [kind, id] of Object.entries(registry.parseRules)) {
    const rule = byId.get(id);
    if (!rule) problems.push(`The parse rule for ${kind}, "${id}", is no rule.`);
    else if (!Object.hasOwn(rule.messages, 'parse')) problems.push(`The parse rule for ${kind}, "${id}", declares no "parse" message.`);
    else if (!rule.appliesTo.includes(kind as never)) problems.push(`The parse rule for ${kind}, "${id}", does not list ${kind} in appliesTo.`);
  }
  return problems;
}

/** Cohort Lint's own registry, checked (docs pages are left to the unit test, which knows where they are). */
export function ownRegistryProblems(hasDocsPage?: (ruleId: string) => boolean): string[] {
  return registryProblems({
    rules: ALL_RULES, datasetRules: DATASET_RULES, structuredRules: STRUCTURED_RULES,
    fixProviders: FIX_PROVIDER_IDS, parseRules: PARSE_RULE_BY_KIND, hasDocsPage,
  });
}
