// What Frictionless Table Schema allows (specs.frictionlessdata.io/table-schema, v1 and
// v2): field types, constraint names, and which constraints apply to which types.

/** v1 types, plus v2's `list`. */
export const FIELD_TYPES = [
  'string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime',
  'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any', 'list',
] as const;

/** Names other tools use for a Table Schema type (pandas, SQL, JSON Schema, R). */
const TYPE_ALIASES: Record<string, string> = {
  int: 'integer', int32: 'integer', int64: 'integer', long: 'integer', bigint: 'integer', smallint: 'integer',
  float: 'number', double: 'number', decimal: 'number', numeric: 'number', real: 'number', float64: 'number',
  str: 'string', text: 'string', varchar: 'string', char: 'string', character: 'string', categorical: 'string', category: 'string', factor: 'string', enum: 'string',
  bool: 'boolean', logical: 'boolean',
  timestamp: 'datetime', 'date-time': 'datetime', datetime64: 'datetime',
  dict: 'object', map: 'object', json: 'object', list: 'list',
};

export function isFieldType(type: string): boolean {
  return (FIELD_TYPES as readonly string[]).includes(type);
}

/** The Table Schema type a misspelt or foreign type name most likely means. */
export function suggestType(type: string): string | undefined {
  const key = type.toLowerCase().replace(/[^a-z0-9-]/g, '');
  if (isFieldType(key)) return key;
  return TYPE_ALIASES[key];
}

/** Constraint names of v1 and v2 (exclusiveMinimum/Maximum and jsonSchema are v2). */
export const CONSTRAINT_NAMES = [
  'required', 'unique', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern', 'enum', 'jsonSchema',
] as const;

export const NUMERIC_TYPES = new Set(['integer', 'number', 'year']);

/** Types minimum/maximum apply to (v1: integer, number, date, time, datetime, year, yearmonth; v2 adds duration). */
export const ORDERED_TYPES = new Set(['integer', 'number', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration']);

export function suggestConstraint(name: string): string | undefined {
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  return CONSTRAINT_NAMES.find((c) => c.toLowerCase() === key);
}
