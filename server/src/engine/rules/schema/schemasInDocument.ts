// The Table Schemas a document holds, with where they sit: the whole document for a
// schema file, each inline `resources[i].schema` for a Data Package. Schema rules read
// these, so an inline schema gets the same checks as a schema file.
import { detectAncestryColumns } from '../../ancestry/detectColumns';
import { detectIndicatorVariable, type IndicatorVariable } from '../../ancestry/indicatorColumns';
import type { StructuredContext } from '../../documents/structuredRule';
import type { Policy } from '../../policy/policy';
import { packageResources } from '../../schema/dataPackage';
import { nodeAt } from '../../schema/readTableSchema';
import type { DocPath, StructuredDocument } from '../../structured/structuredDocument';
import type { Range } from '../../types';

export interface SchemaField {
  /** Index in the `fields` array. */
  index: number;
  path: DocPath;
  name: string;
  value: Record<string, unknown>;
}

export interface SchemaInDocument {
  /** [] for a schema file, ['resources', i, 'schema'] inline in a Data Package. */
  pointer: DocPath;
  value: unknown;
  /** Fields that are objects with a string name (others are schema-invalid's to report). */
  fields: SchemaField[];
  /** How messages start for this schema: "" for a schema file, `Resource "name" schema: ` inline. */
  where: string;
}

function namedFields(value: unknown, pointer: DocPath): SchemaField[] {
  const fields = value && typeof value === 'object' ? (value as { fields?: unknown }).fields : undefined;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((f, index) => {
    if (!f || typeof f !== 'object' || Array.isArray(f) || typeof (f as { name?: unknown }).name !== 'string') return [];
    return [{ index, path: [...pointer, 'fields', index], name: (f as { name: string }).name, value: f as Record<string, unknown> }];
  });
}

export function schemasIn(context: Pick<StructuredContext, 'kind' | 'doc'>): SchemaInDocument[] {
  const { doc, kind } = context;
  if (kind === 'tableSchema') return [{ pointer: [], value: doc.value, fields: namedFields(doc.value, []), where: '' }];
  if (kind !== 'dataPackage') return [];
  return packageResources(doc.value).flatMap((resource) => {
    if (resource.schema.kind !== 'inline') return [];
    const pointer = resource.schema.pointer;
    const value = nodeAt(doc.value, pointer);
    const where = `Resource ${resource.name ? `"${resource.name}"` : resource.index + 1} schema: `;
    return [{ pointer, value, fields: namedFields(value, pointer), where }];
  });
}

/** The first line of a node's range: a finding on a multi-line object marks its opening line only. */
export function firstLineOf(doc: StructuredDocument, path: DocPath, target: 'key' | 'value' = 'value'): Range {
  const range = doc.locate(path, target);
  if (range.start.line === range.end.line) return range;
  const line = doc.lines.lineRange(range.start.line);
  return { start: range.start, end: line.end };
}

/** 1-based line of a node, for messages that point at another place in the file. */
export function lineOf(doc: StructuredDocument, path: DocPath): number {
  return doc.locate(path, 'value').start.line + 1;
}

export interface SchemaAncestry {
  /** Fields named like ancestry, race or ethnicity (or as the policy names them). */
  fields: SchemaField[];
  /** Per-group yes/no fields read together as one variable. */
  indicators?: IndicatorVariable;
}

/** The ancestry of a schema: single fields and a set of per-group yes/no fields. */
export function schemaAncestry(schema: SchemaInDocument, policy: Policy): SchemaAncestry {
  const names = schema.fields.map((f) => f.name);
  const indices = detectAncestryColumns(names, policy.ancestry.columns);
  const indicators = detectIndicatorVariable(names, schema.fields.map((f) => (typeof f.value.title === 'string' ? f.value.title : undefined)));
  // Member indices refer to positions in `names`; map them back to fields.
  const mapped = indicators && { ...indicators, members: indicators.members.map((m) => ({ ...m, index: schema.fields[m.index].index })) };
  return { fields: indices.map((i) => schema.fields[i]), indicators: mapped };
}
