// Quick fix of schema-data-mismatch for an undeclared column: add a field for it at the end
// of the schema's `fields`, with the narrowest Table Schema type its values all fit (seen
// in the profile), editing the schema file (or the Data Package holding it) in place.
import type { DatasetAnalysis } from '../../lintDataset';
import { parseStructured } from '../../structured/structuredDocument';
import { addSchemaField } from '../../structured/edits';
import type { SchemaDataMismatchMessages } from '../../rules/schema/schemaDataMismatch';
import type { MessageFix } from '../ruleFixes';

const CANDIDATES: [string, RegExp][] = [
  ['integer', /^[+-]?\d+$/],
  ['number', /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/],
  ['boolean', /^(true|false|TRUE|FALSE|True|False)$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/],
];

/** The first type every seen value fits; string when none does (or nothing was seen). */
export function inferFieldType(values: Iterable<string>): string {
  const seen = [...values];
  if (seen.length === 0) return 'string';
  return CANDIDATES.find(([, pattern]) => seen.every((v) => pattern.test(v)))?.[0] ?? 'string';
}

export const declareColumnFix: MessageFix<SchemaDataMismatchMessages, 'undeclared'> = (analysis, { data }, context) => {
  if (analysis.kind !== 'dataset') return [];
  const dataset = analysis as DatasetAnalysis;
  const { columnIndex, schemaPath, pointer } = data;
  const column = dataset.table.header[columnIndex];
  if (column === undefined || column !== data.column) return [];
  const text = context.read(schemaPath);
  if (text === undefined) return [];
  const doc = parseStructured(schemaPath, text);
  if (doc.value === undefined) return [];
  const type = inferFieldType(dataset.profile.columns[columnIndex]?.values.keys() ?? []);
  let edits;
  try {
    edits = addSchemaField(doc, pointer, { name: column, type });
  } catch {
    return []; // the schema file no longer has a fields array where the finding said
  }
  return [{ title: `Declare "${column}" (${type}) in ${schemaPath.split(/[\\/]/).pop()}`, changes: [{ path: schemaPath, edits }] }];
};
