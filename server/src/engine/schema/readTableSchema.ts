// Reads a Table Schema's fields from a parsed document, tolerating what real schemas do
// (fields without a type, constraints left out). Validation is schema-invalid's job.
import type { TableSchema, TableSchemaField } from './model';

function asStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map((v) => String(v)) : undefined;
}

/** The schema at `pointer` inside `value`, or undefined when it has no `fields` array. */
export function readTableSchema(value: unknown, path: string, pointer: (string | number)[] = []): TableSchema | undefined {
  let node: unknown = value;
  for (const key of pointer) node = (node as Record<string | number, unknown> | undefined)?.[key];
  if (!node || typeof node !== 'object' || !Array.isArray((node as { fields?: unknown }).fields)) return undefined;
  const raw = node as { fields: unknown[]; missingValues?: unknown; primaryKey?: string | string[] };
  const fields: TableSchemaField[] = [];
  raw.fields.forEach((f, index) => {
    if (!f || typeof f !== 'object' || typeof (f as { name?: unknown }).name !== 'string') return;
    const field = f as Record<string, unknown>;
    fields.push({
      name: field.name as string,
      type: typeof field.type === 'string' ? field.type : undefined,
      format: typeof field.format === 'string' ? field.format : undefined,
      title: typeof field.title === 'string' ? field.title : undefined,
      description: typeof field.description === 'string' ? field.description : undefined,
      constraints: field.constraints && typeof field.constraints === 'object' ? (field.constraints as TableSchemaField['constraints']) : undefined,
      missingValues: asStrings(field.missingValues),
      index,
    });
  });
  return { path, pointer, fields, missingValues: asStrings(raw.missingValues) ?? [''], primaryKey: raw.primaryKey };
}
