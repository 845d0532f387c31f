// consent-field-missing, read cohort-wide. A table of a cohort need not record consent
// itself when another table of the cohort does: the participant's consent reaches its
// rows through the key (cohort-consent-unusable). So "no consent column" is dropped for
// a cohort table when the cohort has a consent table, on the data file and on its
// resource's schema in the Data Package alike. A cohort without any consent table keeps
// the finding on every table.
import { consentRoleOf } from '../consent/detectColumns';
import type { StructuredAnalysis } from '../documents/lintStructured';
import { packageResources, readDescriptor, type ReadFile } from '../schema/dataPackage';
import type { Finding } from '../types';
import { dataPackageCohort, rawSchema } from './fromDataPackage';

const RULE = 'consent-field-missing';

/** Whether a finding is consent-field-missing's "no consent column" on a dataset. */
export function isNoConsentColumn(finding: Finding): boolean {
  return finding.code === RULE && finding.data.kind === 'no-column';
}

function recordsConsent(schema: unknown): boolean {
  const fields = schema && typeof schema === 'object' ? (schema as { fields?: unknown }).fields : undefined;
  if (!Array.isArray(fields)) return false;
  return fields.some((f) => {
    const name = f && typeof f === 'object' ? (f as { name?: unknown }).name : undefined;
    const role = typeof name === 'string' ? consentRoleOf(name) : undefined;
    return role === 'codes' || role === 'status';
  });
}

/** A Data Package's analysis without consent-field-missing on the schemas of cohort tables whose cohort records consent elsewhere. */
export function withoutCoveredSchemaConsent(analysis: StructuredAnalysis, read: ReadFile, workspaceRoot: string | undefined): StructuredAnalysis {
  if (analysis.kind !== 'dataPackage' || !analysis.findings.some((f) => f.code === RULE && f.data.kind === 'schema')) return analysis;
  const cohort = dataPackageCohort(analysis.path, read, workspaceRoot);
  if (!cohort) return analysis;
  const descriptor = readDescriptor(analysis.path, read);
  const resources = packageResources(descriptor);
  const members = new Set(cohort.tables.map((t) => t.resourceIndex));
  const consenting = resources.filter((r) => members.has(r.index) && recordsConsent(rawSchema(analysis.path, descriptor, r, read, workspaceRoot)));
  if (consenting.length === 0) return analysis;
  const covered = (f: Finding): boolean => {
    const pointer = f.data.pointer;
    return f.code === RULE && f.data.kind === 'schema' && Array.isArray(pointer) && pointer[0] === 'resources' && members.has(pointer[1] as number);
  };
  return { ...analysis, findings: analysis.findings.filter((f) => !covered(f)) };
}
