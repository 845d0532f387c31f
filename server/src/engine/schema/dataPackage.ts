// Frictionless Data Package descriptors (specs.frictionlessdata.io/data-package): which
// resources they list, where each resource's data and Table Schema are, and whether a
// schema path can be read at all. A path outside the workspace is never read.
import * as path from 'node:path';
import { parseStructured } from '../structured/structuredDocument';
import { insideWorkspace } from '../workspace';
import type { DocPath } from '../structured/structuredDocument';

export type ReadFile = (absolutePath: string) => string | undefined;

export const DATA_PACKAGE_NAMES = ['datapackage.json', 'datapackage.yaml', 'datapackage.yml'];

export type ResourceSchema =
  | { kind: 'inline'; pointer: DocPath }
  | { kind: 'path'; ref: string; pointer: DocPath }
  | { kind: 'none' }
  /** Neither an object nor a string: schema-invalid reports it. */
  | { kind: 'invalid'; pointer: DocPath };

export interface PackageResource {
  index: number;
  name?: string;
  /** The resource's `path` (a string, or an array of chunk paths), as written. */
  paths: string[];
  schema: ResourceSchema;
}

export { insideWorkspace } from '../workspace';

export function isRemote(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
}

/** The resources of a parsed descriptor; anything that is not an object is skipped. */
export function packageResources(value: unknown): PackageResource[] {
  const resources = value && typeof value === 'object' ? (value as { resources?: unknown }).resources : undefined;
  if (!Array.isArray(resources)) return [];
  return resources.flatMap((r, index): PackageResource[] => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) return [];
    const resource = r as Record<string, unknown>;
    const rawPath = resource.path;
    const paths = typeof rawPath === 'string' ? [rawPath] : Array.isArray(rawPath) ? rawPath.filter((p): p is string => typeof p === 'string') : [];
    const pointer: DocPath = ['resources', index, 'schema'];
    const s = resource.schema;
    const schema: ResourceSchema = s === undefined ? { kind: 'none' }
      : typeof s === 'string' ? { kind: 'path', ref: s, pointer }
      : s && typeof s === 'object' && !Array.isArray(s) ? { kind: 'inline', pointer }
      : { kind: 'invalid', pointer };
    return [{ index, name: typeof resource.name === 'string' ? resource.name : undefined, paths, schema }];
  });
}

/** Where a path written in a descriptor points (descriptor paths are POSIX and relative to it). */
export function resolveFromDescriptor(descriptorPath: string, ref: string): string {
  return path.resolve(path.dirname(descriptorPath), ref.split('/').join(path.sep));
}

export type SchemaFileStatus =
  | { status: 'ok'; path: string; text: string }
  | { status: 'remote' }
  | { status: 'outside'; path: string }
  | { status: 'missing'; path: string };

/** Reads a schema file named by a descriptor, unless it is remote or outside the workspace. */
export function readSchemaFile(descriptorPath: string, ref: string, read: ReadFile, workspaceRoot: string | undefined): SchemaFileStatus {
  if (isRemote(ref)) return { status: 'remote' };
  const target = resolveFromDescriptor(descriptorPath, ref);
  // Without a known workspace, the descriptor's own folder is the boundary.
  const root = workspaceRoot ?? path.dirname(descriptorPath);
  if (!insideWorkspace(target, root)) return { status: 'outside', path: target };
  const text = read(target);
  return text === undefined ? { status: 'missing', path: target } : { status: 'ok', path: target, text };
}

/** The descriptors that may describe a file: datapackage.json|yaml in its folder and each folder above, up to the root. */
export function descriptorCandidates(filePath: string, workspaceRoot: string | undefined): string[] {
  const candidates: string[] = [];
  let dir = path.dirname(path.resolve(filePath));
  const root = workspaceRoot ? path.resolve(workspaceRoot) : dir;
  for (;;) {
    if (!insideWorkspace(dir, root)) break;
    for (const name of DATA_PACKAGE_NAMES) candidates.push(path.join(dir, name));
    const parent = path.dirname(dir);
    if (parent === dir || dir === root) break;
    dir = parent;
  }
  return candidates;
}

/** Parses a descriptor; undefined when it does not exist or does not parse. */
export function readDescriptor(descriptorPath: string, read: ReadFile): unknown {
  const text = read(descriptorPath);
  if (text === undefined) return undefined;
  return parseStructured(descriptorPath, text).value;
}
