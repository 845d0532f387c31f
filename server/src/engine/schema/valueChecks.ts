// Checks one cell against its Table Schema field, as Frictionless validators read a cell
// (specs.frictionlessdata.io/table-schema): missing when it is one of the missingValues
// (exact text), else it must parse as the field's type (with the type's default format,
// or the field's trueValues, decimalChar, ...), then meet each constraint. A cell that
// does not parse is not checked further: its other constraints cannot be evaluated.
import { NUMERIC_TYPES } from './fieldTypes';
import type { TableSchema, TableSchemaField } from './model';
import { tablePattern } from './pattern';

export type ViolationKind = 'required' | 'type' | 'enum' | 'pattern' | 'minimum' | 'maximum' | 'length';

export const VIOLATION_KINDS: ViolationKind[] = ['required', 'type', 'enum', 'pattern', 'minimum', 'maximum', 'length'];

/** Frictionless defaults for boolean fields. */
export const DEFAULT_TRUE_VALUES = ['true', 'True', 'TRUE', '1'];
export const DEFAULT_FALSE_VALUES = ['false', 'False', 'FALSE', '0'];

const MEMO_LIMIT = 10_000;

export interface FieldChecker {
  /** The violations of one cell (empty when it fits). */
  check(value: string): ViolationKind[];
}

type Parsed = { ok: true; value: number | string | boolean } | { ok: false };
const FAIL: Parsed = { ok: false };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const GEOPOINT_DEFAULT = /^\s*[+-]?\d+(\.\d+)?\s*,\s*[+-]?\d+(\.\d+)?\s*$/;
const STRING_FORMATS: Record<string, RegExp> = {
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  binary: /^[A-Za-z0-9+/]*={0,2}$/,
};

function validDate(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
}

/** A strptime-style format (`%d/%m/%Y`) as an anchored regular expression. */
function strptimeRegex(format: string): RegExp {
  const parts: Record<string, string> = {
    Y: '\\d{4}', y: '\\d{2}', m: '\\d{1,2}', d: '\\d{1,2}', H: '\\d{1,2}', I: '\\d{1,2}', M: '\\d{2}', S: '\\d{2}',
    f: '\\d{1,9}', p: '(AM|PM|am|pm)', b: '[A-Za-z]{3}', B: '[A-Za-z]+', a: '[A-Za-z]{3}', A: '[A-Za-z]+', z: '[+-]\\d{4}', Z: '[A-Za-z]+', j: '\\d{1,3}', '%': '%',
  };
  let source = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] === '%' && i + 1 < format.length) { source += parts[format[++i]] ?? '.+?'; continue; }
    source += format[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function numberParser(field: TableSchemaField, integer: boolean): (raw: string) => Parsed {
  const group = field.groupChar ?? '';
  const decimal = field.decimalChar ?? '.';
  const bare = field.bareNumber !== false;
  return (raw) => {
    let text = raw.trim();
    if (group) text = text.split(group).join('');
    if (!bare) text = text.replace(/^[^\d+.-]+|[^\d.]+$/g, '');
    if (!integer) {
      if (decimal !== '.') text = text.split(decimal).join('.');
      if (/^(NaN|[+-]?INF)$/.test(text)) return { ok: true, value: text === 'NaN' ? NaN : text.startsWith('-') ? -Infinity : Infinity };
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return FAIL;
    } else if (!/^[+-]?\d+$/.test(text)) return FAIL;
    return { ok: true, value: Number(text) };
  };
}

function jsonParser(kind: 'object' | 'array' | 'geojson'): (raw: string) => Parsed {
  return (raw) => {
    try {
      const value = JSON.parse(raw);
      if (kind === 'array' ? Array.isArray(value) : value && typeof value === 'object' && !Array.isArray(value) && (kind !== 'geojson' || typeof value.type === 'string')) return { ok: true, value: raw };
    } catch { /* not JSON */ }
    return FAIL;
  };
}

function temporalParser(pattern: RegExp, format: string | undefined, dateParts: boolean): (raw: string) => Parsed {
  if (format && format !== 'default') {
    if (format === 'any') return (raw) => (Number.isNaN(Date.parse(raw)) && !pattern.test(raw) ? FAIL : { ok: true, value: raw });
    const custom = strptimeRegex(format.replace(/^fmt:/, ''));
    return (raw) => (custom.test(raw) ? { ok: true, value: raw } : FAIL);
  }
  return (raw) => {
    const m = pattern.exec(raw);
    if (!m || (dateParts && !validDate(m[1], m[2], m[3]))) return FAIL;
    return { ok: true, value: raw };
  };
}

/** How a field's cells parse; undefined for types that accept any text. */
function parserFor(field: TableSchemaField): ((raw: string) => Parsed) | undefined {
  switch (field.type) {
    case 'integer': return numberParser(field, true);
    case 'number': return numberParser(field, false);
    case 'year': return (raw) => (/^[+-]?\d{1,4}$/.test(raw.trim()) ? { ok: true, value: Number(raw) } : FAIL);
    case 'boolean': {
      const trueValues = new Set(field.trueValues ?? DEFAULT_TRUE_VALUES);
      const falseValues = new Set(field.falseValues ?? DEFAULT_FALSE_VALUES);
      return (raw) => (trueValues.has(raw) ? { ok: true, value: true } : falseValues.has(raw) ? { ok: true, value: false } : FAIL);
    }
    case 'date': return temporalParser(ISO_DATE, field.format, true);
    case 'time': return temporalParser(ISO_TIME, field.format, false);
    case 'datetime': return temporalParser(ISO_DATETIME, field.format, true);
    case 'yearmonth': return (raw) => {
      const m = /^(\d{4})-(\d{2})$/.exec(raw);
      return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { ok: true, value: raw } : FAIL;
    };
    case 'duration': return (raw) => (ISO_DURATION.test(raw) ? { ok: true, value: raw } : FAIL);
    case 'geopoint':
      if (field.format === 'array') return (raw) => { const p = jsonParser('array')(raw); return p.ok && (JSON.parse(raw) as unknown[]).length === 2 ? p : FAIL; };
      if (field.format === 'object') return jsonParser('object');
      return (raw) => (GEOPOINT_DEFAULT.test(raw) ? { ok: true, value: raw } : FAIL);
    case 'object': return jsonParser('object');
    case 'array': return jsonParser('array');
    case 'geojson': return jsonParser('geojson');
    case 'string': {
      const format = field.format ? STRING_FORMATS[field.format] : undefined;
      return format ? (raw) => (format.test(raw) ? { ok: true, value: raw } : FAIL) : undefined;
    }
    default: return undefined; // any, list, missing or unknown types accept any text
  }
}

function toComparable(value: unknown, numeric: boolean): number | string | undefined {
  if (numeric) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isNaN(n) ? undefined : n;
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function compilePattern(pattern: unknown): { test(value: string): boolean } | undefined {
  if (typeof pattern !== 'string') return undefined;
  const compiled = tablePattern(pattern);
  // An invalid or unsupported pattern is reported on the schema (schema-invalid).
  return compiled.ok ? { test: compiled.matches } : undefined;
}

/** The checker for one field, with the schema's (or the field's own) missing values. */
export function fieldChecker(field: TableSchemaField, schema: TableSchema): FieldChecker & { isMissing(value: string): boolean } {
  const missing = new Set(field.missingValues ?? schema.missingValues);
  const constraints = field.constraints ?? {};
  const required = constraints.required === true || (typeof schema.primaryKey === 'string' ? schema.primaryKey === field.name : schema.primaryKey?.includes(field.name) === true);
  const parse = parserFor(field);
  const numeric = NUMERIC_TYPES.has(field.type ?? '');
  const enumSet = Array.isArray(constraints.enum)
    ? new Set(constraints.enum.map((v) => (field.type === 'boolean' ? v : toComparable(v, numeric))))
    : undefined;
  const pattern = compilePattern(constraints.pattern);
  const raw = constraints as Record<string, unknown>;
  const ordered = field.type !== undefined && field.type !== 'string' && field.type !== 'boolean';
  const bound = (key: string) => (ordered && raw[key] !== undefined ? toComparable(raw[key], numeric) : undefined);
  const min = bound('minimum');
  const max = bound('maximum');
  const exclusiveMin = bound('exclusiveMinimum');
  const exclusiveMax = bound('exclusiveMaximum');
  const minLength = typeof constraints.minLength === 'number' ? constraints.minLength : undefined;
  const maxLength = typeof constraints.maxLength === 'number' ? constraints.maxLength : undefined;

  const NONE: ViolationKind[] = [];
  const checkOnce = (value: string): ViolationKind[] => {
    if (missing.has(value)) return required ? ['required'] : NONE;
    let parsed: number | string | boolean = value;
    if (parse) {
      const result = parse(value);
      if (!result.ok) return ['type'];
      parsed = result.value;
    }
    const out: ViolationKind[] = [];
    if (enumSet && !enumSet.has(typeof parsed === 'boolean' ? parsed : toComparable(parsed, numeric))) out.push('enum');
    if (pattern && !pattern.test(value)) out.push('pattern');
    if (typeof parsed === 'number' || typeof parsed === 'string') {
      const v = numeric ? parsed : String(parsed);
      if ((min !== undefined && v < min) || (exclusiveMin !== undefined && v <= exclusiveMin)) out.push('minimum');
      if ((max !== undefined && v > max) || (exclusiveMax !== undefined && v >= exclusiveMax)) out.push('maximum');
    }
    if ((minLength !== undefined || maxLength !== undefined) && !lengthFits(value, minLength, maxLength)) out.push('length');
    return out.length > 0 ? out : NONE;
  };
  // Columns repeat their values (codes, categories), so most cells cost one lookup.
  const memo = new Map<string, ViolationKind[]>();
  return {
    isMissing: (value) => missing.has(value),
    check(value) {
      const known = memo.get(value);
      if (known) return known;
      const verdict = checkOnce(value);
      if (memo.size < MEMO_LIMIT) memo.set(value, verdict);
      return verdict;
    },
  };
}

/** Length in code points (as Table Schema counts), computed exactly only near a limit. */
function lengthFits(value: string, minLength: number | undefined, maxLength: number | undefined): boolean {
  const units = value.length;
  // Code points lie between units / 2 and units.
  if ((maxLength === undefined || units <= maxLength) && (minLength === undefined || Math.ceil(units / 2) >= minLength)) return true;
  const points = [...value].length;
  return (maxLength === undefined || points <= maxLength) && (minLength === undefined || points >= minLength);
}
