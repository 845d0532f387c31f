// A Data Package as a cohort, from its Table Schemas' foreignKeys
// (specs.frictionlessdata.io/table-schema/#foreign-keys): `fields` in this resource refer
// to `reference.fields` in `reference.resource`. The resource at the top of the chain
// (referred to, referring to none) is the participants table; every resource with a key
// to it joins the cohort on that key. Tables that refer only to another child (assays to
// samples) are not joined: their key is not the participant's.
// A self-reference (an empty or absent `reference.resource`) links no tables.
import * as path from 'node:path';
import { packageResources, readDescriptor, readSchemaFile, resolveFromDescriptor, isRemote, type PackageResource, type ReadFile } from '../schema/dataPackage';
import { detectAncestryColumns } from '../ancestry/detectColumns';
import { consentRoleOf } from '../consent/detectColumns';
import { participantColumn } from '../profile/participants';
import { nodeAt } from '../schema/readTableSchema';
import { parseStructured } from '../structured/structuredDocument';
import { insideWorkspace } from '../workspace';
import type { Cohort, CohortTable } from './model';

interface ForeignKey {
  from: PackageResource;
  fields: string[];
  to: string;
  toFields: string[];
}

function names(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value === '' ? undefined : [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '')) return value as string[];
  return undefined;
}

export function rawSchema(descriptorPath: string, descriptor: unknown, resource: PackageResource, read: ReadFile, workspaceRoot: string | undefined): unknown {
  const { schema } = resource;
  if (schema.kind === 'inline') return nodeAt(descriptor, schema.pointer);
  if (schema.kind !== 'path') return undefined;
  const file = readSchemaFile(descriptorPath, schema.ref, read, workspaceRoot);
  return file.status === 'ok' ? parseStructured(file.path, file.text).value : undefined;
}

function foreignKeysOf(schema: unknown, from: PackageResource): ForeignKey[] {
  const list = schema && typeof schema === 'object' ? (schema as { foreignKeys?: unknown }).foreignKeys : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((fk): ForeignKey[] => {
    if (!fk || typeof fk !== 'object') return [];
    const { fields, reference } = fk as { fields?: unknown; reference?: unknown };
    const own = names(fields);
    const ref = reference && typeof reference === 'object' ? reference as { resource?: unknown; fields?: unknown } : undefined;
    const to = typeof ref?.resource === 'string' ? ref.resource : '';
    const toFields = names(ref?.fields);
    if (!own || !toFields || own.length !== toFields.length || to === '' || to === from.name) return [];
    return [{ from, fields: own, to, toFields }];
  });
}

/** The one local data file of a resource inside the boundary, or undefined (remote, chunked, outside). */
function dataFile(descriptorPath: string, resource: PackageResource, bound: string): string | undefined {
  if (resource.paths.length !== 1) return undefined;
  const ref = resource.paths[0];
  if (isRemote(ref) || path.isAbsolute(ref) || ref.split('/').includes('..')) return undefined;
  const file = resolveFromDescriptor(descriptorPath, ref);
  return insideWorkspace(file, bound) ? file : undefined;
}

/** The cohort a descriptor defines, when its foreign keys link at least two local tables. */
export function dataPackageCohort(descriptorPath: string, read: ReadFile, workspaceRoot: string | undefined): Cohort | undefined {
  const descriptor = readDescriptor(descriptorPath, read);
  if (descriptor === undefined) return undefined;
  const resources = packageResources(descriptor);
  const named = new Set(resources.map((r) => r.name));
  // A key to a resource the package does not have links nothing.
  const keys = resources.flatMap((r) => foreignKeysOf(rawSchema(descriptorPath, descriptor, r, read, workspaceRoot), r)).filter((k) => named.has(k.to));
  if (keys.length === 0) return undefined;
  const referred = new Map<string, number>();
  for (const k of keys) referred.set(k.to, (referred.get(k.to) ?? 0) + 1);
  // The participants table is the top of the chain: a resource others refer to that refers
  // to none itself (participants above samples above assays), else the most referred.
  const referring = new Set(keys.map((k) => k.from.name));
  const ranked = [...referred].sort((a, b) => Number(referring.has(a[0])) - Number(referring.has(b[0])) || b[1] - a[1]);
  const target = ranked[0][0];
  const participants = resources.find((r) => r.name === target);
  const bound = workspaceRoot ?? path.dirname(descriptorPath);
  const participantsFile = participants && dataFile(descriptorPath, participants, bound);
  if (!participants || !participantsFile) return undefined;
  const toTarget = keys.filter((k) => k.to === target);
  const tables: CohortTable[] = [{ name: path.basename(participantsFile), path: participantsFile, key: toTarget[0].toFields, role: 'participants', resourceIndex: participants.index }];
  const seen = new Set<number>([participants.index]);
  for (const k of toTarget) {
    const file = dataFile(descriptorPath, k.from, bound);
    // The participants table's key is the one the first foreign key names; others must agree.
    if (!file || seen.has(k.from.index) || k.toFields.join('\u0000') !== tables[0].key.join('\u0000')) continue;
    seen.add(k.from.index);
    tables.push({ name: path.basename(file), path: file, key: k.fields, role: 'related', resourceIndex: k.from.index });
  }
  if (tables.length < 2 || !aboutParticipants(tables[0].key, rawSchema(descriptorPath, descriptor, participants, read, workspaceRoot))) return undefined;
  return { origin: 'dataPackage', definedBy: descriptorPath, tables };
}

/**
 * Whether the top table lists people: its key is named like a participant id (patient,
 * subject, person, participant, individual, donor), or its schema has an ancestry or
 * consent field. Cities referring to countries are linked by foreign keys too, and they
 * are not a cohort (checking such keys is a Table Schema validator's job).
 */
function aboutParticipants(key: string[], schema: unknown): boolean {
  const fields = schema && typeof schema === 'object' ? (schema as { fields?: unknown }).fields : undefined;
  const names = Array.isArray(fields) ? fields.flatMap((f) => (f && typeof f === 'object' && typeof (f as { name?: unknown }).name === 'string' ? [(f as { name: string }).name] : [])) : [];
  return detectAncestryColumns(names, undefined).length > 0 || names.some((n) => consentRoleOf(n) !== undefined) || key.some((k) => participantColumn([k], undefined) !== undefined);
}
