// The policy file's `schema:` map (dataset path -> schema path, relative to the policy)
// checked as the policy is linted: a schema path that leaves the workspace is never read
// and one that does not exist or is not a Table Schema is reported, each on its value.
import * as path from 'node:path';
import type { ConfigInvalidMessages } from '../rules/outcome/outcomeConfigInvalid';
import type { RawFindingOf } from '../rules/rule';

type SchemaPathFinding = RawFindingOf<ConfigInvalidMessages, 'schema-path'>;
import { parseStructured, type StructuredDocument } from '../structured/structuredDocument';
import { insideWorkspace, isRemote, type ReadFile } from './dataPackage';
import { readTableSchema } from './readTableSchema';

/** `policy` is the policy's text, or its already parsed document (loadPolicy has one). */
export function policySchemaPathFindings(policyPath: string, policy: string | StructuredDocument, schemas: Record<string, string>, read: ReadFile, workspaceRoot?: string): SchemaPathFinding[] {
  const entries = Object.entries(schemas);
  if (entries.length === 0) return [];
  const doc = typeof policy === 'string' ? parseStructured(policyPath, policy) : policy;
  const root = workspaceRoot ?? path.dirname(policyPath);
  const findings: SchemaPathFinding[] = [];
  for (const [dataset, ref] of entries) {
    const range = doc.locate(['schema', dataset], 'value');
    if (isRemote(ref)) {
      findings.push({ messageId: 'schema-path', range, message: `The schema for "${dataset}" is a URL, "${ref}": remote schemas are not fetched`, detail: `The schema for "${dataset}" is the URL "${ref}": remote schemas are not fetched (Cohort Lint makes no network requests), so the dataset is not checked against it. Save a copy in the workspace and name that file here.`, data: { kind: 'schema-path', dataset, ref, problem: 'remote' } });
      continue;
    }
    const target = path.resolve(path.dirname(policyPath), ref);
    const data = { kind: 'schema-path' as const, dataset, ref, resolved: target };
    if (!insideWorkspace(target, root)) {
      findings.push({ messageId: 'schema-path', range, message: `The schema for "${dataset}", "${ref}", is outside the workspace: not read`, detail: `The schema for "${dataset}" is "${ref}", which resolves outside the workspace (${target}, following symbolic links); it was not read, so the dataset is not checked against it.`, data: { ...data, problem: 'outside' } });
      continue;
    }
    const text = read(target);
    if (text === undefined) {
      findings.push({ messageId: 'schema-path', range, message: `The schema for "${dataset}", "${ref}", does not exist`, detail: `The schema for "${dataset}" is "${ref}", which does not exist (looked for ${target}).`, data: { ...data, problem: 'missing' } });
      continue;
    }
    const schemaDoc = parseStructured(target, text);
    if (schemaDoc.value === undefined || !readTableSchema(schemaDoc.value, target)) {
      const why = schemaDoc.parseErrors.length > 0 ? `does not parse (${schemaDoc.parseErrors[0].message}, line ${schemaDoc.parseErrors[0].range.start.line + 1})` : 'is not a Table Schema (no "fields" array)';
      const verdict = schemaDoc.parseErrors.length > 0 ? 'does not parse' : 'is not a Table Schema';
      findings.push({ messageId: 'schema-path', range, message: `The schema for "${dataset}", "${ref}", ${verdict}`, detail: `The schema for "${dataset}", "${ref}", ${why}.`, data: { ...data, problem: 'invalid' } });
    }
  }
  return findings;
}
