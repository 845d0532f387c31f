// Finds the Table Schema that describes a dataset, in the order the policy file's JSON
// Schema documents: a Data Package resource whose `path` names the dataset (nearest
// datapackage.json|yaml first, from the dataset's folder up to the workspace root; its
// schema inline or by path), then a sibling `<name>.schema.json|yaml`, then the policy's
// `schema:` map. Files outside the workspace are never read; a schema that cannot be
// read is skipped here (the descriptor's own diagnostics say why).
import * as path from 'node:path';
import type { LoadedPolicy } from '../policy/loadPolicy';
import { parseStructured } from '../structured/structuredDocument';
import { descriptorCandidates, insideWorkspace, isRemote, packageResources, readDescriptor, readSchemaFile, resolveFromDescriptor, type ReadFile } from './dataPackage';
import type { TableSchema } from './model';
import { readTableSchema } from './readTableSchema';

export { insideWorkspace } from './dataPackage';
export type { ReadFile } from './dataPackage';

function loadSchemaFile(schemaPath: string, read: ReadFile): TableSchema | undefined {
  const text = read(schemaPath);
  if (text === undefined) return undefined;
  const doc = parseStructured(schemaPath, text);
  return doc.value === undefined ? undefined : readTableSchema(doc.value, schemaPath);
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  // Windows and macOS file systems are usually case-insensitive.
  return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

/** The schema a Data Package descriptor gives the dataset, if it lists it. */
function fromDescriptor(descriptorPath: string, datasetPath: string, read: ReadFile, workspaceRoot: string | undefined): TableSchema | undefined {
  const value = readDescriptor(descriptorPath, read);
  if (value === undefined) return undefined;
  for (const resource of packageResources(value)) {
    if (!resource.paths.some((p) => samePath(resolveFromDescriptor(descriptorPath, p), datasetPath))) continue;
    const { schema } = resource;
    if (schema.kind === 'inline') {
      const found = readTableSchema(value, descriptorPath, schema.pointer);
      if (found) return { ...found, descriptorPath };
    }
    if (schema.kind === 'path') {
      const file = readSchemaFile(descriptorPath, schema.ref, read, workspaceRoot);
      if (file.status !== 'ok') continue;
      const doc = parseStructured(file.path, file.text);
      const found = doc.value === undefined ? undefined : readTableSchema(doc.value, file.path);
      if (found) return { ...found, descriptorPath };
    }
  }
  return undefined;
}

function siblingCandidates(datasetPath: string): string[] {
  const dir = path.dirname(datasetPath);
  const stem = path.basename(datasetPath).replace(/\.[^.]+$/, '');
  return ['json', 'yaml', 'yml'].map((ext) => path.join(dir, `${stem}.schema.${ext}`));
}

function policyCandidates(datasetPath: string, loaded: LoadedPolicy): string[] {
  if (!loaded.path) return [];
  const policyDir = path.dirname(loaded.path);
  return Object.entries(loaded.policy.schemas)
    .filter(([dataset, schema]) => !isRemote(schema) && samePath(path.resolve(policyDir, dataset), datasetPath))
    .map(([, schema]) => path.resolve(policyDir, schema));
}

export function findDatasetSchema(datasetPath: string, loaded: LoadedPolicy, read: ReadFile, workspaceRoot?: string): TableSchema | undefined {
  for (const descriptor of descriptorCandidates(datasetPath, workspaceRoot)) {
    // A descriptor that is a link to a file outside the workspace is not the project's.
    if (!insideWorkspace(descriptor, workspaceRoot ?? path.dirname(datasetPath))) continue;
    const schema = fromDescriptor(descriptor, datasetPath, read, workspaceRoot);
    if (schema) return schema;
  }
  // Without a workspace (a lone file, the CLI outside its folder) the policy's own folder
  // bounds what its schema map may name, as config-invalid reports it.
  const bound = workspaceRoot ?? (loaded.path ? path.dirname(loaded.path) : path.dirname(datasetPath));
  for (const candidate of [...siblingCandidates(datasetPath), ...policyCandidates(datasetPath, loaded)]) {
    if (!insideWorkspace(candidate, bound)) continue;
    const schema = loadSchemaFile(candidate, read);
    if (schema) return schema;
  }
  return undefined;
}

/**
 * Every file whose creation, change or deletion can change which schema a dataset gets,
 * or what it says: the descriptors and siblings looked for, the policy's mapping, and the
 * schema found (which may be a file a descriptor names). The language server re-lints an
 * open dataset when any of these changes.
 */
export function schemaSourcesFor(datasetPath: string, loaded: LoadedPolicy, read: ReadFile, workspaceRoot?: string): string[] {
  const sources = new Set<string>([
    ...descriptorCandidates(datasetPath, workspaceRoot),
    ...siblingCandidates(datasetPath),
    ...policyCandidates(datasetPath, loaded),
  ]);
  const schema = findDatasetSchema(datasetPath, loaded, read, workspaceRoot);
  if (schema) sources.add(schema.path);
  return [...sources].map((p) => path.resolve(p));
}
