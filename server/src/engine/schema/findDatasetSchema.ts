// Finds the Table Schema that describes a dataset: a sibling `<name>.schema.json|yaml`,
// or the policy's `schema:` map. (Data Package resources are looked up by the schema
// rules' owner; see issue 3.) Files outside the workspace are never read.
import * as path from 'node:path';
import type { LoadedPolicy } from '../policy/loadPolicy';
import { parseStructured } from '../structured/structuredDocument';
import type { TableSchema } from './model';
import { readTableSchema } from './readTableSchema';

export type ReadFile = (absolutePath: string) => string | undefined;

export function insideWorkspace(filePath: string, workspaceRoot: string | undefined): boolean {
  if (!workspaceRoot) return true;
  const rel = path.relative(path.resolve(workspaceRoot), path.resolve(filePath));
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function loadSchemaFile(schemaPath: string, read: ReadFile): TableSchema | undefined {
  const text = read(schemaPath);
  if (text === undefined) return undefined;
  const doc = parseStructured(schemaPath, text);
  return doc.value === undefined ? undefined : readTableSchema(doc.value, schemaPath);
}

export function findDatasetSchema(datasetPath: string, loaded: LoadedPolicy, read: ReadFile, workspaceRoot?: string): TableSchema | undefined {
  const dir = path.dirname(datasetPath);
  const stem = path.basename(datasetPath).replace(/\.[^.]+$/, '');
  const candidates: string[] = [];
  if (loaded.path) {
    const policyDir = path.dirname(loaded.path);
    for (const [dataset, schema] of Object.entries(loaded.policy.schemas)) {
      if (path.resolve(policyDir, dataset) === path.resolve(datasetPath)) candidates.push(path.resolve(policyDir, schema));
    }
  }
  for (const ext of ['json', 'yaml', 'yml']) candidates.push(path.join(dir, `${stem}.schema.${ext}`));
  for (const candidate of candidates) {
    if (!insideWorkspace(candidate, workspaceRoot)) continue;
    const schema = loadSchemaFile(candidate, read);
    if (schema) return schema;
  }
  return undefined;
}
