// Reads a Table Schema's fields from a parsed document, tolerating what real schemas do
// (fields without a type, constraints left out, a `$ref` where a field should be).
// Validation is schema-invalid's job: here whatever cannot be used is simply skipped.
import { safeText } from '../structured/safeText';
import type { TableSchema, TableSchemaField } from './model';

/** A list of strings; Table Schema v2 also allows missingValues as `{value, label}` objects. */
function asStrings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((v) => (v && typeof v === 'object' && 'value' in v ? safeText((v as { value: unknown }).value) : safeText(v)));
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The node at `pointer` inside `value`. */
export function nodeAt(value: unknown, pointer: (string | number)[]): unknown {
  let node: unknown = value;
  for (const key of pointer) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** The schema at `pointer` inside `value`, or undefined when it has no `fields` array. */
export function readTableSchema(value: unknown, path: string, pointer: (string | number)[] = []): TableSchema | undefined {
  const node = nodeAt(value, pointer);
  if (!node || typeof node !== 'object' || !Array.isArray((node as { fields?: unknown }).fields)) return undefined;
  const raw = node as { fields: unknown[]; missingValues?: unknown; primaryKey?: unknown };
  const fields: TableSchemaField[] = [];
  raw.fields.forEach((f, index) => {
    if (!f || typeof f !== 'object' || typeof (f as { name?: unknown }).name !== 'string') return;
    const field = f as Record<string, unknown>;
    fields.push({
      name: field.name as string,
      type: asString(field.type),
      format: asString(field.format),
      title: asString(field.title),
      description: asString(field.description),
      constraints: field.constraints && typeof field.constraints === 'object' && !Array.isArray(field.constraints)
        ? (field.constraints as TableSchemaField['constraints'])
        : undefined,
      missingValues: asStrings(field.missingValues),
      trueValues: asStrings(field.trueValues),
      falseValues: asStrings(field.falseValues),
      decimalChar: asString(field.decimalChar),
      groupChar: asString(field.groupChar),
      bareNumber: typeof field.bareNumber === 'boolean' ? field.bareNumber : undefined,
      index,
    });
  });
  const primaryKey = typeof raw.primaryKey === 'string' || Array.isArray(raw.primaryKey) ? (raw.primaryKey as string | string[]) : undefined;
  const declared = asStrings(raw.missingValues);
  return { path, pointer, fields, missingValues: declared ?? [''], declaredMissingValues: declared, primaryKey };
}
