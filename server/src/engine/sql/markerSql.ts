// A cell's missing marker in SQL, as MissingMarkers.match gives it in JavaScript: the value
// as written when its trimmed, lower-case form is a marker ('(empty)' for an empty one),
// for ancestry columns also when its labelKey is a not-recorded phrase; NULL for data.
import type { Dialect } from './dialect';
import type { ColumnPlan } from './plan';

/** What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
const TRIMMED = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const hex = (c: string) => `\\x{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`;
const SPACE_CLASS = `[${TRIMMED.map(hex).join('')}]`;

function inList(d: Dialect, expression: string, keys: string[]): string {
  return keys.length === 0 ? 'FALSE' : `${expression} IN (${keys.map(d.string).join(', ')})`;
}

/** labelKey in SQL: accents folded (where the engine can), lower case, only a-z and 0-9 kept. */
function labelKeySql(d: Dialect, v: string): string {
  const folded = d.name === 'duckdb' ? `strip_accents(${v})` : d.name === 'bigquery' ? `NORMALIZE(${v}, NFKD)` : v;
  return d.removeAll(`lower(${folded})`, d.regex('[^a-z0-9]'));
}

export function markerSql(d: Dialect, column: ColumnPlan, v: string): string {
  const edge = TRIMMED.map(d.string).join(', ');
  const trimmed = d.removeAll(v, d.regex(`^${SPACE_CLASS}+|${SPACE_CLASS}+$`));
  const named = (key: string) => `CASE WHEN ${key} = '' THEN '(empty)' ELSE ${v} END`;
  const branches = [
    `WHEN ${inList(d, `lower(${v})`, column.keys)} THEN ${named(v)}`,
    `WHEN (substr(${v}, 1, 1) IN (${edge}) OR substr(${v}, length(${v}), 1) IN (${edge})) AND ${inList(d, `lower(${trimmed})`, column.keys)} THEN ${named(trimmed)}`,
  ];
  if (column.labelKeys.length > 0) branches.push(`WHEN ${inList(d, labelKeySql(d, v), column.labelKeys)} THEN ${v}`);
  return `CASE ${branches.join(' ')} END`;
}
