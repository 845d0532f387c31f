// What makes a Data Package descriptor invalid for Cohort Lint's purposes: resources
// without a name or data, a schema that is neither an object nor a path, and a schema
// path that cannot be used (outside the workspace: never read; missing; not parsable; not
// a Table Schema). Inline schemas get the Table Schema checks (see schemaInvalid).
import * as path from 'node:path';
import type { StructuredContext } from '../../documents/structuredRule';
import { insideWorkspace, readSchemaFile, resolveFromDescriptor } from '../../schema/dataPackage';
import { readTableSchema } from '../../schema/readTableSchema';
import { parseStructured } from '../../structured/structuredDocument';
import type { Problem } from './tableSchemaProblems';

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function schemaPathProblems(context: StructuredContext, ref: string, at: (string | number)[], label: string): Problem[] {
  const file = readSchemaFile(context.path, ref, context.read, context.workspaceRoot);
  switch (file.status) {
    case 'remote':
      return [{
        path: at, kind: 'schema-remote', defaultSeverity: 'warning', extra: { ref },
        message: `${label}: the schema "${ref}" is a URL, not fetched: the resource's data is not checked against it`,
        detail: `The schema "${ref}" is a URL; remote schemas are not fetched (Cohort Lint makes no network requests), so the resource's data is not checked against it. Save a copy beside the descriptor and name that file here.`,
      }];
    case 'outside':
      return [{
        path: at, kind: 'schema-outside', message: `${label}: the schema path "${ref}" resolves outside the workspace, so it was not read`,
        detail: `The schema path "${ref}" resolves outside the workspace (${file.path}), so it was not read and the resource's data is not checked against it.`, extra: { ref },
      }];
    case 'missing':
      return [{ path: at, kind: 'schema-missing', message: `${label}: the schema file "${ref}" does not exist`, detail: `Looked for ${file.path}.`, extra: { ref, resolved: file.path } }];
    case 'ok': {
      const doc = parseStructured(file.path, file.text);
      if (doc.parseErrors.length > 0) {
        const first = doc.parseErrors[0];
        return [{
          path: at, kind: 'schema-unparsable', message: `${label}: the schema file "${ref}" does not parse (${doc.parseErrors.length} error${doc.parseErrors.length === 1 ? '' : 's'})`,
          detail: `The schema file "${ref}" does not parse (${doc.parseErrors.length} error${doc.parseErrors.length === 1 ? '' : 's'}, the first on its line ${first.range.start.line + 1}: ${first.message}).`, extra: { ref, resolved: file.path },
        }];
      }
      if (!readTableSchema(doc.value, file.path)) {
        return [{ path: at, kind: 'schema-not-table-schema', message: `${label}: "${ref}" is not a Table Schema (it has no "fields" array).`, extra: { ref, resolved: file.path } }];
      }
      return [];
    }
  }
}

export function dataPackageProblems(context: StructuredContext): Problem[] {
  const root = context.doc.value;
  if (!isObject(root)) return [{ path: [], kind: 'not-object', message: `A Data Package descriptor is an object with a "resources" array; this is ${kindOf(root)}.` }];
  if (!('resources' in root)) return [{ path: [], kind: 'no-resources', message: 'A Data Package needs a "resources" array listing its data files; this one has none.' }];
  if (!Array.isArray(root.resources)) return [{ path: ['resources'], kind: 'resources-not-array', message: `"resources" must be an array; it is ${kindOf(root.resources)}.` }];
  if (root.resources.length === 0) return [{ path: ['resources'], kind: 'no-resources', message: 'A Data Package needs at least one resource; "resources" is empty.' }];
  const problems: Problem[] = [];
  root.resources.forEach((resource, index) => {
    const at = ['resources', index];
    const n = index + 1;
    if (!isObject(resource)) { problems.push({ path: at, kind: 'resource-not-object', message: `Resource ${n} must be an object; it is ${kindOf(resource)}.` }); return; }
    const label = typeof resource.name === 'string' ? `Resource "${resource.name}"` : `Resource ${n}`;
    if (typeof resource.name !== 'string' || resource.name === '') {
      problems.push({ path: 'name' in resource ? [...at, 'name'] : at, kind: 'resource-unnamed', message: `Resource ${n} has no name; every resource needs a unique "name".` });
    }
    if (!('path' in resource) && !('data' in resource)) {
      problems.push({ path: at, kind: 'resource-no-data', message: `${label} has neither "path" nor "data", so it describes no data.` });
    }
    if ('path' in resource) {
      const paths = typeof resource.path === 'string' ? [resource.path] : Array.isArray(resource.path) ? resource.path : undefined;
      if (!paths || paths.some((p) => typeof p !== 'string')) {
        problems.push({ path: [...at, 'path'], kind: 'bad-path', message: `${label}: "path" must be a file path or an array of file paths; it is ${kindOf(resource.path)}.` });
      } else {
        paths.forEach((p, i) => {
          const target = resolveFromDescriptor(context.path, p as string);
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p as string)) return;
          if (path.isAbsolute(p as string) || (p as string).split('/').includes('..') || !insideWorkspace(target, context.workspaceRoot)) {
            problems.push({
              path: typeof resource.path === 'string' ? [...at, 'path'] : [...at, 'path', i], kind: 'path-outside',
              message: `${label}: the data path "${p}" must be relative, without "..", inside the workspace`,
              detail: `The data path "${p}" must be relative to the descriptor without "..", and stay inside the workspace (Data Package security rules); it resolves to ${target}.`,
              extra: { ref: p },
            });
          }
        });
      }
    }
    if ('schema' in resource) {
      const schema = resource.schema;
      if (typeof schema === 'string') problems.push(...schemaPathProblems(context, schema, [...at, 'schema'], label));
      else if (!isObject(schema)) {
        problems.push({ path: [...at, 'schema'], kind: 'bad-schema', message: `${label}: "schema" must be a Table Schema object or the path of a schema file; it is ${kindOf(schema)}.` });
      }
    }
  });
  return problems;
}
