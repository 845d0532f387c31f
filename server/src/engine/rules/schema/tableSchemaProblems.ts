// What makes a Table Schema invalid, one problem per mistake, each on the key or value
// that is wrong: a field type the spec does not have, `fields` that is not an array,
// duplicate names, constraints of the wrong type or that no value can meet, a `$ref`
// (Table Schema has no references), missingValues and primaryKey that do not fit.
import { CONSTRAINT_NAMES, isFieldType, NUMERIC_TYPES, ORDERED_TYPES, suggestConstraint, suggestType } from '../../schema/fieldTypes';
import { safeText } from '../../structured/safeText';
import { tablePattern } from '../../schema/pattern';
import type { DocPath, StructuredDocument } from '../../structured/structuredDocument';
import type { Severity } from '../../types';
import type { RawFindingOf } from '../rule';
import type { SchemaInvalidMessages } from './schemaInvalid';
import { firstLineOf, lineOf, type SchemaInDocument } from './schemasInDocument';

interface Problem {
  path: DocPath;
  target?: 'key' | 'value';
  kind: string;
  /** The verdict, one line. */
  message: string;
  /** What the verdict rests on and what to do, when it does not fit the line. */
  detail?: string;
  extra?: Record<string, unknown>;
  /** Milder than the rule's default (a remote schema: valid, but not checked). */
  defaultSeverity?: Severity;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a `$ref` resolves to something in this document (only `#/a/b` JSON pointers can). */
function refTarget(root: unknown, ref: string): 'resolves' | 'dangling' | 'malformed' | 'external' {
  if (!ref.startsWith('#')) return 'external';
  if (!ref.startsWith('#/')) return 'malformed';
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !(key in (node as object))) return 'dangling';
    node = (node as Record<string, unknown>)[key];
  }
  return 'resolves';
}

function refProblem(root: unknown, ref: unknown, path: DocPath, what: string): Problem {
  const text = typeof ref === 'string' ? ref : show(ref);
  const status = typeof ref === 'string' ? refTarget(root, ref) : 'malformed';
  const why = {
    resolves: 'it points into this file, but no Table Schema tool follows it',
    dangling: 'it points to nothing in this file',
    malformed: 'it is not a JSON pointer (those start with "#/")',
    external: 'it names another file, which is not read',
  }[status];
  return {
    path, kind: 'ref',
    message: `${what} is a "$ref" to ${show(text)}: Table Schema has no references`,
    detail: `Table Schema has no references, so Frictionless tools reject it and Cohort Lint cannot check it; ${why}. Write the definition out in place.`,
    extra: { ref: text, resolution: status },
  };
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function checkStringList(value: unknown, path: DocPath, label: string, root: unknown, labelledObjects = false): Problem[] {
  if (isObject(value) && '$ref' in value) return [refProblem(root, value.$ref, [...path, '$ref'], label)];
  if (!Array.isArray(value)) return [{ path, kind: 'not-a-list', message: `${label} must be an array of strings; it is ${typeName(value)}.` }];
  // Table Schema v2 allows missingValues as objects: {"value": "-99", "label": "refused"}.
  const ok = (item: unknown) => typeof item === 'string' || (labelledObjects && isObject(item) && typeof item.value === 'string');
  return value.flatMap((item, i) => (ok(item) ? [] : [{
    path: [...path, i], kind: 'not-a-string',
    message: `${label} item ${i + 1} is ${typeName(item)}, not a string`,
    detail: `${label} item ${i + 1} (${show(item)}) is ${typeName(item)}; Table Schema compares cells as text, so write it as a string (${show(safeText(item))}).`,
  }]));
}

function checkConstraints(constraints: unknown, path: DocPath, type: string | undefined, fieldName: string): Problem[] {
  if (!isObject(constraints)) return [{ path, kind: 'constraints-not-object', message: `The constraints of field "${fieldName}" must be an object; they are ${typeName(constraints)}.` }];
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(constraints)) {
    const at = [...path, key];
    if (!(CONSTRAINT_NAMES as readonly string[]).includes(key)) {
      const suggestion = suggestConstraint(key);
      problems.push({
        path: at, target: 'key', kind: 'unknown-constraint',
        message: `Unknown constraint "${key}" on field "${fieldName}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        detail: `Table Schema constraints are ${CONSTRAINT_NAMES.join(', ')}; an unknown one is ignored by every validator.`,
        extra: { constraint: key, suggestion },
      });
      continue;
    }
    if ((key === 'required' || key === 'unique') && typeof value !== 'boolean') {
      problems.push({ path: at, kind: 'bad-constraint', message: `Constraint "${key}" of field "${fieldName}" must be true or false; it is ${show(value)}.`, extra: { constraint: key } });
    }
    if ((key === 'minLength' || key === 'maxLength') && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
      problems.push({ path: at, kind: 'bad-constraint', message: `Constraint "${key}" of field "${fieldName}" must be a whole number of 0 or more; it is ${show(value)}.`, extra: { constraint: key } });
    }
    if (key === 'minimum' || key === 'maximum' || key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      if (type && !ORDERED_TYPES.has(type)) {
        problems.push({ path: at, target: 'key', kind: 'bad-constraint', message: `Constraint "${key}" does not apply to field "${fieldName}" of type ${type}`, detail: `It applies to ${[...ORDERED_TYPES].join(', ')}.`, extra: { constraint: key } });
      } else if (NUMERIC_TYPES.has(type ?? '') && numeric(value) === undefined) {
        problems.push({ path: at, kind: 'bad-constraint', message: `Constraint "${key}" of ${type} field "${fieldName}" must be a number; it is ${show(value)}.`, extra: { constraint: key } });
      } else if (typeof value !== 'number' && typeof value !== 'string') {
        problems.push({ path: at, kind: 'bad-constraint', message: `Constraint "${key}" of field "${fieldName}" must be a number or a date/time string; it is ${typeName(value)}.`, extra: { constraint: key } });
      }
    }
    if (key === 'pattern') {
      if (typeof value !== 'string') {
        problems.push({ path: at, kind: 'bad-constraint', message: `Constraint "pattern" of field "${fieldName}" must be a string (a regular expression); it is ${typeName(value)}.`, extra: { constraint: key } });
      } else {
        const compiled = tablePattern(value);
        if (!compiled.ok && compiled.kind === 'invalid') {
          problems.push({ path: at, kind: 'bad-pattern', message: `The pattern of field "${fieldName}" is not a valid regular expression`, detail: `${compiled.reason}.`, extra: { constraint: key } });
        } else if (!compiled.ok) {
          problems.push({
            path: at, kind: 'unsupported-pattern', extra: { constraint: key },
            message: `The pattern of field "${fieldName}" uses lookaround or a backreference: its values are not checked`,
            detail: `The pattern uses what Table Schema patterns (XML Schema regular expressions) do not have and what cannot be matched in linear time (${compiled.reason}): lookahead, lookbehind or a backreference. Values of the field are not checked against it; rewrite it without them.`,
          });
        }
      }
    }
    if (key === 'enum') problems.push(...checkEnum(value, at, type, fieldName));
  }
  problems.push(...checkBounds(constraints, path, fieldName, 'minimum', 'maximum', type));
  problems.push(...checkBounds(constraints, path, fieldName, 'minLength', 'maxLength', 'length'));
  return problems;
}

function checkEnum(value: unknown, at: DocPath, type: string | undefined, fieldName: string): Problem[] {
  if (!Array.isArray(value)) return [{ path: at, kind: 'bad-enum', message: `The enum of field "${fieldName}" must be an array of allowed values; it is ${typeName(value)}.`, extra: { constraint: 'enum' } }];
  if (value.length === 0) return [{ path: at, kind: 'bad-enum', message: `The enum of field "${fieldName}" is empty, so no value can pass; list the allowed values or remove it.`, extra: { constraint: 'enum' } }];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  value.forEach((item, i) => {
    const key = show(item);
    if (seen.has(key)) {
      problems.push({ path: [...at, i], kind: 'duplicate-enum', message: `The enum of field "${fieldName}" lists ${key} twice (items ${seen.get(key)! + 1} and ${i + 1}).`, extra: { constraint: 'enum', index: i } });
    } else seen.set(key, i);
    if (NUMERIC_TYPES.has(type ?? '') && numeric(item) === undefined) {
      problems.push({ path: [...at, i], kind: 'enum-type', message: `Enum item ${i + 1} of ${type} field "${fieldName}" is ${show(item)}, which is not a number, so no cell can match it.`, extra: { constraint: 'enum', index: i } });
    }
  });
  return problems;
}

/** minimum above maximum (or minLength above maxLength): no value can pass. */
function checkBounds(constraints: Record<string, unknown>, path: DocPath, fieldName: string, lowKey: string, highKey: string, type: string | undefined): Problem[] {
  const low = constraints[lowKey];
  const high = constraints[highKey];
  if (low === undefined || high === undefined) return [];
  const l = numeric(low);
  const h = numeric(high);
  const inverted = l !== undefined && h !== undefined ? l > h : typeof low === 'string' && typeof high === 'string' && type !== 'length' && low > high;
  if (!inverted) return [];
  return [{
    path: [...path, highKey], kind: 'inverted-bounds',
    message: `Field "${fieldName}" has ${lowKey} ${show(low)} above ${highKey} ${show(high)}, so no value can pass.`,
    extra: { constraint: highKey, low, high },
  }];
}

function checkField(field: unknown, path: DocPath, index: number, root: unknown): Problem[] {
  const n = index + 1;
  if (!isObject(field)) return [{ path, kind: 'field-not-object', message: `Field ${n} must be an object with a name; it is ${typeName(field)}.` }];
  if ('$ref' in field) return [refProblem(root, field.$ref, [...path, '$ref'], `Field ${n}`)];
  if (!('name' in field)) return [{ path, kind: 'field-unnamed', message: `Field ${n} has no name; every field needs one, matching its column header.` }];
  if (typeof field.name !== 'string' || field.name === '') {
    return [{ path: [...path, 'name'], kind: 'field-unnamed', message: `The name of field ${n} must be a non-empty string; it is ${show(field.name)}.` }];
  }
  const name = field.name;
  const problems: Problem[] = [];
  const type = typeof field.type === 'string' ? field.type : undefined;
  if ('type' in field && typeof field.type !== 'string') {
    problems.push({ path: [...path, 'type'], kind: 'unknown-type', message: `The type of field "${name}" must be a string; it is ${typeName(field.type)}.` });
  } else if (type !== undefined && !isFieldType(type)) {
    const suggestion = suggestType(type);
    problems.push({
      path: [...path, 'type'], kind: 'unknown-type',
      message: `Unknown type "${type}" for field "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      detail: 'Table Schema types are string, number, integer, boolean, object, array, date, time, datetime, year, yearmonth, duration, geopoint, geojson, any (and list in v2).',
      extra: { type, suggestion },
    });
  }
  if ('constraints' in field) problems.push(...checkConstraints(field.constraints, [...path, 'constraints'], type && isFieldType(type) ? type : undefined, name));
  for (const key of ['missingValues', 'trueValues', 'falseValues'] as const) {
    if (key in field) problems.push(...checkStringList(field[key], [...path, key], `${key} of field "${name}"`, root, key === 'missingValues'));
  }
  return problems;
}

function checkKeyNames(value: unknown, path: DocPath, declared: Set<string>, unresolved: number, what: string): Problem[] {
  const names: { name: unknown; path: DocPath }[] = typeof value === 'string' ? [{ name: value, path }]
    : Array.isArray(value) ? value.map((name, i) => ({ name, path: [...path, i] }))
    : [];
  if (names.length === 0) return [{ path, kind: 'bad-key', message: `${what} must be a field name or an array of field names; it is ${typeName(value)}.` }];
  return names.flatMap(({ name, path: at }) => {
    if (typeof name === 'string' && declared.has(name)) return [];
    const maybe = unresolved > 0 ? ` (${unresolved} field${unresolved === 1 ? ' is a $ref' : 's are $refs'} that may define it, but references are not followed)` : '';
    return [{
      path: at, kind: 'undeclared-key', message: `${what} names ${show(name)}, which is not among the ${declared.size} declared fields`,
      ...(maybe ? { detail: `${what} names ${show(name)}, which is not among the ${declared.size} declared fields${maybe}.` } : {}), extra: { name },
    }];
  });
}

/** Every problem of one Table Schema, in document order of the checks. */
function tableSchemaProblems(schema: SchemaInDocument, root: unknown): Problem[] {
  const { value, pointer } = schema;
  if (!isObject(value)) return [{ path: pointer, kind: 'not-object', message: `A Table Schema is an object with a "fields" array; this is ${typeName(value)}.` }];
  if (!('fields' in value)) return [{ path: pointer, kind: 'no-fields', message: 'A Table Schema needs a "fields" array (one object per column); this one has none.' }];
  if (!Array.isArray(value.fields)) return [{ path: [...pointer, 'fields'], kind: 'fields-not-array', message: `"fields" must be an array of field objects; it is ${typeName(value.fields)}.` }];
  const problems: Problem[] = [];
  const firstByName = new Map<string, number>();
  let unresolved = 0;
  value.fields.forEach((field, index) => {
    const path = [...pointer, 'fields', index];
    if (isObject(field) && '$ref' in field) unresolved++;
    problems.push(...checkField(field, path, index, root));
    if (!isObject(field) || typeof field.name !== 'string' || '$ref' in field) return;
    const first = firstByName.get(field.name);
    if (first === undefined) { firstByName.set(field.name, index); return; }
    problems.push({
      path: [...path, 'name'], kind: 'duplicate-name',
      message: `Field name "${field.name}" is declared twice: fields ${first + 1} and ${index + 1}`,
      detail: 'Names must be unique, or a validator cannot tell which declaration a column follows.',
      extra: { name: field.name, first: first + 1, second: index + 1 },
    });
  });
  const declared = new Set(firstByName.keys());
  if ('missingValues' in value) problems.push(...checkStringList(value.missingValues, [...pointer, 'missingValues'], 'missingValues', root, true));
  if ('primaryKey' in value) problems.push(...checkKeyNames(value.primaryKey, [...pointer, 'primaryKey'], declared, unresolved, 'primaryKey'));
  if ('foreignKeys' in value) {
    if (!Array.isArray(value.foreignKeys)) problems.push({ path: [...pointer, 'foreignKeys'], kind: 'bad-key', message: `foreignKeys must be an array; it is ${typeName(value.foreignKeys)}.` });
    else value.foreignKeys.forEach((fk, i) => {
      if (isObject(fk) && 'fields' in fk) problems.push(...checkKeyNames(fk.fields, [...pointer, 'foreignKeys', i, 'fields'], declared, unresolved, `foreignKeys item ${i + 1}`));
    });
  }
  return problems;
}

/** Problems as findings, on the exact key or value (a multi-line object on its first line). */
export function toFindings(doc: StructuredDocument, problems: Problem[], where = ''): RawFindingOf<SchemaInvalidMessages, 'invalid'>[] {
  return problems.map((p) => ({
    messageId: 'invalid' as const,
    range: firstLineOf(doc, p.path, p.target ?? 'value'),
    message: `${where}${p.message}`,
    ...(p.detail ? { detail: p.detail } : {}),
    data: { kind: p.kind, path: p.path, line: lineOf(doc, p.path), ...p.extra },
    ...(p.defaultSeverity ? { defaultSeverity: p.defaultSeverity } : {}),
  }));
}

export function tableSchemaFindings(doc: StructuredDocument, schema: SchemaInDocument): RawFindingOf<SchemaInvalidMessages, 'invalid'>[] {
  return toFindings(doc, tableSchemaProblems(schema, doc.value), schema.where);
}

export type { Problem };
