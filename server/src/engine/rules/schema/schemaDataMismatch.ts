// schema-data-mismatch: a dataset against the Table Schema that describes it. The header
// must match the declared fields; each cell must fit its field's type and constraints.
// The row scan keeps counts and the first few line numbers per column, so it works on
// files streamed from disk too.
import * as path from 'node:path';
import { labelKey } from '../../ancestry/labelKey';
import { count, percent } from '../../format';
import { isIdentifierColumn } from '../../phenotype/identifiers';
import type { TableSchema, TableSchemaField } from '../../schema/model';
import { fieldChecker, VIOLATION_KINDS, type FieldChecker, type ViolationKind } from '../../schema/valueChecks';
import { safeText } from '../../structured/safeText';
import type { DatasetRule, RawFindingOf, RowScan } from '../rule';

/** How many line numbers each column keeps, and how many distinct out-of-enum values. */
const FIRST_LINES = 5;
const ENUM_EXAMPLES = 3;

interface ColumnState {
  columnIndex: number;
  field: TableSchemaField;
  checker: FieldChecker;
  counts: Record<ViolationKind, number>;
  /** Cells with at least one violation. */
  cells: number;
  /** 1-based line numbers of the first cells with a violation. */
  lines: number[];
  /** Distinct values outside the enum, counted (only for enumerated, non-key fields). */
  outOfEnum?: Map<string, number>;
}

interface MismatchState {
  schema: TableSchema;
  header: string[];
  columns: ColumnState[];
  rows: number;
}

/** Header index of each field: the exact name, else the same name ignoring case and separators. */
export function matchFields(header: string[], fields: TableSchemaField[]): Map<TableSchemaField, number> {
  const matched = new Map<TableSchemaField, number>();
  const taken = new Set<number>();
  for (const field of fields) {
    const i = header.indexOf(field.name);
    if (i >= 0 && !taken.has(i)) { matched.set(field, i); taken.add(i); }
  }
  for (const field of fields) {
    if (matched.has(field)) continue;
    const i = header.findIndex((h, j) => !taken.has(j) && labelKey(h) === labelKey(field.name));
    if (i >= 0) { matched.set(field, i); taken.add(i); }
  }
  return matched;
}

function isKeyField(schema: TableSchema, field: TableSchemaField): boolean {
  const key = schema.primaryKey;
  return typeof key === 'string' ? key === field.name : Array.isArray(key) && key.includes(field.name);
}

const scan: RowScan<MismatchState | undefined> = {
  begin({ header, schema }) {
    if (!schema) return undefined;
    const columns: ColumnState[] = [];
    for (const [field, columnIndex] of matchFields(header, schema.fields)) {
      // Out-of-enum values are quoted in the message: never for a key or an identifier column
      // (an SSN or a city outside a schema's enum must not reach a report).
      const enumerated = Array.isArray(field.constraints?.enum) && !isKeyField(schema, field) && !isIdentifierColumn(header[columnIndex]) && !isIdentifierColumn(field.name);
      columns.push({
        columnIndex, field, checker: fieldChecker(field, schema),
        counts: Object.fromEntries(VIOLATION_KINDS.map((k) => [k, 0])) as Record<ViolationKind, number>,
        cells: 0, lines: [], outOfEnum: enumerated ? new Map() : undefined,
      });
    }
    columns.sort((a, b) => a.columnIndex - b.columnIndex);
    return { schema, header, columns, rows: 0 };
  },
  row(state, values, line) {
    if (!state) return;
    state.rows++;
    for (const column of state.columns) {
      const value = column.columnIndex < values.length ? values[column.columnIndex] : '';
      const violations = column.checker.check(value);
      if (violations.length === 0) continue;
      column.cells++;
      for (const kind of violations) column.counts[kind]++;
      if (column.lines.length < FIRST_LINES) column.lines.push(line + 1);
      if (column.outOfEnum && violations.includes('enum')) {
        const seen = column.outOfEnum.get(value);
        if (seen !== undefined) column.outOfEnum.set(value, seen + 1);
        else if (column.outOfEnum.size < 50) column.outOfEnum.set(value, 1);
      }
    }
  },
};

function bound(field: TableSchemaField, inclusive: string, exclusive: string): string {
  const c = (field.constraints ?? {}) as Record<string, unknown>;
  return c[inclusive] !== undefined ? safeText(c[inclusive]) : `${safeText(c[exclusive])} (exclusive)`;
}

const KIND_TEXT: Record<ViolationKind, (field: TableSchemaField) => string> = {
  required: () => 'missing in a required field',
  type: (f) => `not a valid ${f.type}${f.format && f.format !== 'default' ? ` (format ${f.format})` : ''}`,
  enum: (f) => {
    const n = (f.constraints?.enum as unknown[]).length;
    return `not in its enum (${count(n)} ${n === 1 ? 'value' : 'values'})`;
  },
  pattern: (f) => `not matching its pattern ${f.constraints?.pattern}`,
  minimum: (f) => `below its minimum ${bound(f, 'minimum', 'exclusiveMinimum')}`,
  maximum: (f) => `above its maximum ${bound(f, 'maximum', 'exclusiveMaximum')}`,
  length: (f) => `outside its length limits${f.constraints?.minLength !== undefined ? ` (min ${f.constraints.minLength})` : ''}${f.constraints?.maxLength !== undefined ? ` (max ${f.constraints.maxLength})` : ''}`,
};

/** What a verdict says of each kind of violation; KIND_TEXT gives the detail. */
const SHORT_KIND: Record<ViolationKind, string> = {
  required: 'missing', type: 'wrong type', enum: 'outside the enum', pattern: 'not matching the pattern',
  minimum: 'below the minimum', maximum: 'above the maximum', length: 'wrong length',
};

/** How messages name the schema: its file, or the Data Package that holds it inline. */
export function schemaName(schema: TableSchema): string {
  if (schema.descriptorPath && schema.path === schema.descriptorPath) return `the inline schema in ${path.basename(schema.descriptorPath)}`;
  return path.basename(schema.path);
}

function names(list: string[], max = 6): string {
  const shown = list.slice(0, max).map((n) => `"${n}"`).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

type SchemaData = ReturnType<typeof schemaData>;

function schemaData(schema: TableSchema) {
  return { schemaPath: schema.path, pointer: schema.pointer, descriptorPath: schema.descriptorPath };
}

export type SchemaDataMismatchMessages = {
  'no-match': { kind: 'no-match'; columns: number; fields: number } & SchemaData;
  'absent-fields': { kind: 'absent-fields'; fields: string[]; required: string[]; declared: number } & SchemaData;
  undeclared: { kind: 'undeclared'; column: string; columnIndex: number } & SchemaData;
  values: { kind: 'values'; column: string; columnIndex: number; field: string; rows: number; cells: number; counts: Record<string, number>; lines: number[]; outOfEnum: Record<string, number> | undefined } & SchemaData;
};

export const schemaDataMismatch: DatasetRule<SchemaDataMismatchMessages> = {
  id: 'schema-data-mismatch',
  defaultSeverity: 'warning',
  description: 'A dataset that does not follow its Table Schema: fields declared but absent, columns not declared, and per column the values violating type, enum, pattern, minimum/maximum, length or required.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    'no-match': 'No column matches a field of the schema.',
    'absent-fields': 'Fields the schema declares that the table lacks.',
    undeclared: 'A column the schema does not declare.',
    values: 'A column\'s values that break its field\'s type or constraints.',
  },
  scan,
  check({ schema, table, scans, headerCell }) {
    const state = scans.get(scan);
    if (!schema || !state || !table.headerRow) return [];
    const findings: RawFindingOf<SchemaDataMismatchMessages>[] = [];
    const name = schemaName(schema);
    const headerLine = table.lines.range(table.headerRow.start, table.headerRow.end);
    const matched = matchFields(table.header, schema.fields);
    if (matched.size === 0 && schema.fields.length > 0) {
      return [{
        messageId: 'no-match',
        range: headerLine,
        message: `None of the ${count(table.header.length)} columns is declared in ${name} (${count(schema.fields.length)} fields): is it another file's schema?`,
        detail: `None of the ${count(table.header.length)} columns is declared in ${name}, which declares ${count(schema.fields.length)} fields (${names(schema.fields.map((f) => f.name), 4)}): is it the schema of another file?`,
        data: { kind: 'no-match', columns: table.header.length, fields: schema.fields.length, ...schemaData(schema) },
      }];
    }
    const absent = schema.fields.filter((f) => !matched.has(f));
    if (absent.length > 0) {
      const required = absent.filter((f) => f.constraints?.required === true || isKeyField(schema, f));
      findings.push({
        messageId: 'absent-fields',
        range: headerLine,
        message: absent.length === 1
          ? `Field "${absent[0].name}" declared in ${name} is not in the header${required.length > 0 ? ' (required)' : ''}`
          : `${count(absent.length)} of the ${count(schema.fields.length)} fields declared in ${name} are not in the header` +
            `${required.length > 0 ? ` (${count(required.length)} required)` : ''}`,
        detail: `${count(absent.length)} of the ${count(schema.fields.length)} fields declared in ${name} ${absent.length === 1 ? 'is' : 'are'} not in the header: ${names(absent.map((f) => f.name))}` +
          `${required.length > 0 ? ` (${count(required.length)} required: ${names(required.map((f) => f.name), 3)})` : ''}.`,
        data: { kind: 'absent-fields', fields: absent.map((f) => f.name), required: required.map((f) => f.name), declared: schema.fields.length, ...schemaData(schema) },
      });
    }
    const declaredColumns = new Set(matched.values());
    table.header.forEach((column, columnIndex) => {
      if (declaredColumns.has(columnIndex)) return;
      findings.push({
        messageId: 'undeclared',
        range: headerCell(columnIndex),
        message: `Column "${column}" is not declared in ${name}: its values are not checked`,
        detail: `Column "${column}" is not declared in ${name} (${count(schema.fields.length)} fields), so its values are not checked against a type or constraints.`,
        data: { kind: 'undeclared', column, columnIndex, ...schemaData(schema) },
      });
    });
    for (const column of state.columns) {
      if (column.cells === 0) continue;
      const kinds = VIOLATION_KINDS.filter((k) => column.counts[k] > 0);
      const parts = kinds.map((k) => `${count(column.counts[k])} ${KIND_TEXT[k](column.field)}`);
      const examples = column.outOfEnum && column.outOfEnum.size > 0
        ? `; outside the enum: ${[...column.outOfEnum].sort((a, b) => b[1] - a[1]).slice(0, ENUM_EXAMPLES).map(([v, n]) => `"${v}" (${count(n)})`).join(', ')}${column.outOfEnum.size > ENUM_EXAMPLES ? ', ...' : ''}`
        : '';
      const header = table.header[column.columnIndex];
      findings.push({
        messageId: 'values',
        range: headerCell(column.columnIndex),
        message: `Column "${header}": ${count(column.cells)} of ${count(state.rows)} values (${percent(state.rows > 0 ? column.cells / state.rows : 0)}) do not fit its field` +
          ` (${kinds.slice(0, 2).map((k) => `${count(column.counts[k])} ${SHORT_KIND[k]}`).join(', ')}${kinds.length > 2 ? ', ...' : ''})`,
        detail: `Column "${header}": ${count(column.cells)} of ${count(state.rows)} values (${percent(state.rows > 0 ? column.cells / state.rows : 0)}) do not fit field "${column.field.name}" of ${name}: ` +
          `${parts.join(', ')}${examples}. First at line${column.lines.length === 1 ? '' : 's'} ${column.lines.join(', ')}.`,
        data: {
          kind: 'values', column: header, columnIndex: column.columnIndex, field: column.field.name, rows: state.rows, cells: column.cells,
          counts: Object.fromEntries(kinds.map((k) => [k, column.counts[k]])), lines: column.lines,
          outOfEnum: column.outOfEnum && column.outOfEnum.size > 0 ? Object.fromEntries(column.outOfEnum) : undefined,
          ...schemaData(schema),
        },
      });
    }
    return findings;
  },
};
