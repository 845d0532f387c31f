// Format-preserving edits to JSON and YAML documents, for quick fixes that change a
// schema the author wrote by hand: only the text that must change is touched, so
// comments, key order, indentation, quoting and line endings elsewhere survive.
//
// JSON: a new last element or property is written after the existing last one, which
// is left as it is (on the same line when its container is on one line); anything else
// goes through jsonc-parser's modify(), in the document's own indentation. YAML is
// edited by inserting or replacing the smallest span of text at the indentation of its
// neighbours (the yaml library renders only the new value); a flow collection
// (`[a, b]`, `{k: v}`) that must change is rewritten as a flow collection.
//
// Every function takes a parsed StructuredDocument and returns TextEdits against its
// text; the edits of one call never overlap. Edits from two calls on the same text may
// overlap: apply one, re-parse, then compute the next. They throw when the path runs
// through a value that is neither an object nor an array (catch it in a fix provider).
//
//   addSchemaField(doc, [], { name: 'race', type: 'string' })          // a schema file
//   addSchemaField(doc, ['resources', 0, 'schema'], field)              // inline in a Data Package
//   setFieldEnum(doc, ['fields', 3], ['White', 'Asian'])                // add or replace constraints.enum
//   setValue(doc, ['fields', 3, 'type'], 'integer')                     // any value, parents created
//   appendToArray(doc, ['missingValues'], 'NA')                         // array created when absent
import * as jsonc from 'jsonc-parser';
import { isMap, isNode, isScalar, isSeq, parseDocument, stringify, type Document, type YAMLMap } from 'yaml';
import type { TextEdit } from '../types';
import type { DocPath, StructuredDocument } from './structuredDocument';

/** Adds `field` at the end of the `fields` array of the Table Schema at `schemaPointer`. */
export function addSchemaField(doc: StructuredDocument, schemaPointer: DocPath, field: Record<string, unknown>): TextEdit[] {
  return appendToArray(doc, [...schemaPointer, 'fields'], field);
}

/**
 * Adds or replaces `constraints.enum` of the field object at `fieldPath` (e.g. ['fields', 3]).
 * An enum of the same length is edited item by item, so comments beside the items stay.
 */
export function setFieldEnum(doc: StructuredDocument, fieldPath: DocPath, values: unknown[]): TextEdit[] {
  const enumPath = [...fieldPath, 'constraints', 'enum'];
  const current = valueAt(doc.value, enumPath);
  if (Array.isArray(current) && current.length === values.length && current.length > 0) {
    return values.flatMap((value, i) => (JSON.stringify(value) === JSON.stringify(current[i]) ? [] : setValue(doc, [...enumPath, i], value)));
  }
  return setFieldConstraint(doc, fieldPath, 'enum', values);
}

function valueAt(value: unknown, path: DocPath): unknown {
  let node = value;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** Adds or replaces one constraint of the field object at `fieldPath`; `constraints` is created when absent. */
export function setFieldConstraint(doc: StructuredDocument, fieldPath: DocPath, constraint: string, value: unknown): TextEdit[] {
  return setValue(doc, [...fieldPath, 'constraints', constraint], value);
}

/** Sets the value at `path`, replacing what is there; missing parent objects are created. */
export function setValue(doc: StructuredDocument, path: DocPath, value: unknown): TextEdit[] {
  if (path.length === 0) throw new Error('setValue needs a path: the whole document is not replaced');
  return doc.format === 'json' ? jsonEdits(doc, path, value, false) : yamlSet(doc, path, value);
}

/** Appends `item` to the array at `arrayPath`; the array (and its parents) are created when absent. */
export function appendToArray(doc: StructuredDocument, arrayPath: DocPath, item: unknown): TextEdit[] {
  return doc.format === 'json' ? jsonEdits(doc, [...arrayPath, -1], item, true) : yamlAppend(doc, arrayPath, item);
}

// ---------------------------------------------------------------------------- JSON

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The document's own indentation: tabs, or the smallest run of leading spaces. */
function jsonFormatting(text: string): jsonc.FormattingOptions {
  if (/^\t+["{[\]}]/m.test(text)) return { insertSpaces: false, tabSize: 1, eol: eolOf(text) };
  let unit = 0;
  for (const match of text.matchAll(/^( +)["{[\]}]/gm)) {
    if (unit === 0 || match[1].length < unit) unit = match[1].length;
  }
  return { insertSpaces: true, tabSize: unit || 2, eol: eolOf(text) };
}

function jsonEdits(doc: StructuredDocument, path: DocPath, value: unknown, isArrayInsertion: boolean): TextEdit[] {
  const text = doc.text.trim() === '' ? '{}' : doc.text;
  const formatting = jsonFormatting(doc.text);
  if (text === doc.text) {
    const appended = jsonAppend(doc, path, value, formatting);
    if (appended) return appended;
  }
  const edits = jsonc.modify(text, path, value, { formattingOptions: formatting, isArrayInsertion });
  if (text !== doc.text) return [{ range: doc.lines.range(0, doc.text.length), newText: jsonc.applyEdits(text, edits) }];
  return edits.map((e) => ({ range: doc.lines.range(e.offset, e.offset + e.length), newText: e.content }));
}

/**
 * A new last element of a non-empty array, or a new last property of a non-empty object,
 * written after the last one without touching it (jsonc-parser's modify re-formats the
 * element before the insertion point): on the same line when the container is on one
 * line, else on a new line at the last element's indentation.
 */
function jsonAppend(doc: StructuredDocument, path: DocPath, value: unknown, formatting: jsonc.FormattingOptions): TextEdit[] | undefined {
  const tree = jsonc.parseTree(doc.text);
  if (!tree || path.length === 0) return undefined;
  const key = path[path.length - 1];
  const parent = jsonc.findNodeAtLocation(tree, path.slice(0, -1));
  const children = parent?.children ?? [];
  if (!parent || children.length === 0) return undefined;
  let prefix: string;
  if (parent.type === 'array' && key === -1) prefix = '';
  else if (parent.type === 'object' && typeof key === 'string' && !jsonc.findNodeAtLocation(parent, [key])) prefix = `${JSON.stringify(key)}: `;
  else return undefined;
  const last = children[children.length - 1];
  const end = last.offset + last.length;
  const oneLine = doc.lines.positionAt(parent.offset).line === doc.lines.positionAt(parent.offset + parent.length).line;
  if (oneLine) return [{ range: doc.lines.range(end, end), newText: `, ${prefix}${JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ')}` }];
  const lastLine = doc.lines.positionAt(last.offset).line;
  const indent = /^\s*/.exec(doc.text.slice(doc.lines.lineStart(lastLine), last.offset))![0];
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  const rendered = JSON.stringify(value, null, unit).split('\n').join(`${formatting.eol}${indent}`);
  return [{ range: doc.lines.range(end, end), newText: `,${formatting.eol}${indent}${prefix}${rendered}` }];
}

// ---------------------------------------------------------------------------- YAML

type Range3 = [number, number, number];
interface Ranged { range?: Range3 | null }

interface YamlStyle {
  eol: string;
  /** Spaces per nesting level. */
  unit: number;
  /** Whether block sequences are indented under their key (`key:\n  - a`) or not (`key:\n- a`). */
  indentSeq: boolean;
}

function yamlStyle(text: string): YamlStyle {
  const lines = text.split(/\r?\n/).filter((l) => !/^\s*(#|$)/.test(l));
  let unit = 0;
  let indentSeq: boolean | undefined;
  for (let i = 0; i + 1 < lines.length; i++) {
    // A line opening a block (`key:`, `- key:`) and the line under it: the step between
    // the opener's key and the next line's first character is one level.
    const opener = /^( *(?:- +)*)[^\s#].*:\s*(#.*)?$/.exec(lines[i]);
    if (!opener) continue;
    const keyColumn = opener[1].length;
    const next = /^ */.exec(lines[i + 1])![0].length;
    const nextIsItem = /^ *- /.test(lines[i + 1]);
    if (nextIsItem && indentSeq === undefined) indentSeq = next > keyColumn;
    const step = next - keyColumn;
    if (step > 0 && (unit === 0 || step < unit)) unit = step;
  }
  return { eol: eolOf(text), unit: Math.min(unit || 2, 8), indentSeq: indentSeq ?? true };
}

/** Renders a value as YAML block text; lines after the first are indented by `indent`. */
function renderYaml(value: unknown, indent: number, style: YamlStyle): string {
  const out = stringify(value, { indent: style.unit, indentSeq: style.indentSeq, lineWidth: 0 }).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return out.split('\n').map((line, i) => (i === 0 || line === '' ? line : pad + line)).join(style.eol);
}

function isBlockCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !(node as { flow?: boolean }).flow && (node as { items: unknown[] }).items.length > 0;
}

/** Offset just past the last non-whitespace character of a node (block nodes end after a newline). */
function contentEnd(text: string, node: Ranged): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(text[end - 1])) end--;
  return end;
}

function insertAfterLineOf(doc: StructuredDocument, offset: number, newText: string): TextEdit {
  const line = doc.lines.positionAt(offset).line;
  const position = doc.lines.positionAt(doc.lines.lineEnd(line));
  return { range: { start: position, end: position }, newText };
}

function columnOf(doc: StructuredDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

/** The deepest node along `path` that exists, and how much of the path is left. */
function walk(yaml: Document, path: DocPath): { node: unknown; depth: number } {
  let node: unknown = yaml.contents;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    let next: unknown;
    if (isMap(node)) next = node.items.find((p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === String(key))?.value;
    else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    if (next === undefined) return { node, depth: i };
    node = next;
  }
  return { node, depth: path.length };
}

/** `{a: {b: value}}` for the rest of a path, so missing parents come into being. */
function nest(rest: DocPath, value: unknown): unknown {
  return rest.reduceRight<unknown>((inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }), value);
}

/** Replaces a flow or empty collection (or the whole document) by a flow rendering of its new value. */
function replaceAsFlow(doc: StructuredDocument, node: Ranged, newValue: unknown): TextEdit[] {
  const [start, end] = node.range!;
  return [{ range: doc.lines.range(start, end), newText: renderFlow(newValue) }];
}

/** One-line flow YAML (`{ required: true, enum: [ a, b ] }`), quoting only where YAML needs it. */
function renderFlow(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).replace(/\n$/, '');
}

/** Replaces the value of an existing node: scalars in place, block collections at their own indentation. */
function replaceNode(doc: StructuredDocument, node: Ranged, value: unknown, style: YamlStyle): TextEdit[] {
  const collection = value !== null && typeof value === 'object';
  if (isBlockCollection(node)) {
    const start = node.range![0];
    const rendered = collection ? renderYaml(value, columnOf(doc, start), style) : renderFlow(value);
    return [{ range: doc.lines.range(start, contentEnd(doc.text, node)), newText: rendered }];
  }
  if (!collection || (isSeq(node) || isMap(node))) {
    // A scalar by a scalar, or a flow / empty collection by a flow collection.
    const [start, end] = node.range!;
    const newText = collection ? renderFlow(value) : renderYaml(value, 0, style);
    return [{ range: doc.lines.range(start, end), newText }];
  }
  return []; // a scalar replaced by a collection is handled by the caller (it needs the key)
}

function yamlSet(doc: StructuredDocument, path: DocPath, value: unknown): TextEdit[] {
  const yaml = parseDocument(doc.text);
  const style = yamlStyle(doc.text);
  if (yaml.contents === null || (isScalar(yaml.contents) && yaml.contents.value === null)) {
    // An empty document (perhaps only comments): append the new content after them.
    const separator = doc.text === '' || /\n$/.test(doc.text) ? '' : style.eol;
    const end = doc.lines.positionAt(doc.text.length);
    return [{ range: { start: end, end }, newText: `${separator}${renderYaml(nest(path, value), 0, style)}${style.eol}` }];
  }
  const { node, depth } = walk(yaml, path);
  if (depth === path.length) {
    const collection = value !== null && typeof value === 'object';
    if (collection && isScalar(node)) return replaceScalarByBlock(doc, yaml, path, value, style);
    return replaceNode(doc, node as Ranged, value, style);
  }
  const rest = path.slice(depth);
  const parentPath = path.slice(0, depth);
  if (isMap(node) && typeof rest[0] === 'string') return insertPair(doc, node, String(rest[0]), nest(rest.slice(1), value), style);
  if (isSeq(node) && (rest[0] === -1 || rest[0] === node.items.length)) return yamlAppend(doc, parentPath, nest(rest.slice(1), value));
  if (isScalar(node) && node.value === null && depth > 0) {
    // `constraints:` with nothing after it: give it the value.
    return replaceScalarByBlock(doc, yaml, parentPath, nest(rest, value), style);
  }
  throw new Error(`cannot set ${path.join('.')}: ${parentPath.join('.') || 'the document'} is not an object`);
}

/** Inserts `key: value` as the last pair of a map. */
function insertPair(doc: StructuredDocument, map: YAMLMap, key: string, value: unknown, style: YamlStyle): TextEdit[] {
  if (!isBlockCollection(map)) return replaceAsFlow(doc, map as Ranged, { ...(map.toJSON() as Record<string, unknown>), [key]: value });
  const first = map.items[0].key as Ranged;
  const indent = columnOf(doc, first.range![0]);
  const last = map.items[map.items.length - 1];
  const lastNode = (isNode(last.value) && (last.value as Ranged).range ? last.value : last.key) as Ranged;
  const rendered = renderYaml({ [key]: value }, indent, style);
  return [insertAfterLineOf(doc, contentEnd(doc.text, lastNode), `${style.eol}${' '.repeat(indent)}${rendered}`)];
}

/** `key: scalar` (often `key:` with nothing) becomes `key:` followed by a block collection. */
function replaceScalarByBlock(doc: StructuredDocument, yaml: Document, path: DocPath, value: unknown, style: YamlStyle): TextEdit[] {
  const parent = path.length === 1 ? yaml.contents : yaml.getIn(path.slice(0, -1), true);
  const key = path[path.length - 1];
  if (!isMap(parent)) {
    const scalar = yaml.getIn(path, true) as Ranged;
    return [{ range: doc.lines.range(scalar.range![0], scalar.range![1]), newText: renderFlow(value) }];
  }
  const pair = parent.items.find((p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === String(key))!;
  const keyNode = pair.key as Ranged;
  const scalar = pair.value as Ranged;
  if ((parent as { flow?: boolean }).flow) {
    return [{ range: doc.lines.range(scalar.range![0], scalar.range![1]), newText: renderFlow(value) }];
  }
  const indent = columnOf(doc, keyNode.range![0]);
  // From the key's start: `key:` then the block on the following lines.
  const rendered = renderYaml({ [String(key)]: value }, indent, style);
  const end = scalar.range && scalar.range[1] > keyNode.range![0] ? scalar.range[1] : keyNode.range![1] + 1;
  return [{ range: doc.lines.range(keyNode.range![0], end), newText: rendered }];
}

function yamlAppend(doc: StructuredDocument, arrayPath: DocPath, item: unknown): TextEdit[] {
  const yaml = parseDocument(doc.text);
  const style = yamlStyle(doc.text);
  const { node, depth } = walk(yaml, arrayPath);
  if (depth < arrayPath.length || (isScalar(node) && (node.value === null || node.value === undefined))) {
    return yamlSet(doc, arrayPath, [item]);
  }
  if (!isSeq(node)) throw new Error(`cannot append to ${arrayPath.join('.')}: it is not an array`);
  if (!isBlockCollection(node)) return replaceAsFlow(doc, node as Ranged, [...(node.toJSON() as unknown[]), item]);
  const firstItem = node.items[0] as Ranged;
  // The dash sits before the item's content: find it on the first item's line.
  const firstLine = doc.lines.positionAt(firstItem.range?.[0] ?? node.range![0]).line;
  const lineText = doc.text.slice(doc.lines.lineStart(firstLine), doc.lines.lineEnd(firstLine));
  const dashIndent = /^( *)- ?/.exec(lineText)?.[1].length ?? columnOf(doc, node.range![0]);
  const rendered = renderYaml([item], dashIndent, style);
  const last = node.items[node.items.length - 1] as Ranged;
  return [insertAfterLineOf(doc, contentEnd(doc.text, last.range ? last : (node as Ranged)), `${style.eol}${' '.repeat(dashIndent)}${rendered}`)];
}
