// The Data Package side of cohort/coveredElsewhere.ts: a resource of a cohort need not
// declare a consent or an ancestry field when another resource of the cohort does (the
// participant's consent and ancestry reach it through the foreign key). So on the
// descriptor, consent-field-missing and schema-ancestry-field-missing are dropped for the
// schemas of cohort resources when another resource of the cohort has such a field.
import { detectAncestryColumns } from '../ancestry/detectColumns';
import { consentRoleOf, normaliseHeader } from '../consent/detectColumns';
import type { StructuredAnalysis } from '../documents/lintStructured';
import type { Policy } from '../policy/policy';
import { packageResources, readDescriptor, type ReadFile } from '../schema/dataPackage';
import type { Finding } from '../types';
import { dataPackageCohort, rawSchema } from './fromDataPackage';

const CONSENT = 'consent-field-missing';
const ANCESTRY = 'schema-ancestry-field-missing';

function fieldNames(schema: unknown): string[] {
  const fields = schema && typeof schema === 'object' ? (schema as { fields?: unknown }).fields : undefined;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((f) => {
    const name = f && typeof f === 'object' ? (f as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? [name] : [];
  });
}

function resourceIndex(finding: Finding): number | undefined {
  const pointer = finding.data.pointer;
  return Array.isArray(pointer) && pointer[0] === 'resources' && typeof pointer[1] === 'number' ? pointer[1] : undefined;
}

/** A Data Package's analysis without the findings on cohort resources that another resource of the cohort answers. */
export function withoutCoveredSchemaFindings(analysis: StructuredAnalysis, policy: Policy, read: ReadFile, workspaceRoot: string | undefined): StructuredAnalysis {
  if (analysis.kind !== 'dataPackage' || !analysis.findings.some((f) => f.code === CONSENT || f.code === ANCESTRY)) return analysis;
  const cohort = dataPackageCohort(analysis.path, read, workspaceRoot);
  if (!cohort) return analysis;
  const descriptor = readDescriptor(analysis.path, read);
  const members = new Set(cohort.tables.map((t) => t.resourceIndex));
  const names = packageResources(descriptor).filter((r) => members.has(r.index)).map((r) => fieldNames(rawSchema(analysis.path, descriptor, r, read, workspaceRoot)));
  const named = new Set([policy.consent.column, policy.consent.statusColumn].flatMap((c) => (c ? [normaliseHeader(c)] : [])));
  const recordsConsent = (name: string) => named.has(normaliseHeader(name)) || ['codes', 'status'].includes(consentRoleOf(name) ?? '');
  const consent = names.some((n) => n.some(recordsConsent));
  const ancestry = names.some((n) => detectAncestryColumns(n, policy.ancestry.columns).length > 0);
  const covered = (f: Finding): boolean => {
    if (!members.has(resourceIndex(f))) return false;
    if (f.code === CONSENT) return consent && f.data.kind === 'schema';
    return f.code === ANCESTRY && ancestry;
  };
  return { ...analysis, findings: analysis.findings.filter((f) => !covered(f)) };
}
